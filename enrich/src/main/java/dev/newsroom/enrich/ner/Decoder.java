package dev.newsroom.enrich.ner;

/** Greedy left-to-right decoding; an I- label may only continue a span of its own type. */
final class Decoder {
    private Decoder() {
    }

    static int[] decode(SequenceModel model, FeatureExtractor.Context c, float[] margins) {
        int[] labels = new int[c.n];
        float[] scores = new float[Labels.COUNT];
        int previous = Labels.O;
        int beforePrevious = Labels.O;
        for (int i = 0; i < c.n; i++) {
            FeatureExtractor.dynamic(c, i, previous, beforePrevious);
            java.util.Arrays.fill(scores, 0f);
            model.score(c.features[i], FeatureExtractor.WIDTH, scores);
            int best = best(scores, previous);
            labels[i] = best;
            if (margins != null) {
                margins[i] = margin(scores, best, previous);
            }
            beforePrevious = previous;
            previous = best;
        }
        return labels;
    }

    static int best(float[] scores, int previous) {
        int best = -1;
        for (int l = 0; l < Labels.COUNT; l++) {
            if (!allowed(l, previous)) {
                continue;
            }
            if (best < 0 || scores[l] > scores[best]) {
                best = l;
            }
        }
        return best;
    }

    static boolean allowed(int label, int previous) {
        if (label == Labels.O || Labels.isBegin(label)) {
            return true;
        }
        return previous != Labels.O && Labels.typeOf(previous) == Labels.typeOf(label);
    }

    private static float margin(float[] scores, int best, int previous) {
        float second = Float.NEGATIVE_INFINITY;
        for (int l = 0; l < Labels.COUNT; l++) {
            if (l != best && allowed(l, previous) && scores[l] > second) {
                second = scores[l];
            }
        }
        return scores[best] - second;
    }
}
