package dev.newsroom.ops.offline;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.enrich.NerEvaluation;
import dev.newsroom.enrich.NerScores;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsroom eval}: quality measurements that anyone can reproduce. */
@Command(name = "eval", description = "Measure quality on annotated data.",
        subcommands = {EvalCommand.Ner.class, EvalAdvisoriesCommand.class, EvalExtractionCommand.class,
                EvalSectionsCommand.class})
public final class EvalCommand {

    @Command(name = "ner", description = {
            "Precision, recall and F1 per type (PERSON, ORGANISATION, PLACE) and overall on a CoNLL file (TOKEN TAB"
                    + " BIO-TAG), scored as corpora/newsfane-dev/README.md describes: a mention counts when its span"
                    + " and coarse type both match exactly."})
    static final class Ner implements Callable<Integer> {
        @Option(names = "--conll", required = true, paramLabel = "FILE", description = "The annotated file.")
        Path conll;

        @Option(names = "--cross-validate", paramLabel = "FOLDS",
                description = "Train on the other folds and score each fold on text the model never saw.")
        Integer folds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Enricher enricher = Enricher.loadDefault();
            NerScores scores = folds == null
                    ? NerEvaluation.evaluateConll(conll, enricher)
                    : NerEvaluation.crossValidate(conll, enricher, folds, NerEvaluation.SEED);
            spec.commandLine().getOut().println(scores.table());
            return 0;
        }
    }
}
