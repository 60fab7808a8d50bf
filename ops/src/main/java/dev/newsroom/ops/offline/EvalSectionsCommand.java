package dev.newsroom.ops.offline;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.enrich.SectionEvaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsroom eval sections}: top-1 section accuracy on labelled news. */
@Command(name = "sections", description = {
        "Top-1 accuracy of the first top-level IPTC subject, per language, with precision and recall per class and a"
                + " confusion table, on labelled sets: one JSON object per line (gzipped if the name ends in .gz) with"
                + " id, language, headline (or null), text (paragraphs on separate lines) and topic (the IPTC top-level"
                + " code). Each text goes through the enricher as an article would.",
        "The project's held-out sets: corpora/sections/heldout-{ar,en,fr}.jsonl.gz (see corpora/sections/README.md)."})
public final class EvalSectionsCommand implements Callable<Integer> {

    @Option(names = "--labelled", required = true, split = ",", paramLabel = "FILE",
            description = "The labelled set(s), comma-separated or repeated.")
    List<Path> labelled;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Enricher enricher = Enricher.loadDefault();
        for (Path file : labelled) {
            if (!Files.isReadable(file)) {
                throw new ParameterException(spec.commandLine(), "--labelled " + file + " is not a readable file");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : labelled) {
            out.print(file + "\n" + SectionEvaluation.evaluate(file, enricher).table());
            out.flush();
        }
        return 0;
    }
}
