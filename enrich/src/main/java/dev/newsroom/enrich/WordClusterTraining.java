package dev.newsroom.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.enrich.ner.ConllCorpus;
import dev.newsroom.enrich.ner.WordClusters;
import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Tokenizer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Learns the word classes of {@link WordClusters} from unlabelled text: each word of the text is described by the
 * words next to it (one and two to the left and right, as positive pointwise mutual information with the
 * commonest words), and those descriptions are grouped by spherical k-means at each of the granularities. Text is
 * segmented as the tagger segments it, so the classes are keyed by the words the tagger will look up.
 *
 * <pre>
 * WordClusterTraining OUT.tsv.gz FILE...   # FILE: plain text[.gz], a section set (.jsonl[.gz]) or a .conll file
 * </pre>
 */
public final class WordClusterTraining {
    private static final int[] CLASSES = {32, 256, WordClusters.MAX_CLASSES - 1};
    private static final int CONTEXT_WORDS = 2000;
    private static final int MIN_COUNT = 3;
    /**
     * The commonest words only: every classed word is held by the tagger for as long as it runs, and the reference
     * data has a heap budget (README, 64 MB); past this the words are rare enough that the tagger seldom meets them.
     */
    static final int MAX_WORDS = 80_000;
    private static final int[] OFFSETS = {-2, -1, 1, 2};
    private static final int ITERATIONS = 12;
    private static final long SEED = 20261206L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WordClusterTraining() {
    }

    public static void main(String[] args) throws IOException {
        Enricher enricher = Enricher.loadWithoutModel();
        List<String[]> sentences = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sentences.addAll(read(Path.of(args[i]), enricher.segmenter()));
        }
        Map<String, int[]> classes = cluster(sentences, MAX_WORDS);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
                Files.newOutputStream(Path.of(args[0]))), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, int[]> e : new TreeMap<>(classes).entrySet()) {
                out.write(e.getKey());
                for (int c : e.getValue()) {
                    out.write("\t" + (c + 1));
                }
                out.write("\n");
            }
        }
        System.out.printf("%,d words in %d sentences; %,d words classed%n",
                sentences.stream().mapToInt(s -> s.length).sum(), sentences.size(), classes.size());
    }

    /**
     * The folded segments of each sentence (CoNLL), paragraph (plain text, one a line) or headline and paragraph
     * (section set), as the tagger sees them.
     */
    private static List<String[]> read(Path file, ArabicSegmenter segmenter) throws IOException {
        List<String[]> out = new ArrayList<>();
        String name = file.getFileName().toString();
        if (name.endsWith(".conll")) {
            for (ConllCorpus.Sentence s : ConllCorpus.read(file)) {
                out.add(folded(ArabicSegmenter.unsplit(Tokenizer.pretokenized(s.tokens()))));
            }
            return out;
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                List<String> pieces = new ArrayList<>();
                if (name.contains(".jsonl")) {
                    JsonNode item = JSON.readTree(line);
                    pieces.add(item.path("headline").asText(""));
                    pieces.addAll(List.of(item.path("text").asText("").split("\n")));
                } else {
                    pieces.add(line);
                }
                for (String piece : pieces) {
                    out.add(folded(segmenter.segment(Tokenizer.tokenize(piece))));
                }
            }
        }
        return out;
    }

    private static String[] folded(List<Segment> segments) {
        return segments.stream().map(Segment::folded).toArray(String[]::new);
    }

    /**
     * Each classed word's class at each granularity of {@link #CLASSES}, from 0: the {@code maxWords} commonest
     * words of the main script seen at least {@link #MIN_COUNT} times.
     */
    static Map<String, int[]> cluster(List<String[]> sentences, int maxWords) {
        Map<String, Integer> counts = new HashMap<>();
        for (String[] s : sentences) {
            for (String w : s) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> byCount = new ArrayList<>(counts.keySet());
        byCount.sort((a, b) -> counts.get(b) - counts.get(a) != 0 ? counts.get(b) - counts.get(a) : a.compareTo(b));
        Map<String, Integer> contextId = new HashMap<>();
        for (int i = 0; i < Math.min(CONTEXT_WORDS, byCount.size()); i++) {
            contextId.put(byCount.get(i), i);
        }
        Character.UnicodeScript script = mainScript(byCount);
        List<String> vocabulary = byCount.stream()
                .filter(w -> counts.get(w) >= MIN_COUNT && firstLetterScript(w) == script).limit(maxWords).toList();
        Map<String, Integer> wordId = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            wordId.put(vocabulary.get(i), i);
        }
        int width = CONTEXT_WORDS + 1;
        int dimensions = OFFSETS.length * width;
        List<Map<Integer, Integer>> cooccurrence = new ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            cooccurrence.add(new HashMap<>());
        }
        double[] contextTotal = new double[dimensions];
        double[] wordTotal = new double[vocabulary.size()];
        double total = 0;
        for (String[] s : sentences) {
            for (int i = 0; i < s.length; i++) {
                Integer w = wordId.get(s[i]);
                if (w == null) {
                    continue;
                }
                for (int o = 0; o < OFFSETS.length; o++) {
                    int j = i + OFFSETS[o];
                    int context = j < 0 || j >= s.length ? CONTEXT_WORDS : contextId.getOrDefault(s[j], -1);
                    if (context < 0) {
                        continue;
                    }
                    int d = o * width + context;
                    cooccurrence.get(w).merge(d, 1, Integer::sum);
                    contextTotal[d]++;
                    wordTotal[w]++;
                    total++;
                }
            }
        }
        int[][] index = new int[vocabulary.size()][];
        float[][] value = new float[vocabulary.size()][];
        for (int w = 0; w < vocabulary.size(); w++) {
            Map<Integer, Integer> row = cooccurrence.get(w);
            index[w] = new int[row.size()];
            value[w] = new float[row.size()];
            int kept = 0;
            double norm = 0;
            for (Map.Entry<Integer, Integer> e : row.entrySet()) {
                double pmi = Math.log(e.getValue() * total / (wordTotal[w] * contextTotal[e.getKey()]));
                if (pmi > 0) {
                    index[w][kept] = e.getKey();
                    value[w][kept++] = (float) pmi;
                    norm += pmi * pmi;
                }
            }
            index[w] = Arrays.copyOf(index[w], kept);
            value[w] = Arrays.copyOf(value[w], kept);
            for (int k = 0; k < kept; k++) {
                value[w][k] = (float) (value[w][k] / Math.sqrt(norm));
            }
        }
        int[][] assignments = new int[CLASSES.length][];
        for (int level = 0; level < CLASSES.length; level++) {
            assignments[level] = kMeans(index, value, dimensions, Math.min(CLASSES[level], vocabulary.size()),
                    new Random(SEED + level));
        }
        Map<String, int[]> out = new HashMap<>();
        for (int w = 0; w < vocabulary.size(); w++) {
            int[] c = new int[CLASSES.length];
            for (int level = 0; level < CLASSES.length; level++) {
                c[level] = assignments[level][w];
            }
            out.put(vocabulary.get(w), c);
        }
        return out;
    }

    /**
     * The script most words are written in. Only its words are classed: the Arabic and the English classes share
     * one table, and a Latin word met in Arabic text should keep the class learnt from English.
     */
    private static Character.UnicodeScript mainScript(List<String> words) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        for (String w : words) {
            Character.UnicodeScript script = firstLetterScript(w);
            if (script != null) {
                counts.merge(script, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static Character.UnicodeScript firstLetterScript(String w) {
        return w.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).findFirst()
                .orElse(null);
    }

    /** Spherical k-means over unit-length sparse vectors, seeded with {@code k} distinct words drawn at random. */
    private static int[] kMeans(int[][] index, float[][] value, int dimensions, int k, Random random) {
        int n = index.length;
        float[] centroids = new float[dimensions * k];
        int[] seeds = random.ints(0, n).distinct().limit(k).toArray();
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < index[seeds[c]].length; f++) {
                centroids[index[seeds[c]][f] * k + c] = value[seeds[c]][f];
            }
        }
        int[] assignment = new int[n];
        float[] scores = new float[k];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int w = 0; w < n; w++) {
                Arrays.fill(scores, 0);
                for (int f = 0; f < index[w].length; f++) {
                    int row = index[w][f] * k;
                    float v = value[w][f];
                    for (int c = 0; c < k; c++) {
                        scores[c] += v * centroids[row + c];
                    }
                }
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (scores[c] > scores[best]) {
                        best = c;
                    }
                }
                assignment[w] = best;
            }
            Arrays.fill(centroids, 0);
            for (int w = 0; w < n; w++) {
                for (int f = 0; f < index[w].length; f++) {
                    centroids[index[w][f] * k + assignment[w]] += value[w][f];
                }
            }
            double[] norms = new double[k];
            for (int d = 0; d < dimensions; d++) {
                for (int c = 0; c < k; c++) {
                    norms[c] += centroids[d * k + c] * centroids[d * k + c];
                }
            }
            for (int d = 0; d < dimensions; d++) {
                for (int c = 0; c < k; c++) {
                    centroids[d * k + c] /= norms[c] == 0 ? 1 : (float) Math.sqrt(norms[c]);
                }
            }
        }
        return assignment;
    }
}
