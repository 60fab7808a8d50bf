package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Segment;

import java.util.Arrays;
import java.util.List;

/**
 * One tagging thread's records of the words it has tagged with one model, each with the integer label scores of its
 * one-word features ({@link FeatureExtractor#OWN} to {@code TWO_AFTER}) and its previous-label-with-word rows. A word
 * seen before then costs one probe here instead of map lookups for its rarity, triggers and classes and some
 * forty-five weight-row reads, which were cache misses: tagging a position reads five precomputed score vectors,
 * looks up its {@link FeatureExtractor#WORD_PAIRS} features and finds its label features' sum in a small memo. Scores equal {@link Decoder}'s from the full feature
 * list to the last bit, because the model sums weights as integers ({@link SequenceModel#score(long[], int, float[])}).
 * <p>
 * The table is open-addressed and emptied when half full (8,192 words, about 5 MB), so memory stays bounded on a
 * stream of new names; news vocabulary is skewed enough that the frequent words are back within one article.
 */
final class WordRecords {
    private static final int SLOTS = 1 << 14;
    private static final int MASK = SLOTS - 1;
    private static final int MAX_WORDS = SLOTS / 2;
    private static final int K = Labels.COUNT;
    private static final int OWN_AT = 0;
    private static final int BEFORE_AT = K;
    private static final int TWO_BEFORE_AT = 2 * K;
    private static final int AFTER_AT = 3 * K;
    private static final int TWO_AFTER_AT = 4 * K;
    private static final int LABEL_SLOTS = 1 << 10;
    private static final int LABEL_BITS = 5;
    private static final int LABEL_BIAS = 1 << (LABEL_BITS - 1);
    private static final long EMPTY = -1;

    private final SequenceModel model;
    private final FeatureExtractor extractor;
    private final WordRecord[] table = new WordRecord[SLOTS];
    private int words;
    private final WordRecord beforeSentence;
    private final WordRecord afterSentence;
    private final float[] transitions;
    private final long[] features = new long[FeatureExtractor.WIDTH];
    private final int[] sums = new int[K];
    private final long[] labelKeys = new long[LABEL_SLOTS];
    private final int[] labelMemo = new int[LABEL_SLOTS * K];
    private final int[] labelScratch = new int[K];
    private int labelCount;

    WordRecords(SequenceModel model, FeatureExtractor extractor) {
        this.model = model;
        this.extractor = extractor;
        this.beforeSentence = scored(WordRecord.boundary(-7));
        this.afterSentence = scored(WordRecord.boundary(-9));
        this.transitions = Decoder.transitions(model);
        Arrays.fill(labelKeys, EMPTY);
    }

    /** Labels of the sentence {@code c} was filled for by {@link #fill}, as {@link Decoder} would give them. */
    void decode(FeatureExtractor.Context c, float outsidePenalty, int[] labels, float[] margins,
                Decoder.Scratch scratch) {
        int n = c.n;
        if (n == 0) {
            return;
        }
        scratch.ensure(n);
        float scale = model.scale();
        float[] local = scratch.local;
        float[] pairs = scratch.pairs;
        for (int i = 0; i < n; i++) {
            WordRecord w = c.words[i];
            int[] s = sums;
            System.arraycopy(w.scores, OWN_AT, s, 0, K);
            add(s, i > 0 ? c.words[i - 1] : beforeSentence, BEFORE_AT);
            add(s, i > 1 ? c.words[i - 2] : beforeSentence, TWO_BEFORE_AT);
            add(s, i + 1 < n ? c.words[i + 1] : afterSentence, AFTER_AT);
            add(s, i + 2 < n ? c.words[i + 2] : afterSentence, TWO_AFTER_AT);
            model.sum(features, FeatureExtractor.wordPairs(features, 0, c, i), s, 0);
            addLabelScores(s, c, i);
            int at = i * K;
            for (int l = 0; l < K; l++) {
                local[at + l] = s[l] * scale;
            }
            local[at + Labels.O] -= outsidePenalty;
            short[] afterLabel = w.afterLabel;
            int pair = at * K;
            for (int j = 0; j < K * K; j++) {
                pairs[pair + j] = afterLabel[j] * scale;
            }
        }
        Decoder.decode(n, transitions, scratch, labels, margins);
    }

    /** Points {@code c} at the records of {@code segments} and copies the sentence's labels in. */
    void fill(FeatureExtractor.Context c, List<Segment> segments, int[] gazetteerLabels, int[] memoryLabels) {
        int n = segments.size();
        c.n = n;
        for (int i = 0; i < n; i++) {
            c.words[i] = of(segments.get(i));
        }
        FeatureExtractor.positionLabels(c, gazetteerLabels, memoryLabels);
    }

    /**
     * Adds the {@link FeatureExtractor#LABELS} features' scores at {@code i}, memoised by the seven small numbers they
     * read: most positions of a text share a handful of combinations (no gazetteer or memory label around).
     */
    private void addLabelScores(int[] sums, FeatureExtractor.Context c, int i) {
        int n = c.n;
        int gazetteerBefore = FeatureExtractor.at(c.gazetteer, i - 1, n);
        int gazetteer = c.gazetteer[i];
        int gazetteerAfter = FeatureExtractor.at(c.gazetteer, i + 1, n);
        int memoryBefore = FeatureExtractor.at(c.memory, i - 1, n);
        int memory = c.memory[i];
        int memoryAfter = FeatureExtractor.at(c.memory, i + 1, n);
        int first = i == 0 ? 1 : 0;
        long key = pack(pack(pack(pack(pack(pack(0, gazetteerBefore), gazetteer), gazetteerAfter), memoryBefore),
                memory), memoryAfter);
        if (key < 0) {
            fillLabelScores(labelScratch, 0, gazetteerBefore, gazetteer, gazetteerAfter, memoryBefore, memory,
                    memoryAfter, first);
            add(sums, labelScratch, 0);
            return;
        }
        key = key << 1 | first;
        int slot = (int) (key ^ (key >>> 17)) & (LABEL_SLOTS - 1);
        while (labelKeys[slot] != EMPTY && labelKeys[slot] != key) {
            slot = (slot + 1) & (LABEL_SLOTS - 1);
        }
        if (labelKeys[slot] == EMPTY) {
            if (labelCount == LABEL_SLOTS / 2) {
                Arrays.fill(labelKeys, EMPTY);
                labelCount = 0;
                slot = (int) (key ^ (key >>> 17)) & (LABEL_SLOTS - 1);
            }
            labelKeys[slot] = key;
            labelCount++;
            fillLabelScores(labelMemo, slot * K, gazetteerBefore, gazetteer, gazetteerAfter, memoryBefore, memory,
                    memoryAfter, first);
        }
        add(sums, labelMemo, slot * K);
    }

    /** Appends a label to a memo key; a negative key (a label out of range) stays negative: not memoised. */
    private static long pack(long key, int label) {
        if (key < 0 || label < -LABEL_BIAS || label >= LABEL_BIAS) {
            return -1;
        }
        return key << LABEL_BITS | (label + LABEL_BIAS);
    }

    private void fillLabelScores(int[] out, int at, int gazetteerBefore, int gazetteer, int gazetteerAfter,
                                 int memoryBefore, int memory, int memoryAfter, int first) {
        Arrays.fill(out, at, at + K, 0);
        int count = FeatureExtractor.labels(features, 0, gazetteerBefore, gazetteer, gazetteerAfter, memoryBefore,
                memory, memoryAfter, first);
        model.sum(features, count, out, at);
    }

    private static void add(int[] sums, WordRecord w, int at) {
        add(sums, w.scores, at);
    }

    private static void add(int[] sums, int[] scores, int at) {
        for (int l = 0; l < K; l++) {
            sums[l] += scores[at + l];
        }
    }

    /** The record of segment {@code s}, made and scored the first time its word is seen. */
    WordRecord of(Segment s) {
        String surface = s.surface();
        String folded = s.folded();
        int h = (surface.hashCode() * 31 + folded.hashCode()) * 4 + s.kind().ordinal() * 2 + (s.clitic() ? 1 : 0);
        int slot = (h ^ (h >>> 15)) & MASK;
        for (WordRecord r = table[slot]; r != null; r = table[slot]) {
            if (r.kind == s.kind() && r.clitic == s.clitic() && r.surface.equals(surface) && r.folded.equals(folded)) {
                return r;
            }
            slot = (slot + 1) & MASK;
        }
        if (words == MAX_WORDS) {
            Arrays.fill(table, null);
            words = 0;
            slot = (h ^ (h >>> 15)) & MASK;
        }
        WordRecord r = scored(extractor.describe(new WordRecord(), s));
        table[slot] = r;
        words++;
        return r;
    }

    private WordRecord scored(WordRecord r) {
        int[] scores = new int[5 * K];
        long[] f = features;
        model.sum(f, FeatureExtractor.own(f, 0, r), scores, OWN_AT);
        model.sum(f, FeatureExtractor.before(f, 0, r), scores, BEFORE_AT);
        model.sum(f, FeatureExtractor.twoBefore(f, 0, r), scores, TWO_BEFORE_AT);
        model.sum(f, FeatureExtractor.after(f, 0, r), scores, AFTER_AT);
        model.sum(f, FeatureExtractor.twoAfter(f, 0, r), scores, TWO_AFTER_AT);
        short[] afterLabel = new short[K * K];
        for (int p = 0; p < K; p++) {
            model.copy(FeatureExtractor.previousWithWord(r, p), afterLabel, p * K);
        }
        r.scores = scores;
        r.afterLabel = afterLabel;
        return r;
    }
}
