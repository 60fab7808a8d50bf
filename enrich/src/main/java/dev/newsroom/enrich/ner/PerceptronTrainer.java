package dev.newsroom.enrich.ner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Structured averaged perceptron (Collins 2002): each sentence is decoded whole with the Viterbi decoder under the
 * current weights, and where the best sequence differs from the gold one the features of the gold labels gain and
 * those of the predicted ones lose. Lazy averaging: {@code w - u/c}, where u accumulates each update scaled by the
 * step it happened at.
 */
public final class PerceptronTrainer {
    private final int bits;
    private final int maxRows;
    private final int epochs;
    private final long seed;

    public PerceptronTrainer(int bits, int maxRows, int epochs, long seed) {
        this.bits = bits;
        this.maxRows = maxRows;
        this.epochs = epochs;
        this.seed = seed;
    }

    /** One training example: its extracted context and gold labels. */
    record Example(FeatureExtractor.Context context, int[] gold) {
    }

    /** The weights being learnt, dense: bucket * labels + label. */
    private static final class Dense implements Weights {
        final int mask;
        final float[] w;
        final double[] u;

        Dense(int bits) {
            mask = (1 << bits) - 1;
            w = new float[(1 << bits) * Labels.COUNT];
            u = new double[w.length];
        }

        @Override
        public void score(long[] features, int count, float[] scores) {
            for (int f = 0; f < count; f++) {
                score(features[f], scores);
            }
        }

        @Override
        public void score(long feature, float[] scores) {
            int row = ((int) feature & mask) * Labels.COUNT;
            for (int l = 0; l < Labels.COUNT; l++) {
                scores[l] += w[row + l];
            }
        }

        void update(long feature, int label, float by, long step) {
            int cell = ((int) feature & mask) * Labels.COUNT + label;
            w[cell] += by;
            u[cell] += by * step;
        }
    }

    SequenceModel train(List<Example> examples, NameMemory memory) {
        Dense weights = new Dense(bits);
        long step = 1;
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (Example example : order) {
                FeatureExtractor.Context c = example.context();
                int[] gold = example.gold();
                int[] predicted = Decoder.decode(weights, c, 0, null);
                for (int i = 0; i < c.n; i++) {
                    int g = gold[i];
                    int p = predicted[i];
                    int goldPrevious = i == 0 ? Labels.O : gold[i - 1];
                    int predictedPrevious = i == 0 ? Labels.O : predicted[i - 1];
                    if (g != p) {
                        for (long feature : c.features[i]) {
                            weights.update(feature, g, 1f, step);
                            weights.update(feature, p, -1f, step);
                        }
                    }
                    if (g != p || goldPrevious != predictedPrevious) {
                        weights.update(FeatureExtractor.transition(goldPrevious), g, 1f, step);
                        weights.update(FeatureExtractor.transition(predictedPrevious), p, -1f, step);
                        weights.update(FeatureExtractor.previousWithWord(c, i, goldPrevious), g, 1f, step);
                        weights.update(FeatureExtractor.previousWithWord(c, i, predictedPrevious), p, -1f, step);
                    }
                }
                step++;
            }
        }
        float[] w = weights.w;
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (w[i] - weights.u[i] / step);
        }
        return SequenceModel.fromDense(bits, maxRows, w, memory);
    }
}
