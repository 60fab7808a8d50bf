package dev.newsroom.enrich;

import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.topics.SectionModel;
import dev.newsroom.enrich.topics.SectionTrainer;
import dev.newsroom.enrich.topics.TopicClassifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Trains a language's section model from a labelled training set ({@link SectionData}), or measures a setting by
 * cross-validation inside that set (so held-out data is never used to choose anything). The texts are stemmed
 * and weighted exactly as enrich reads an article, and the lexicons' evidence comes from the same classifier.
 * <pre>
 * SectionTraining corpora/sections/train-en.jsonl.gz --out enrich/src/main/resources/dev/newsroom/enrich/data/topics/sections-en.model.gz
 * SectionTraining corpora/sections/train-en.jsonl.gz --cross-validate 5 [--epochs N] [--l2 X] [--rate X]
 *     [--min-texts N] [--focus X] [--balance X] [--claim X] [--claim-together X]
 * </pre>
 */
public final class SectionTraining {
    static final long SEED = 42L;

    private SectionTraining() {
    }

    /** A text ready for training: its label, blocks and lexicon cues. */
    record Prepared(String id, String label, List<StemmedText> blocks, Map<String, Double> cues) {
    }

    static List<Prepared> prepare(List<SectionData> items, Enricher enricher) {
        List<Prepared> out = new ArrayList<>(items.size());
        for (SectionData item : items) {
            List<StemmedText> blocks = enricher.topicTexts(item.article(), item.language());
            out.add(new Prepared(item.id(), item.label(), blocks, enricher.topics().cues(item.language(), blocks)));
        }
        return out;
    }

    static SectionModel train(String language, List<Prepared> items, Settings settings) {
        SectionTrainer trainer = new SectionTrainer(language).epochs(settings.epochs).l2(settings.l2)
                .rate(settings.rate).minTexts(settings.minTexts).focus(settings.focus).balance(settings.balance);
        items.forEach(p -> trainer.add(p.blocks(), p.cues(), p.label()));
        return trainer.train(SEED);
    }

    /**
     * Top-level accuracy of the model alone, each fold scored by a model trained on the other folds; the
     * confusions (labelled, predicted) are counted into {@code confusions}. With a {@code classifier}, the fold's
     * model is loaded into it and {@code strict} gets, per text, whether its first top-level topic is the label, as
     * the held-out evaluation counts, so the way the lexicon-only sections rank is tuned on training data too.
     */
    static double crossValidate(String language, List<Prepared> items, Settings settings, int folds,
                                Map<String, Integer> confusions, TopicClassifier classifier, List<Boolean> strict)
            throws IOException {
        int right = 0;
        for (int fold = 0; fold < folds; fold++) {
            List<Prepared> train = new ArrayList<>();
            List<Prepared> test = new ArrayList<>();
            for (Prepared p : items) {
                (fold(p.id(), folds) == fold ? test : train).add(p);
            }
            SectionModel model = train(language, train, settings);
            if (classifier != null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                model.write(bytes);
                classifier.loadModel(new ByteArrayInputStream(bytes.toByteArray()));
                for (Prepared p : test) {
                    String first = classifier.classify(language, p.blocks()).stream()
                            .filter(s -> s.topic().isTopLevel()).map(s -> s.topic().code()).findFirst().orElse("");
                    String gold = p.label().split("/")[0];
                    strict.add(first.equals(gold));
                    if (!first.equals(gold) && !model.sections().contains(first)) {
                        confusions.merge("strict: " + gold + " " + first, 1, Integer::sum);
                    }
                }
            }
            List<String> labels = model.labels();
            for (Prepared p : test) {
                double[] probabilities = model.predict(p.blocks(), p.cues());
                if (probabilities == null) {
                    confusions.merge(p.label().split("/")[0] + " none", 1, Integer::sum);
                    continue;
                }
                int best = 0;
                for (int c = 1; c < probabilities.length; c++) {
                    best = probabilities[c] > probabilities[best] ? c : best;
                }
                String gold = p.label().split("/")[0];
                String predicted = labels.get(best).split("/")[0];
                right += predicted.equals(gold) ? 1 : 0;
                confusions.merge(gold + " " + predicted, 1, Integer::sum);
            }
        }
        return right / (double) items.size();
    }

    private static int fold(String id, int folds) {
        CRC32 crc = new CRC32();
        crc.update(("fold:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % folds);
    }

    record Settings(int epochs, double l2, double rate, int minTexts, double focus, double balance) {
        static final Settings DEFAULT = new Settings(12, 1e-4, 0.5, 2, 0, 0);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SectionTraining TRAIN.jsonl[.gz] (--out MODEL.gz | --cross-validate FOLDS)"
                    + " [--epochs N] [--l2 X] [--rate X] [--min-texts N] [--focus X] [--balance X] [--claim X] [--claim-together X]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Path out = null;
        int folds = 0;
        double claim = 0;
        double together = 0;
        Settings s = Settings.DEFAULT;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--cross-validate" -> folds = Integer.parseInt(args[i + 1]);
                case "--epochs" -> s = new Settings(Integer.parseInt(args[i + 1]), s.l2(), s.rate(), s.minTexts(),
                        s.focus(), s.balance());
                case "--l2" -> s = new Settings(s.epochs(), Double.parseDouble(args[i + 1]), s.rate(), s.minTexts(),
                        s.focus(), s.balance());
                case "--rate" -> s = new Settings(s.epochs(), s.l2(), Double.parseDouble(args[i + 1]), s.minTexts(),
                        s.focus(), s.balance());
                case "--min-texts" -> s = new Settings(s.epochs(), s.l2(), s.rate(), Integer.parseInt(args[i + 1]),
                        s.focus(), s.balance());
                case "--focus" -> s = new Settings(s.epochs(), s.l2(), s.rate(), s.minTexts(),
                        Double.parseDouble(args[i + 1]), s.balance());
                case "--balance" -> s = new Settings(s.epochs(), s.l2(), s.rate(), s.minTexts(), s.focus(),
                        Double.parseDouble(args[i + 1]));
                case "--claim" -> claim = Double.parseDouble(args[i + 1]);
                case "--claim-together" -> together = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<SectionData> items = SectionData.read(file);
        String language = items.get(0).language();
        List<Prepared> prepared = prepare(items, Enricher.loadWithoutSections());
        if (folds > 1) {
            Map<String, Integer> confusions = new java.util.TreeMap<>();
            List<Boolean> strict = new ArrayList<>();
            Enricher enricher = Enricher.loadWithoutSections();
            TopicClassifier.ClaimLevel level = enricher.topics().claimLevel(language);
            enricher.topics().claimLevel(language, new TopicClassifier.ClaimLevel(claim > 0 ? claim : level.alone(),
                    together > 0 ? together : level.together()));
            System.out.printf(Locale.ROOT, "%s: %d texts, %d-fold cross-validated top-level accuracy %.3f (%s)%n",
                    language, prepared.size(), folds,
                    crossValidate(language, prepared, s, folds, confusions, enricher.topics(), strict), s);
            System.out.printf(Locale.ROOT, "  strict top-1, lexicon-only sections ranked as enrich does: %.3f%n",
                    strict.stream().filter(b -> b).count() / (double) strict.size());
            confusions.forEach((pair, n) -> System.out.printf(Locale.ROOT, "  labelled, predicted %s: %d%n", pair, n));
        }
        if (out != null) {
            SectionModel model = train(language, prepared, s);
            try (OutputStream o = Files.newOutputStream(out)) {
                model.write(o);
            }
            System.out.printf(Locale.ROOT, "%s: %d texts, classes %s, written to %s (%d bytes)%n", language,
                    prepared.size(), model.labels(), out, Files.size(out));
        }
    }
}
