package dev.newsroom.enrich;

import dev.newsroom.enrich.ner.ConllCorpus;
import dev.newsroom.enrich.ner.NamedEntityTagger;
import dev.newsroom.enrich.ner.NerTraining;
import dev.newsroom.enrich.ner.SequenceModel;
import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.schemas.EntityType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the tagger on a CoNLL BIO file as corpora/newsfane-dev/README.md says: a prediction counts when its
 * character span (tokens joined by single spaces) and coarse type both match a gold mention; predictions that
 * overlap an unscored gold class are neither right nor wrong; micro P/R/F1 over PERSON, ORGANISATION, PLACE.
 *
 * <p>The file is pre-tokenised (clitics split), so it is tagged as given: one segment per token, no further
 * clitic splitting, which keeps predicted and gold spans on the same token boundaries.
 */
public final class NerEvaluation {
    private static final EntityType[] SCORED = {EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE};
    /**
     * The training seed (the order sentences are shown in) of the shipped models and of the README's
     * cross-validated figures, so {@code newsroom eval ner --cross-validate} reproduces them exactly.
     */
    public static final long SEED = 20261128L;

    private NerEvaluation() {
    }

    /** Scores the enricher's shipped tagger (whatever model it carries) on {@code conllFile}. */
    public static NerScores evaluateConll(Path conllFile, Enricher enricher) {
        NamedEntityTagger tagger = enricher.entityTagger();
        return evaluate(read(conllFile, tagger), tagger);
    }

    /**
     * K-fold cross-validation on {@code conllFile}: the sentences are cut into {@code folds} contiguous blocks;
     * each block is tagged by a model trained on the others (with the enricher's gazetteer and triggers), so no
     * sentence is scored by a model that saw it. Scores are summed over the folds.
     */
    public static NerScores crossValidate(Path conllFile, Enricher enricher, int folds, long seed) {
        NerScores total = null;
        for (Fold fold : folds(conllFile, enricher, folds, seed)) {
            NerScores scores = evaluate(fold.test(), fold.tagger());
            total = total == null ? scores : total.plus(scores);
        }
        return total;
    }

    /** The kinds of mistakes ({@link NerErrorBreakdown}) of the cross-validation {@link #crossValidate} scores. */
    public static NerErrorBreakdown crossValidatedErrors(Path conllFile, Enricher enricher, int folds, long seed) {
        NerErrorBreakdown total = new NerErrorBreakdown();
        for (Fold fold : folds(conllFile, enricher, folds, seed)) {
            total.addAll(errors(fold.test(), fold.tagger()));
        }
        return total;
    }

    /** The kinds of mistakes of the enricher's shipped tagger on {@code conllFile}. */
    public static NerErrorBreakdown errors(Path conllFile, Enricher enricher) {
        NamedEntityTagger tagger = enricher.entityTagger();
        return errors(read(conllFile, tagger), tagger);
    }

    private record Fold(List<ConllCorpus.Sentence> test, NamedEntityTagger tagger) {
    }

    /**
     * The file's sentences cut into {@code folds} contiguous blocks, each with a tagger trained on the other blocks
     * (with the enricher's gazetteer and triggers).
     */
    private static List<Fold> folds(Path conllFile, Enricher enricher, int folds, long seed) {
        NamedEntityTagger base = enricher.entityTagger();
        List<ConllCorpus.Sentence> sentences = read(conllFile, base);
        NerTraining.Size size = size(sentences);
        List<Fold> out = new ArrayList<>(folds);
        for (int fold = 0; fold < folds; fold++) {
            int from = sentences.size() * fold / folds;
            int to = sentences.size() * (fold + 1) / folds;
            List<ConllCorpus.Sentence> train = new ArrayList<>(sentences.subList(0, from));
            train.addAll(sentences.subList(to, sentences.size()));
            SequenceModel model = NerTraining.train(train, base, seed + fold, size);
            NamedEntityTagger tagger = size == NerTraining.Size.ARABIC
                    ? enricher.entityTaggerWith(model, null) : enricher.entityTaggerWith(null, model);
            out.add(new Fold(sentences.subList(from, to), tagger));
        }
        return out;
    }

    /** The Arabic model's size for a corpus mostly in Arabic script, the English one's otherwise. */
    static NerTraining.Size size(List<ConllCorpus.Sentence> sentences) {
        long arabic = 0;
        long all = 0;
        for (ConllCorpus.Sentence s : sentences) {
            for (String token : s.tokens()) {
                all++;
                if (Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                }
            }
        }
        return arabic * 2 > all ? NerTraining.Size.ARABIC : NerTraining.Size.ENGLISH;
    }

    static NerScores evaluate(List<ConllCorpus.Sentence> sentences, NamedEntityTagger tagger) {
        int[] tp = new int[3];
        int[] fp = new int[3];
        int[] fn = new int[3];
        for (ConllCorpus.Sentence sentence : sentences) {
            List<Segment> segments = ArabicSegmenter.unsplit(Tokenizer.pretokenized(sentence.tokens()));
            List<int[]> gold = NerTraining.goldSpans(sentence.labels());
            List<NamedEntityTagger.Span> predicted = tagger.tag(segments);
            boolean[] matched = new boolean[gold.size()];
            for (NamedEntityTagger.Span p : predicted) {
                int type = NerTraining.typeIndex(p.type());
                if (type > 2) {
                    continue;
                }
                int hit = -1;
                boolean unscored = false;
                for (int g = 0; g < gold.size(); g++) {
                    int[] s = gold.get(g);
                    if (s[0] == p.from() && s[1] == p.to() && s[2] == type) {
                        hit = g;
                    } else if (s[2] == 3 && s[0] < p.to() && p.from() < s[1]) {
                        unscored = true;
                    }
                }
                if (hit >= 0 && !matched[hit]) {
                    matched[hit] = true;
                    tp[type]++;
                } else if (!unscored) {
                    fp[type]++;
                }
            }
            for (int g = 0; g < gold.size(); g++) {
                int type = gold.get(g)[2];
                if (type <= 2 && !matched[g]) {
                    fn[type]++;
                }
            }
        }
        Map<EntityType, NerScores.Counts> perType = new EnumMap<>(EntityType.class);
        for (int t = 0; t < 3; t++) {
            perType.put(SCORED[t], new NerScores.Counts(tp[t], fp[t], fn[t]));
        }
        return NerScores.of(perType);
    }

    static NerErrorBreakdown errors(List<ConllCorpus.Sentence> sentences, NamedEntityTagger tagger) {
        NerErrorBreakdown errors = new NerErrorBreakdown();
        for (ConllCorpus.Sentence sentence : sentences) {
            errors.add(tagger.tag(ArabicSegmenter.unsplit(Tokenizer.pretokenized(sentence.tokens()))),
                    sentence.labels());
        }
        return errors;
    }

    /** The file's sentences; in English ones, titles are taken out of person names ({@link NerTraining#withoutTitles}). */
    private static List<ConllCorpus.Sentence> read(Path file, NamedEntityTagger tagger) {
        try {
            return NerTraining.withoutTitles(ConllCorpus.read(file), tagger.triggers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code NerEvaluation CONLL [--folds N]} prints the cross-validated scores;
     * {@code NerEvaluation CONLL --train MODEL} trains on the whole file and writes the model (the Arabic model's
     * size for an Arabic corpus, the English one's otherwise); {@code NerEvaluation CONLL --score} scores the
     * shipped models on the file; {@code --errors} sorts the shipped models' mistakes on it by kind
     * ({@link NerErrorBreakdown}), {@code --cv-errors N} those of N-fold cross-validation.
     */
    public static void main(String[] args) throws IOException {
        Path conll = Path.of(args[0]);
        boolean training = args.length > 2 && args[1].equals("--train");
        Enricher enricher = training ? Enricher.loadWithoutModel() : Enricher.loadDefault();
        if (training) {
            var tagger = enricher.entityTagger();
            List<ConllCorpus.Sentence> sentences = read(conll, tagger);
            SequenceModel model = NerTraining.train(sentences, tagger, SEED, size(sentences));
            try (OutputStream out = Files.newOutputStream(Path.of(args[2]))) {
                model.write(out);
            }
            return;
        }
        if (args.length > 1 && args[1].equals("--errors")) {
            System.out.print(errors(conll, enricher).table());
            return;
        }
        if (args.length > 2 && args[1].equals("--cv-errors")) {
            System.out.print(crossValidatedErrors(conll, enricher, Integer.parseInt(args[2]), SEED).table());
            return;
        }
        if (args.length > 1 && args[1].equals("--score")) {
            System.out.print(evaluateConll(conll, enricher).table());
            return;
        }
        int folds = args.length > 2 && args[1].equals("--folds") ? Integer.parseInt(args[2]) : 5;
        long start = System.nanoTime();
        NerScores scores = crossValidate(conll, enricher, folds, SEED);
        System.out.print(scores.table());
        System.out.printf("%d-fold cross-validation in %.1f s%n", folds, (System.nanoTime() - start) / 1e9);
    }
}
