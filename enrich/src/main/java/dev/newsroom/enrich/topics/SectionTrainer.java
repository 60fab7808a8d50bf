package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.StemmedText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link SectionModel}: multinomial logistic regression by stochastic gradient descent with AdaGrad steps
 * and L2 shrinkage of the weights a text touches, over a fixed number of passes in a seeded order, so the same
 * data always gives the same model.
 */
public final class SectionTrainer {
    private final String language;
    private final List<String> labels = new ArrayList<>();
    private final List<SectionModel.Features> texts = new ArrayList<>();
    private final List<Integer> classes = new ArrayList<>();
    private int epochs = 12;
    private double rate = 0.5;
    private double l2 = 1e-4;
    private int minTexts = 2;
    private double focus = 0;
    private double balance = 0;

    public SectionTrainer(String language) {
        this.language = language;
    }

    public SectionTrainer epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    public SectionTrainer l2(double l2) {
        this.l2 = l2;
        return this;
    }

    public SectionTrainer rate(double rate) {
        this.rate = rate;
        return this;
    }

    public SectionTrainer minTexts(int minTexts) {
        this.minTexts = minTexts;
        return this;
    }

    /**
     * How much more a word that keeps to one section counts than one spread evenly over all of them: a feature's
     * value is multiplied by 1 + focus * (1 - H / log k), H the entropy of the sections of the texts it is in (each
     * section's share divided by that section's number of texts). The multiplier is folded into the feature's idf,
     * so the model and its reading of a text stay as they are; with L2 shrinkage it means a telling word needs less
     * weight, so small training sets lean on such words rather than on chance co-occurrences.
     */
    public SectionTrainer focus(double focus) {
        this.focus = focus;
        return this;
    }

    /**
     * How far each text's step is scaled towards equal say for every section: (texts / (sections * texts of its
     * section)) to this power; 0 leaves a small section (BBC Afrique's technology) outvoted by the large ones.
     */
    public SectionTrainer balance(double balance) {
        this.balance = balance;
        return this;
    }

    /** One labelled text: its blocks as the enricher stems them, the lexicon's evidence, its class label. */
    public void add(List<StemmedText> blocks, Map<String, Double> cues, String label) {
        int c = labels.indexOf(label);
        if (c < 0) {
            labels.add(label);
            c = labels.size() - 1;
        }
        texts.add(SectionModel.Features.of(blocks, cues));
        classes.add(c);
    }

    public int size() {
        return texts.size();
    }

    /** For each word feature, the number of texts of each class it is in. */
    private Map<Integer, double[]> classCounts(int k) {
        Map<Integer, double[]> counts = new HashMap<>();
        for (int t = 0; t < texts.size(); t++) {
            SectionModel.Features x = texts.get(t);
            int c = classes.get(t);
            for (int i = 0; i < x.words; i++) {
                counts.computeIfAbsent(x.ids[i], id -> new double[k])[c]++;
            }
        }
        return counts;
    }

    /** 1 minus the normalised entropy of a feature's class distribution (texts per class over class size). */
    static double concentration(double[] counts, int[] classSizes) {
        if (counts == null || classSizes.length < 2) {
            return 0;
        }
        double[] rate = new double[counts.length];
        double total = 0;
        for (int c = 0; c < counts.length; c++) {
            // One pseudo-text per class keeps a word seen twice from counting as fully telling.
            rate[c] = (counts[c] + 1) / (classSizes[c] + 1.0);
            total += rate[c];
        }
        double entropy = 0;
        for (double r : rate) {
            double p = r / total;
            entropy -= p * Math.log(p);
        }
        return 1 - entropy / Math.log(counts.length);
    }

    public SectionModel train(long seed) {
        int k = labels.size();
        Map<Integer, Integer> documentFrequency = new HashMap<>();
        java.util.Set<Integer> cueIds = new java.util.HashSet<>();
        for (SectionModel.Features x : texts) {
            for (int i = 0; i < x.size; i++) {
                documentFrequency.merge(x.ids[i], 1, Integer::sum);
                if (i >= x.words) {
                    cueIds.add(x.ids[i]);
                }
            }
        }
        Map<Integer, double[]> perClass = focus > 0 ? classCounts(k) : Map.of();
        int[] classSizes = new int[k];
        classes.forEach(c -> classSizes[c]++);
        Map<Integer, Integer> rowOf = new HashMap<>();
        List<Integer> kept = new ArrayList<>();
        List<Float> idfs = new ArrayList<>();
        double n = texts.size();
        documentFrequency.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue() >= minTexts || cueIds.contains(e.getKey())) {
                rowOf.put(e.getKey(), kept.size());
                kept.add(e.getKey());
                idfs.add(cueIds.contains(e.getKey()) ? 1f : (float) ((Math.log((n + 1) / (e.getValue() + 1)) + 1)
                        * (1 + focus * concentration(perClass.get(e.getKey()), classSizes))));
            }
        });
        float[] idf = new float[idfs.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = idfs.get(i);
        }
        int[][] rows = new int[texts.size()][];
        float[][] values = new float[texts.size()][];
        for (int t = 0; t < texts.size(); t++) {
            SectionModel.Features x = texts.get(t);
            int[] found = new int[x.size];
            float[] weighed = new float[x.size];
            int m = SectionModel.weigh(x, found, weighed, id -> rowOf.getOrDefault(id, -1), idf);
            rows[t] = Arrays.copyOf(found, m);
            values[t] = Arrays.copyOf(weighed, m);
        }
        float[] w = new float[kept.size() * k];
        double[] g2 = new double[kept.size() * k];
        double[] bias = new double[k];
        double[] biasG2 = new double[k];
        int[] order = new int[texts.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] stepScale = new double[k];
        for (int c = 0; c < k; c++) {
            stepScale[c] = Math.pow(texts.size() / (double) (k * classSizes[c]), balance);
        }
        Random random = new Random(seed);
        double[] scores = new double[k];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int t : order) {
                int[] r = rows[t];
                float[] v = values[t];
                for (int c = 0; c < k; c++) {
                    scores[c] = bias[c];
                }
                for (int i = 0; i < r.length; i++) {
                    int base = r[i] * k;
                    for (int c = 0; c < k; c++) {
                        scores[c] += v[i] * w[base + c];
                    }
                }
                double[] p = SectionModel.softmax(scores.clone());
                int gold = classes.get(t);
                for (int c = 0; c < k; c++) {
                    double error = (p[c] - (c == gold ? 1 : 0)) * stepScale[gold];
                    biasG2[c] += error * error;
                    bias[c] -= rate * error / Math.sqrt(biasG2[c] + 1e-8);
                    for (int i = 0; i < r.length; i++) {
                        int at = r[i] * k + c;
                        double g = error * v[i] + l2 * w[at];
                        g2[at] += g * g;
                        w[at] -= (float) (rate * g / Math.sqrt(g2[at] + 1e-8));
                    }
                }
            }
        }
        float[] biasOut = new float[k];
        for (int c = 0; c < k; c++) {
            biasOut[c] = (float) bias[c];
        }
        return new SectionModel(language, labels.toArray(String[]::new), biasOut,
                kept.stream().mapToInt(Integer::intValue).toArray(), idf, w);
    }
}
