package dev.newsroom.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.enrich.advisory.AdvisoryDetector;
import dev.newsroom.enrich.advisory.AdvisoryModel;
import dev.newsroom.enrich.advisory.Evidence;
import dev.newsroom.schemas.AdvisoryKind;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * Trains the advisories' model ({@link AdvisoryModel}) on the labelled tuning set, and measures a setting by
 * cross-validation inside it: the cut of each kind and language is the lowest probability at which the texts left
 * out of training reach the precision aimed at, so the held-out set is never used to choose anything. The texts are
 * stemmed and weighed as enrich reads an article, and the evidence comes from the same detector. A kind and
 * language get a cut (the model decides there) only where dev holds at least {@link #MIN_POSITIVES} positives and
 * the cross-validated model beats the thresholds on the same texts by F0.5; elsewhere the thresholds keep deciding.
 * <pre>
 * AdvisoryModelTraining enrich/src/test/resources/advisories/dev.jsonl --cross-validate 5 [--l2 X] [--lexical] [--context] [--precision P, 0 for the best F0.5]
 * AdvisoryModelTraining enrich/src/test/resources/advisories/dev.jsonl --out enrich/src/main/resources/dev/newsroom/enrich/data/advisories/model.tsv [same options]
 * </pre>
 */
public final class AdvisoryModelTraining {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPOCHS = 400;
    private static final double RATE = 0.5;

    private AdvisoryModelTraining() {
    }

    /** One labelled text: its language, the detector's evidence and which kinds it is labelled with. */
    record Prepared(String id, String language, Map<AdvisoryKind, Evidence> evidence, Set<AdvisoryKind> ruleNotices,
                    Set<AdvisoryKind> labels) {
    }

    record Settings(double l2, boolean lexical, boolean context, double precision) {
        static final Settings DEFAULT = new Settings(1e-2, false, false, 0.0);
    }

    static List<Prepared> prepare(Path file, Enricher enricher) throws IOException {
        AdvisoryDetector detector = enricher.advisories();
        List<Prepared> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = JSON.readTree(line);
            String id = item.get("id").asText();
            String language = item.get("language").asText();
            var article = AdvisoryEvaluation.article(id, language,
                    item.path("headline").isTextual() ? item.get("headline").asText() : null, item.get("text").asText());
            Map<AdvisoryKind, Evidence> evidence = detector.evidence(language, enricher.topicTexts(article, language));
            Set<AdvisoryKind> labels = new TreeSet<>();
            for (AdvisoryKind kind : AdvisoryEvaluation.KINDS) {
                if (item.path("labels").path(kind.name().toLowerCase(Locale.ROOT)).asBoolean()) {
                    labels.add(kind);
                }
            }
            out.add(new Prepared(id, language, evidence, detector.ruleNotices(language, evidence), labels));
        }
        return out;
    }

    /** L2-regularised logistic regression, full-batch AdaGrad: deterministic, and the sets are small. */
    static Map<String, Double> fit(List<Map<String, Double>> features, List<Boolean> labels, double l2) {
        Map<String, Integer> index = new HashMap<>();
        features.forEach(f -> f.keySet().forEach(name -> index.putIfAbsent(name, index.size())));
        double[] w = new double[index.size()];
        double[] squares = new double[index.size()];
        int bias = index.getOrDefault("bias", -1);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] gradient = new double[w.length];
            for (int i = 0; i < features.size(); i++) {
                double z = 0;
                for (Map.Entry<String, Double> f : features.get(i).entrySet()) {
                    z += w[index.get(f.getKey())] * f.getValue();
                }
                double error = 1.0 / (1.0 + Math.exp(-z)) - (labels.get(i) ? 1.0 : 0.0);
                for (Map.Entry<String, Double> f : features.get(i).entrySet()) {
                    gradient[index.get(f.getKey())] += error * f.getValue() / features.size();
                }
            }
            for (int k = 0; k < w.length; k++) {
                double g = gradient[k] + (k == bias ? 0 : l2 * w[k]);
                squares[k] += g * g;
                w[k] -= squares[k] == 0 ? 0 : RATE * g / Math.sqrt(squares[k]);
            }
        }
        Map<String, Double> weights = new TreeMap<>();
        index.forEach((name, k) -> {
            if (Math.abs(w[k]) >= 1e-5) {
                weights.put(name, w[k]);
            }
        });
        return weights;
    }

    static List<Map<String, Double>> features(List<Prepared> items, AdvisoryKind kind, Settings s) {
        return items.stream().map(p -> AdvisoryModel.features(p.language(), kind, p.evidence(), p.ruleNotices(),
                s.lexical(), s.context())).toList();
    }

    static int fold(String id, int folds) {
        CRC32 crc = new CRC32();
        crc.update(("advisory-fold:" + id).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % folds);
    }

    /** Each text's probability from a model trained without its fold; NaN where a notice is impossible. */
    static double[] outOfFold(List<Prepared> items, AdvisoryKind kind, Settings s, int folds) {
        List<Map<String, Double>> all = features(items, kind, s);
        double[] p = new double[items.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<Map<String, Double>> train = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (fold(items.get(i).id(), folds) != fold) {
                    train.add(all.get(i));
                    labels.add(items.get(i).labels().contains(kind));
                }
            }
            Map<String, Double> w = fit(train, labels, s.l2());
            for (int i = 0; i < items.size(); i++) {
                if (fold(items.get(i).id(), folds) == fold) {
                    p[i] = eligible(items.get(i), kind) ? probability(w, all.get(i)) : Double.NaN;
                }
            }
        }
        return p;
    }

    private static double probability(Map<String, Double> w, Map<String, Double> f) {
        double z = 0;
        for (Map.Entry<String, Double> e : f.entrySet()) {
            z += w.getOrDefault(e.getKey(), 0.0) * e.getValue();
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    private static boolean eligible(Prepared p, AdvisoryKind kind) {
        Evidence e = p.evidence().get(kind);
        return e != null && AdvisoryModel.mayDecide(e, p.ruleNotices().contains(kind));
    }

    /**
     * The lowest cut at which the language's texts reach the precision aimed at (the most recall there); or, with
     * a precision of 0, the cut of the best F-measure weighing precision twice as much as recall (F0.5), for kinds
     * where reaching the aim would leave almost no recall.
     */
    static double cut(List<Prepared> items, double[] p, AdvisoryKind kind, String language, double precision) {
        double[] candidates = IntStream.range(0, items.size()).filter(i -> items.get(i).language().equals(language)
                && !Double.isNaN(p[i])).mapToDouble(i -> p[i]).sorted().toArray();
        if (precision == 0) {
            double best = -1;
            double bestCut = 1.0;
            for (double c : candidates) {
                double f = fHalf(counts(items, p, kind, language, c));
                if (f > best) {
                    best = f;
                    bestCut = c;
                }
            }
            return bestCut;
        }
        for (double c : candidates) {
            int[] tpFp = counts(items, p, kind, language, c);
            if (tpFp[0] > 0 && tpFp[0] / (double) (tpFp[0] + tpFp[1]) >= precision) {
                return c;
            }
        }
        return candidates.length == 0 ? 1.0 : Arrays.stream(candidates).max().orElse(1.0) + 1e-4;
    }

    /** True positives, false positives and positives of the language's texts at cut {@code c}. */
    static int[] counts(List<Prepared> items, double[] p, AdvisoryKind kind, String language, double c) {
        int[] out = new int[3];
        for (int i = 0; i < items.size(); i++) {
            Prepared item = items.get(i);
            if (!item.language().equals(language)) {
                continue;
            }
            boolean label = item.labels().contains(kind);
            boolean notice = !Double.isNaN(p[i]) && p[i] >= c;
            out[0] += label && notice ? 1 : 0;
            out[1] += !label && notice ? 1 : 0;
            out[2] += label ? 1 : 0;
        }
        return out;
    }

    /** The fewest dev positives of a kind and language on which the model may take over from the thresholds. */
    static final int MIN_POSITIVES = 30;

    static AdvisoryModel train(List<Prepared> items, Settings s, int folds, PrintWriter report) {
        Map<AdvisoryKind, Map<String, Double>> weights = new EnumMap<>(AdvisoryKind.class);
        Map<AdvisoryKind, Map<String, Double>> cuts = new EnumMap<>(AdvisoryKind.class);
        Set<String> languages = new TreeSet<>(items.stream().map(Prepared::language).toList());
        for (AdvisoryKind kind : AdvisoryEvaluation.KINDS) {
            double[] p = outOfFold(items, kind, s, folds);
            Map<String, Double> kindCuts = new TreeMap<>();
            for (String language : languages) {
                double c = cut(items, p, kind, language, s.precision());
                int[] model = counts(items, p, kind, language, c);
                int[] rules = new int[3];
                for (Prepared item : items) {
                    if (item.language().equals(language)) {
                        boolean label = item.labels().contains(kind);
                        boolean notice = item.ruleNotices().contains(kind);
                        rules[0] += label && notice ? 1 : 0;
                        rules[1] += !label && notice ? 1 : 0;
                        rules[2] += label ? 1 : 0;
                    }
                }
                // The thresholds were tuned on these very texts, so they are the harder bar to pass. With few
                // positives one text decides between the two, and a cut learnt from them does not carry to new
                // text (Arabic graphic on 16 positives lost two fifths of its held-out recall to the model).
                boolean better = model[2] >= MIN_POSITIVES && fHalf(model) > fHalf(rules);
                if (better) {
                    kindCuts.put(language, c);
                }
                report.printf(Locale.ROOT, "%-10s %s cut %.3f  cross-validated P %s R %s (TP %d FP %d of %d)"
                                + "  | thresholds alone P %s R %s -> %s%n", kind.name().toLowerCase(Locale.ROOT),
                        language, c, ratio(model[0], model[0] + model[1]), ratio(model[0], model[2]), model[0],
                        model[1], model[2], ratio(rules[0], rules[0] + rules[1]), ratio(rules[0], rules[2]),
                        better ? "model" : "thresholds");
            }
            cuts.put(kind, kindCuts);
            Map<String, Double> w = new TreeMap<>(fit(features(items, kind, s),
                    items.stream().map(item -> item.labels().contains(kind)).toList(), s.l2()));
            if (s.lexical()) {
                w.put(AdvisoryModel.LEXICAL, 0.0);
            }
            if (s.context()) {
                w.put(AdvisoryModel.CONTEXT, 0.0);
            }
            weights.put(kind, w);
        }
        report.flush();
        return new AdvisoryModel(weights, cuts);
    }

    /** F0.5 of true positives, false positives and positives: precision weighs twice as much as recall. */
    static double fHalf(int[] counts) {
        return counts[0] == 0 ? 0 : 1.25 * counts[0] / (1.25 * counts[0] + 0.25 * (counts[2] - counts[0]) + counts[1]);
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "  -  " : String.format(Locale.ROOT, "%.3f", a / (double) b);
    }

    private static String value(String[] args, int at, String option) {
        if (at >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[at];
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: AdvisoryModelTraining DEV.jsonl [--cross-validate FOLDS] [--out MODEL.tsv]"
                    + " [--l2 X] [--lexical] [--context] [--precision P]");
            System.exit(2);
        }
        Path out = null;
        int folds = 5;
        Settings s = Settings.DEFAULT;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--out" -> out = Path.of(value(args, ++i, option));
                case "--cross-validate" -> folds = Integer.parseInt(value(args, ++i, option));
                case "--l2" -> s = new Settings(Double.parseDouble(value(args, ++i, option)), s.lexical(), s.context(),
                        s.precision());
                case "--lexical" -> s = new Settings(s.l2(), true, s.context(), s.precision());
                case "--context" -> s = new Settings(s.l2(), s.lexical(), true, s.precision());
                case "--precision" -> s = new Settings(s.l2(), s.lexical(), s.context(),
                        Double.parseDouble(value(args, ++i, option)));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        // The evidence does not depend on the NER model, nor on an advisory model already trained.
        Enricher enricher = Enricher.loadWithoutModel();
        List<Prepared> items = prepare(Path.of(args[0]), enricher);
        PrintWriter report = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        report.printf(Locale.ROOT, "%d texts, %d-fold cross-validation, %s%n", items.size(), folds, s);
        AdvisoryModel model = train(items, s, folds, report);
        if (out != null) {
            try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                model.write(writer, String.format(Locale.ROOT, "# Advisory model, trained by AdvisoryModelTraining on"
                        + " %s (%d texts, %s): see AdvisoryModel.%n", args[0], items.size(), s));
            }
            report.printf("written to %s%n", out);
        }
    }
}
