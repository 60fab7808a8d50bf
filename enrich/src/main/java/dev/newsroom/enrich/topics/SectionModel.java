package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Word;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over hashed features of one language: stemmed unigrams and bigrams (one pass
 * over the stems, no strings built) and the lexicon's evidence per top-level topic. Words count by the weight of
 * the block they are in (the headline most), damped with log(1 + count), weighted by inverse document frequency in
 * the training texts and scaled to unit length, so neither common words nor a long text shout down the rest.
 * <p>
 * Only features seen in at least two training texts are kept; they live in an open-addressing table from the
 * 32-bit feature hash to a row of class weights, so memory follows the vocabulary, not a hash space.
 */
public final class SectionModel {
    private static final int MAGIC = 0x53454331;
    private static final int UNIGRAM = 0x9E3779B9;
    private static final int BIGRAM = 0x85EBCA6B;
    private static final int CUE = 0xC2B2AE35;
    /**
     * log(1 + halves / 2) for the counts a text mostly has (counts are whole halves), computed as {@code predict}
     * would: {@code Math.log1p} is a long computation in Java code, and a text repeats its small counts.
     */
    private static final double[] DAMPED = new double[64];

    static {
        for (int halves = 0; halves < DAMPED.length; halves++) {
            DAMPED[halves] = Math.log1p(halves / 2.0);
        }
    }

    /** How much the lexicon's evidence counts next to the words (both are unit-scaled). */
    static final float CUE_SCALE = 0.5f;

    private final String language;
    private final String[] labels;
    private final float[] bias;
    private final int[] keys;
    private final int[] rows;
    private final float[] idf;
    private final float[] weights;
    private final int mask;
    private final List<List<String>> codes;
    private final java.util.Set<String> sections;

    SectionModel(String language, String[] labels, float[] bias, int[] features, float[] idf, float[] weights) {
        this.language = language;
        this.labels = labels;
        this.bias = bias;
        this.idf = idf;
        this.weights = weights;
        this.codes = Arrays.stream(labels).map(l -> List.of(l.split("/"))).toList();
        this.sections = codes.stream().map(c -> c.get(0)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        int capacity = Integer.highestOneBit(Math.max(4, features.length * 2 - 1)) << 1;
        this.keys = new int[capacity];
        this.rows = new int[capacity];
        Arrays.fill(rows, -1);
        this.mask = capacity - 1;
        this.counts = ThreadLocal.withInitial(() -> new float[features.length]);
        for (int row = 0; row < features.length; row++) {
            int slot = mix(features[row]) & mask;
            while (rows[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = features[row];
            rows[slot] = row;
        }
    }

    public String language() {
        return language;
    }

    /** Class labels: a top-level topic code, or top-level and second-level codes joined by '/'. */
    public List<String> labels() {
        return List.of(labels);
    }

    /** The topic codes of each class, top level first. */
    public List<List<String>> codes() {
        return codes;
    }

    /** The top-level topics the model was trained on. */
    public java.util.Set<String> sections() {
        return sections;
    }

    /** Per thread: the count of each row a text touches (zero elsewhere) and which rows those are. */
    private final ThreadLocal<float[]> counts;
    private final ThreadLocal<int[][]> touched = ThreadLocal.withInitial(() -> new int[][] {new int[1024]});

    /**
     * Class probabilities, in the order of {@link #labels()}; null when the text has no word the model knows and
     * no cue. The same values as {@link Features} and {@link #weigh} give in training, computed in one pass over the
     * stems with no sorting or allocation: words the model never kept are dropped as they are read.
     */
    public double[] predict(List<StemmedText> texts, Map<String, Double> cues) {
        float[] count = counts.get();
        int[][] holder = touched.get();
        int n = 0;
        for (StemmedText t : texts) {
            float halves = Math.max(1, Math.round(t.weight() * 2));
            int previous = 0;
            List<Word> words = t.words();
            for (int i = 0; i < words.size(); i++) {
                Word word = words.get(i);
                int h = word.stem().hashCode();
                int unigram = word.memo(Word.SECTION_ROW, this,
                        (w, model) -> model.row(mix(w.stem().hashCode() ^ UNIGRAM)));
                n = touch(count, holder, unigram, halves, n);
                if (i > 0) {
                    n = touch(count, holder, row(mix(previous * 31 + h ^ BIGRAM)), halves, n);
                }
                previous = h;
            }
        }
        int[] rowsTouched = holder[0];
        float[] values = new float[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            int row = rowsTouched[k];
            float halves = count[row];
            double damped = halves < DAMPED.length ? DAMPED[(int) halves] : Math.log1p(halves / 2.0);
            float value = (float) damped * idf[row];
            count[row] = 0;
            values[k] = value;
            norm += value * value;
        }
        int classes = labels.length;
        double[] scores = new double[classes];
        for (int c = 0; c < classes; c++) {
            scores[c] = bias[c];
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int k = 0; k < n; k++) {
            add(scores, rowsTouched[k], values[k] * scale);
        }
        double cueNorm = 0;
        for (double v : cues.values()) {
            cueNorm += Math.log1p(v) * Math.log1p(v);
        }
        boolean cued = false;
        for (Map.Entry<String, Double> cue : cues.entrySet()) {
            int row = cue.getValue() > 0 ? row(mix(cue.getKey().hashCode() ^ CUE)) : -1;
            if (row >= 0) {
                add(scores, row, (float) (CUE_SCALE * Math.log1p(cue.getValue()) / Math.sqrt(cueNorm)));
                cued = true;
            }
        }
        return n == 0 && !cued ? null : softmax(scores);
    }

    private void add(double[] scores, int row, float value) {
        int base = row * labels.length;
        for (int c = 0; c < labels.length; c++) {
            scores[c] += value * weights[base + c];
        }
    }

    private static int touch(float[] count, int[][] holder, int row, float halves, int n) {
        if (row < 0) {
            return n;
        }
        if (count[row] == 0) {
            if (n == holder[0].length) {
                holder[0] = Arrays.copyOf(holder[0], n * 2);
            }
            holder[0][n++] = row;
        }
        count[row] += halves;
        return n;
    }

    /** The training path's view of the same computation, kept to check the one-pass {@link #predict} against. */
    double[] predict(Features x) {
        int[] found = new int[x.size];
        float[] values = new float[x.size];
        int n = weigh(x, found, values, this::row, idf);
        int classes = labels.length;
        double[] scores = new double[classes];
        for (int c = 0; c < classes; c++) {
            scores[c] = bias[c];
        }
        for (int i = 0; i < n; i++) {
            int base = found[i] * classes;
            float value = values[i];
            for (int c = 0; c < classes; c++) {
                scores[c] += value * weights[base + c];
            }
        }
        return softmax(scores);
    }

    /**
     * The rows of a text's known features and their final values: words by idf, scaled to unit length over the
     * known words (a word the model never kept has no weight to add, so it does not dilute the others), then the
     * cues as they are. Returns how many were found.
     */
    static int weigh(Features x, int[] found, float[] values, java.util.function.IntUnaryOperator rowOf,
                     float[] idf) {
        int n = 0;
        double norm = 0;
        for (int i = 0; i < x.words; i++) {
            int row = rowOf.applyAsInt(x.ids[i]);
            if (row >= 0) {
                float value = x.values[i] * idf[row];
                found[n] = row;
                values[n++] = value;
                norm += value * value;
            }
        }
        float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
        for (int i = 0; i < n; i++) {
            values[i] *= scale;
        }
        for (int i = x.words; i < x.size; i++) {
            int row = rowOf.applyAsInt(x.ids[i]);
            if (row >= 0) {
                found[n] = row;
                values[n++] = x.values[i];
            }
        }
        return n;
    }

    private int row(int feature) {
        int slot = mix(feature) & mask;
        while (rows[slot] >= 0) {
            if (keys[slot] == feature) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= sum;
        }
        return scores;
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        return h;
    }

    public void write(OutputStream out) throws IOException {
        int features = 0;
        for (int row : rows) {
            features += row >= 0 ? 1 : 0;
        }
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(MAGIC);
        data.writeUTF(language);
        data.writeInt(labels.length);
        for (int c = 0; c < labels.length; c++) {
            data.writeUTF(labels[c]);
            data.writeFloat(bias[c]);
        }
        data.writeInt(features);
        int[] order = new int[features];
        int n = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (rows[slot] >= 0) {
                order[n++] = slot;
            }
        }
        // Sorted by feature, so the same model always writes the same bytes (the enricher version hashes them).
        Integer[] sorted = Arrays.stream(order).boxed().sorted((a, b) -> Integer.compare(keys[a], keys[b]))
                .toArray(Integer[]::new);
        for (int slot : sorted) {
            data.writeInt(keys[slot]);
            data.writeFloat(idf[rows[slot]]);
            int base = rows[slot] * labels.length;
            for (int c = 0; c < labels.length; c++) {
                data.writeFloat(weights[base + c]);
            }
        }
        data.flush();
        gzip.finish();
    }

    public static SectionModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in));
        if (data.readInt() != MAGIC) {
            throw new IOException("not a section model");
        }
        String language = data.readUTF();
        int classes = data.readInt();
        String[] labels = new String[classes];
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            labels[c] = data.readUTF();
            bias[c] = data.readFloat();
        }
        int features = data.readInt();
        int[] ids = new int[features];
        float[] idf = new float[features];
        float[] weights = new float[features * classes];
        for (int row = 0; row < features; row++) {
            ids[row] = data.readInt();
            idf[row] = data.readFloat();
            for (int c = 0; c < classes; c++) {
                weights[row * classes + c] = data.readFloat();
            }
        }
        return new SectionModel(language, labels, bias, ids, idf, weights);
    }

    /**
     * A text's features: distinct word ids with log(1 + count), then (from {@code words} on) the lexicon cues,
     * already scaled.
     */
    static final class Features {
        final int[] ids;
        final float[] values;
        final int words;
        final int size;

        private Features(int[] ids, float[] values, int words, int size) {
            this.ids = ids;
            this.values = values;
            this.words = words;
            this.size = size;
        }

        static Features of(List<StemmedText> texts, Map<String, Double> cues) {
            int total = 0;
            for (StemmedText t : texts) {
                total += 2 * t.size();
            }
            long[] packed = new long[total];
            int n = 0;
            for (StemmedText t : texts) {
                // Block weights are small multiples of a half (1, 1.5, 2, 3): counted in halves, exactly.
                long halves = Math.max(1, Math.round(t.weight() * 2));
                int previous = 0;
                List<String> stems = t.stems();
                for (int i = 0; i < stems.size(); i++) {
                    int h = stems.get(i).hashCode();
                    packed[n++] = ((long) mix(h ^ UNIGRAM) << 32) | halves;
                    if (i > 0) {
                        packed[n++] = ((long) mix(previous * 31 + h ^ BIGRAM) << 32) | halves;
                    }
                    previous = h;
                }
            }
            Arrays.sort(packed, 0, n);
            int[] ids = new int[n + cues.size()];
            float[] values = new float[n + cues.size()];
            int size = 0;
            for (int i = 0; i < n; ) {
                int id = (int) (packed[i] >>> 32);
                long halves = 0;
                while (i < n && (int) (packed[i] >>> 32) == id) {
                    halves += packed[i] & 0xFFFFFFFFL;
                    i++;
                }
                ids[size] = id;
                values[size++] = (float) Math.log1p(halves / 2.0);
            }
            int words = size;
            double cueNorm = 0;
            for (double v : cues.values()) {
                cueNorm += Math.log1p(v) * Math.log1p(v);
            }
            for (Map.Entry<String, Double> cue : cues.entrySet()) {
                if (cue.getValue() > 0) {
                    ids[size] = mix(cue.getKey().hashCode() ^ CUE);
                    values[size++] = (float) (CUE_SCALE * Math.log1p(cue.getValue()) / Math.sqrt(cueNorm));
                }
            }
            return new Features(ids, values, words, size);
        }
    }
}
