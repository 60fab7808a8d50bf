package dev.newsroom.enrich.advisory;

import dev.newsroom.enrich.text.DataRows;
import dev.newsroom.schemas.AdvisoryKind;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A logistic regression per kind over the detector's evidence, trained on the labelled tuning set
 * ({@code AdvisoryModelTraining}): it weighs what the thresholds add up by hand (how many triggers, how sure, where
 * they stand, which other kinds the text holds; optionally which trigger words and which the context set aside) and
 * says how likely a reader would want the warning. A notice needs the probability to reach the kind's cut in the
 * article's language, set by cross-validation on the tuning set with precision weighing twice as much as recall.
 *
 * <p>Every figure is counted once shared and once under the language ({@code ar:score}), so the languages learn
 * what they have in common and what differs; trigger words are the language's own anyway.
 */
public final class AdvisoryModel {
    private static final AdvisoryKind[] KINDS = {AdvisoryKind.VIOLENCE, AdvisoryKind.DEATH, AdvisoryKind.TERRORISM,
            AdvisoryKind.GRAPHIC};
    private static final int COUNT_CAP = 8;
    /** Weights that say which optional features the model reads: trigger words, triggers the context set aside. */
    public static final String LEXICAL = "lexical";
    public static final String CONTEXT = "context";

    private final Map<AdvisoryKind, Map<String, Double>> weights = new EnumMap<>(AdvisoryKind.class);
    private final Map<AdvisoryKind, Map<String, Double>> cuts = new EnumMap<>(AdvisoryKind.class);

    private AdvisoryModel() {
    }

    public AdvisoryModel(Map<AdvisoryKind, Map<String, Double>> weights, Map<AdvisoryKind, Map<String, Double>> cuts) {
        this.weights.putAll(weights);
        this.cuts.putAll(cuts);
    }

    /** What the model reads for {@code kind}: names and values, the same in training and in the service. */
    public static Map<String, Double> features(String language, AdvisoryKind kind, Map<AdvisoryKind, Evidence> evidence,
                                               Set<AdvisoryKind> ruleNotices, boolean lexical, boolean context) {
        Map<String, Double> f = new HashMap<>();
        Evidence e = evidence.get(kind);
        put(f, language, "bias", 1.0);
        if (e != null) {
            put(f, language, "score", Math.log1p(e.score()));
            put(f, language, "lead", Math.log1p(e.leadScore()));
            put(f, language, "headline", Math.log1p(e.headlineScore()));
            put(f, language, "counted", Math.min(e.counted(), COUNT_CAP) / (double) COUNT_CAP);
            put(f, language, "strong", Math.min(e.strong(), COUNT_CAP) / (double) COUNT_CAP);
            put(f, language, "corroborated", Math.min(e.corroborated(), COUNT_CAP) / (double) COUNT_CAP);
            put(f, language, "blocks", Math.min(e.blocks(), COUNT_CAP) / (double) COUNT_CAP);
            put(f, language, "one-word", e.words().size() == 1 ? 1.0 : 0.0);
            put(f, language, "rules", ruleNotices.contains(kind) ? 1.0 : 0.0);
            if (context) {
                put(f, language, "discounted", Math.log1p(e.discounted()));
                put(f, language, "uncorroborated", Math.log1p(e.uncorroborated()));
            }
            if (lexical) {
                for (String stem : e.stems()) {
                    f.put("w:" + language + ":" + stem, 1.0);
                }
            }
        }
        for (AdvisoryKind other : KINDS) {
            Evidence o = evidence.get(other);
            if (other != kind && o != null) {
                put(f, language, "other:" + other.name().toLowerCase(Locale.ROOT), Math.log1p(o.score()));
                put(f, language, "other-rules:" + other.name().toLowerCase(Locale.ROOT),
                        ruleNotices.contains(other) ? 1.0 : 0.0);
            }
        }
        return f;
    }

    private static void put(Map<String, Double> f, String language, String name, double value) {
        if (value != 0.0) {
            f.put(name, value);
            f.put(language + ":" + name, value);
        }
    }

    /**
     * Whether the model may make a notice of this evidence: two counted triggers, as for the thresholds, and two
     * different words unless the thresholds make a notice of it already, so that one word repeated ("murder",
     * "murder") never becomes a notice on the model's say alone.
     */
    public static boolean mayDecide(Evidence e, boolean noticeByThresholds) {
        return e.counted() >= AdvisoryDetector.MIN_TRIGGERS && (e.words().size() >= 2 || noticeByThresholds);
    }

    /** NaN where the model does not cover the kind in this language (the thresholds decide then). */
    public double probability(String language, AdvisoryKind kind, Map<AdvisoryKind, Evidence> evidence,
                              Set<AdvisoryKind> ruleNotices) {
        Map<String, Double> w = weights.get(kind);
        if (w == null || Double.isNaN(cut(language, kind))) {
            return Double.NaN;
        }
        return probability(w, features(language, kind, evidence, ruleNotices, w.containsKey(LEXICAL),
                w.containsKey(CONTEXT)));
    }

    static double probability(Map<String, Double> weights, Map<String, Double> features) {
        double z = 0;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            z += weights.getOrDefault(f.getKey(), 0.0) * f.getValue();
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public double cut(String language, AdvisoryKind kind) {
        return cuts.getOrDefault(kind, Map.of()).getOrDefault(language, Double.NaN);
    }

    /**
     * Lines {@code KIND<TAB>cut<TAB>language<TAB>probability} and {@code KIND<TAB>weight<TAB>feature<TAB>value};
     * {@code #} starts a comment. Weights named {@code lexical} and {@code context} say the model reads trigger words
     * and the triggers its context set aside.
     */
    public static AdvisoryModel read(InputStream in) {
        AdvisoryModel model = new AdvisoryModel();
        DataRows.forEach(in, "Advisory model", f -> {
            if (f.length != 4 || !(f[1].equals("cut") || f[1].equals("weight"))) {
                throw new IllegalArgumentException("expected KIND<TAB>cut|weight<TAB>name<TAB>value");
            }
            (f[1].equals("cut") ? model.cuts : model.weights)
                    .computeIfAbsent(AdvisoryKind.valueOf(f[0]), k -> new HashMap<>())
                    .put(f[2], Double.parseDouble(f[3]));
        });
        return model;
    }

    /** Sorted, so that a retrained model differs from the last one only where its figures do. */
    public void write(PrintWriter out, String header) {
        out.print(header);
        for (AdvisoryKind kind : KINDS) {
            new TreeMap<>(cuts.getOrDefault(kind, Map.of())).forEach((language, cut) ->
                    out.printf(Locale.ROOT, "%s\tcut\t%s\t%.4f%n", kind, language, cut));
            new TreeMap<>(weights.getOrDefault(kind, Map.of())).forEach((name, value) ->
                    out.printf(Locale.ROOT, "%s\tweight\t%s\t%.5f%n", kind, name, value));
        }
        out.flush();
    }
}
