package dev.newsroom.enrich.ner;

import java.util.Arrays;

/**
 * First-order Viterbi decoding: the best label sequence under the word features, a label-transition table and
 * previous-label-with-word features; an I- label may only continue a span of its own type. Greedy decoding
 * committed to a label before seeing the next word, so a name's first word was typed before its second was read.
 */
final class Decoder {
    private static final float IMPOSSIBLE = Float.NEGATIVE_INFINITY;
    /** {@link #allowed} as a table, {@code [label * COUNT + previous]}: the decoding loop asks it 81 times a word. */
    private static final boolean[] ALLOWED = new boolean[Labels.COUNT * Labels.COUNT];

    static {
        for (int l = 0; l < Labels.COUNT; l++) {
            for (int p = 0; p < Labels.COUNT; p++) {
                ALLOWED[l * Labels.COUNT + p] = allowed(l, p);
            }
        }
    }

    private Decoder() {
    }

    /**
     * Labels of the sentence; {@code margins}, if given, gets each position's lead of its label over the next.
     * {@code outsidePenalty} is taken off every word's score for O: 0 while training, more when tagging to trade
     * precision for recall.
     */
    static int[] decode(Weights weights, FeatureExtractor.Context c, float outsidePenalty, float[] margins) {
        int[] labels = new int[c.n];
        decode(weights, c, outsidePenalty, labels, margins, new Scratch());
        return labels;
    }

    /** Tables of one sentence's decoding, grown as needed: a tagging thread keeps one for every sentence. */
    static final class Scratch {
        /** Each position's label scores from the word features, {@code [i * COUNT + label]}. */
        float[] local = new float[0];
        /** Each position's previous-label-with-word scores, {@code [(i * COUNT + previous) * COUNT + label]}. */
        float[] pairs = new float[0];
        private int[] back = new int[0];
        private final float[] delta = new float[Labels.COUNT];
        private final float[] next = new float[Labels.COUNT];
        private final float[] row = new float[Labels.COUNT];

        void ensure(int n) {
            int k = Labels.COUNT;
            if (local.length < n * k) {
                int capacity = Math.max(n, local.length / k * 2);
                local = new float[capacity * k];
                pairs = new float[capacity * k * k];
                back = new int[capacity * k];
            }
        }
    }

    /** As {@link #decode(Weights, FeatureExtractor.Context, float, float[])}, into {@code labels[0..c.n)}. */
    static void decode(Weights weights, FeatureExtractor.Context c, float outsidePenalty, int[] labels,
                       float[] margins, Scratch scratch) {
        int n = c.n;
        if (n == 0) {
            return;
        }
        scratch.ensure(n);
        int k = Labels.COUNT;
        float[] row = scratch.row;
        for (int i = 0; i < n; i++) {
            Arrays.fill(row, 0f);
            weights.score(c.features[i], FeatureExtractor.WIDTH, row);
            row[Labels.O] -= outsidePenalty;
            System.arraycopy(row, 0, scratch.local, i * k, k);
            for (int p = 0; p < k; p++) {
                Arrays.fill(row, 0f);
                weights.score(FeatureExtractor.previousWithWord(c, i, p), row);
                System.arraycopy(row, 0, scratch.pairs, (i * k + p) * k, k);
            }
        }
        decode(n, transitions(weights), scratch, labels, margins);
    }

    /**
     * The best labels of {@code n} positions whose scores are in {@code scratch.local} and {@code scratch.pairs};
     * {@code margins}, if given, gets each position's lead of its label over the next.
     */
    static void decode(int n, float[] transition, Scratch scratch, int[] labels, float[] margins) {
        int k = Labels.COUNT;
        float[] local = scratch.local;
        float[] pairs = scratch.pairs;
        float[] delta = scratch.delta;
        float[] next = scratch.next;
        int[] back = scratch.back;
        for (int l = 0; l < k; l++) {
            delta[l] = allowed(l, Labels.O) ? local[l] + transition[Labels.O * k + l] + pairs[Labels.O * k + l]
                    : IMPOSSIBLE;
        }
        for (int i = 1; i < n; i++) {
            int at = i * k;
            int pair = at * k;
            for (int l = 0; l < k; l++) {
                float best = IMPOSSIBLE;
                int arg = Labels.O;
                for (int p = 0; p < k; p++) {
                    if (delta[p] == IMPOSSIBLE || !ALLOWED[l * k + p]) {
                        continue;
                    }
                    float s = delta[p] + transition[p * k + l] + pairs[pair + p * k + l];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                next[l] = best == IMPOSSIBLE ? IMPOSSIBLE : best + local[at + l];
                back[at + l] = arg;
            }
            float[] swap = delta;
            delta = next;
            next = swap;
        }
        int last = Labels.O;
        for (int l = 0; l < k; l++) {
            if (delta[l] > delta[last]) {
                last = l;
            }
        }
        labels[n - 1] = last;
        for (int i = n - 1; i > 0; i--) {
            labels[i - 1] = back[i * k + labels[i]];
        }
        if (margins != null) {
            float[] s = scratch.row;
            for (int i = 0; i < n; i++) {
                int previous = i == 0 ? Labels.O : labels[i - 1];
                for (int l = 0; l < k; l++) {
                    s[l] = local[i * k + l] + (transition[previous * k + l] + pairs[(i * k + previous) * k + l]);
                }
                margins[i] = margin(s, labels[i], previous);
            }
        }
    }

    /** Label-transition scores, {@code [previous * COUNT + label]}. */
    static float[] transitions(Weights weights) {
        int k = Labels.COUNT;
        float[] t = new float[k * k];
        float[] row = new float[k];
        for (int p = 0; p < k; p++) {
            Arrays.fill(row, 0f);
            weights.score(FeatureExtractor.transition(p), row);
            System.arraycopy(row, 0, t, p * k, k);
        }
        return t;
    }

    static boolean allowed(int label, int previous) {
        if (label == Labels.O || Labels.isBegin(label)) {
            return true;
        }
        return previous != Labels.O && Labels.typeOf(previous) == Labels.typeOf(label);
    }

    private static float margin(float[] scores, int best, int previous) {
        float second = IMPOSSIBLE;
        for (int l = 0; l < Labels.COUNT; l++) {
            if (l != best && allowed(l, previous) && scores[l] > second) {
                second = scores[l];
            }
        }
        return scores[best] - second;
    }
}
