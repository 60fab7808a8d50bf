package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scores IPTC Media Topics from per-language cue lexicons. Cues are stemmed phrases of up to a few words;
 * each occurrence adds its weight times the weight of the block it is in (the headline counts most), with
 * diminishing returns for repeats. Second-level scores roll up into their top-level parent, so a parent is
 * always at least as relevant as any of its children.
 */
public final class TopicClassifier {
    private static final double SATURATION = 12.0;
    private static final int MIN_RELEVANCE = 25;
    private static final int MAX_SUBJECTS = 8;

    private final Map<String, MediaTopic> topics = new LinkedHashMap<>();
    private final Map<String, Lexicon> lexicons = new HashMap<>();

    /** A topic, its raw evidence and its relevance 0..100. */
    public record Scored(MediaTopic topic, double score, int relevance) {
    }

    private record Cue(String code, double weight) {
    }

    private static final class Lexicon {
        final Map<String, List<Cue>> cues = new HashMap<>();
        final java.util.Set<String> firstWords = new java.util.HashSet<>();
        int maxWords = 1;
    }

    public void loadTopics(InputStream in) {
        for (String[] f : rows(in)) {
            topics.put(f[0], new MediaTopic(f[0], f[1].isEmpty() ? null : f[1], f[2]));
        }
    }

    public void loadLexicon(String language, InputStream in) {
        Lexicon lexicon = lexicons.computeIfAbsent(language, l -> new Lexicon());
        UnaryOperator<String> stemmer = Stemming.forLanguage(language);
        for (String[] f : rows(in)) {
            if (!topics.containsKey(f[0])) {
                throw new IllegalStateException("lexicon " + language + " names unknown topic " + f[0]);
            }
            double weight = Double.parseDouble(f[1]);
            for (String term : f[2].split("\\|")) {
                List<String> stems = stems(term, stemmer);
                if (stems.isEmpty()) {
                    continue;
                }
                lexicon.cues.computeIfAbsent(String.join(" ", stems), k -> new ArrayList<>()).add(new Cue(f[0], weight));
                lexicon.firstWords.add(stems.get(0));
                lexicon.maxWords = Math.max(lexicon.maxWords, stems.size());
            }
        }
    }

    /** Topics with relevance of at least 25, most relevant first (a parent before its children on ties). */
    public List<Scored> classify(String language, List<StemmedText> texts) {
        List<Scored> all = score(language, texts);
        List<Scored> out = new ArrayList<>();
        for (Scored s : all) {
            if (s.relevance() >= MIN_RELEVANCE && out.size() < MAX_SUBJECTS) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every topic with any evidence, most relevant first. */
    public List<Scored> score(String language, List<StemmedText> texts) {
        Lexicon lexicon = lexicons.get(language);
        if (lexicon == null) {
            return List.of();
        }
        Map<String, Double> raw = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (StemmedText text : texts) {
            List<String> stems = text.stems();
            for (int i = 0; i < stems.size(); i++) {
                if (!lexicon.firstWords.contains(stems.get(i))) {
                    continue;
                }
                StringBuilder phrase = new StringBuilder();
                for (int n = 0; n < lexicon.maxWords && i + n < stems.size(); n++) {
                    if (n > 0) {
                        phrase.append(' ');
                    }
                    phrase.append(stems.get(i + n));
                    List<Cue> cues = lexicon.cues.get(phrase.toString());
                    if (cues == null) {
                        continue;
                    }
                    int repeat = seen.merge(phrase.toString(), 1, Integer::sum);
                    double damping = 1.0 / Math.sqrt(repeat);
                    for (Cue cue : cues) {
                        raw.merge(cue.code(), cue.weight() * text.weight() * damping, Double::sum);
                    }
                }
            }
        }
        Map<String, Double> rolled = new HashMap<>(raw);
        raw.forEach((code, score) -> {
            MediaTopic topic = topics.get(code);
            if (topic.parent() != null) {
                rolled.merge(topic.parent(), score, Double::sum);
            }
        });
        double best = rolled.entrySet().stream().filter(e -> topics.get(e.getKey()).isTopLevel())
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        if (best <= 0) {
            return List.of();
        }
        double scale = Math.min(1.0, best / SATURATION);
        List<Scored> scored = new ArrayList<>();
        rolled.forEach((code, score) -> scored.add(new Scored(topics.get(code), score,
                (int) Math.round(100 * Math.min(1.0, score / best) * scale))));
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.topic().isTopLevel() ? 0 : 1)
                .thenComparing(s -> s.topic().code()));
        return scored;
    }

    /** Stems of the words of a lexicon term. */
    private static List<String> stems(String text, UnaryOperator<String> stemmer) {
        List<String> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.isWord()) {
                String stem = stemmer.apply(t.folded());
                if (!stem.isEmpty()) {
                    out.add(stem);
                }
            }
        }
        return out;
    }

    private static List<String[]> rows(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && line.charAt(0) != '#') {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
