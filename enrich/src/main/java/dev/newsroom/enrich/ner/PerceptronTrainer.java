package dev.newsroom.enrich.ner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Averaged perceptron (Collins 2002) over the greedy decoder, with the usual lazy averaging: {@code w - u/c},
 * where u accumulates each update scaled by the step it happened at.
 */
public final class PerceptronTrainer {
    private final int bits;
    private final int epochs;
    private final long seed;

    public PerceptronTrainer(int bits, int epochs, long seed) {
        this.bits = bits;
        this.epochs = epochs;
        this.seed = seed;
    }

    /** One training example: its extracted context and gold labels. */
    record Example(FeatureExtractor.Context context, int[] gold) {
    }

    SequenceModel train(List<Example> examples, NameMemory memory) {
        int mask = (1 << bits) - 1;
        float[] w = new float[(1 << bits) * Labels.COUNT];
        double[] u = new double[w.length];
        long step = 1;
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(seed);
        float[] scores = new float[Labels.COUNT];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            for (Example example : order) {
                FeatureExtractor.Context c = example.context();
                int previous = Labels.O;
                int beforePrevious = Labels.O;
                for (int i = 0; i < c.n; i++) {
                    FeatureExtractor.dynamic(c, i, previous, beforePrevious);
                    java.util.Arrays.fill(scores, 0f);
                    for (long feature : c.features[i]) {
                        int row = ((int) feature & mask) * Labels.COUNT;
                        for (int l = 0; l < Labels.COUNT; l++) {
                            scores[l] += w[row + l];
                        }
                    }
                    int predicted = Decoder.best(scores, previous);
                    int gold = example.gold()[i];
                    if (predicted != gold) {
                        for (long feature : c.features[i]) {
                            int row = ((int) feature & mask) * Labels.COUNT;
                            w[row + gold] += 1f;
                            u[row + gold] += step;
                            w[row + predicted] -= 1f;
                            u[row + predicted] -= step;
                        }
                    }
                    beforePrevious = previous;
                    previous = predicted;
                    step++;
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (w[i] - u[i] / step);
        }
        return SequenceModel.fromDense(bits, w, memory);
    }
}
