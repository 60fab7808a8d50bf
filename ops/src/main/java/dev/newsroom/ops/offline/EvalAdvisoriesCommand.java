package dev.newsroom.ops.offline;

import dev.newsroom.enrich.AdvisoryEvaluation;
import dev.newsroom.enrich.Enricher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsroom eval advisories}: how the content advisories fare on a labelled set. */
@Command(name = "advisories", description = {
        "Precision and recall of the public advisory notices per kind (violence, death, terrorism, graphic), overall"
                + " and per language, on a labelled set: one JSON object per line with id, language, headline (or"
                + " null), text and labels {violence, death, terrorism, graphic: true|false}. Each text goes through"
                + " the enricher as an article would. Suggestions (below the notice threshold) are counted apart.",
        "The project's sets: enrich/src/test/resources/advisories/dev.jsonl (tuned on) and heldout.jsonl (only"
                + " measured); see their README."})
public final class EvalAdvisoriesCommand implements Callable<Integer> {

    @Option(names = "--labelled", required = true, paramLabel = "FILE", description = "The labelled set (JSON lines).")
    Path labelled;

    @Option(names = "--misses", description = "Also list every text a notice got wrong, with what was found.")
    boolean misses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isReadable(labelled)) {
            throw new ParameterException(spec.commandLine(), "--labelled " + labelled + " is not a readable file");
        }
        AdvisoryEvaluation.Result result = AdvisoryEvaluation.evaluate(labelled, Enricher.loadDefault());
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.table());
        if (misses) {
            for (AdvisoryEvaluation.Miss miss : result.misses()) {
                out.printf("%s %s %s: %s%n", miss.labelled() ? "missed" : "wrong ", miss.id(),
                        miss.kind().name().toLowerCase(Locale.ROOT), miss.found());
            }
        }
        // picocli's writer flushes on println only, and the table is printed whole: without this nothing shows.
        out.flush();
        return 0;
    }
}
