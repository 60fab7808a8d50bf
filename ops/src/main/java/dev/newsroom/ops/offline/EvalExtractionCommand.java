package dev.newsroom.ops.offline;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.eval.ExtractionEvaluation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsroom eval extraction}: how well ingest finds the article body in real HTML pages. */
@Command(name = "extraction", description = {
        "Token-level body F1 of ingest's HTML article extraction on a corpus of real news pages with ground truth:"
                + " each page goes through ingest's parser as a fetched page would; the body's text is scored against"
                + " the truth (ICU word tokens, characters in Han, kana and Thai). Prints precision, recall and F1 per"
                + " language and overall, for the tuned and held-out pages apart, and every rejected page with its"
                + " reason. A rejected page scores 0.",
        "The project's corpus: corpora/extraction (see its README). With --extracted, another extractor's texts are"
                + " scored the same way instead of ingest's."})
public final class EvalExtractionCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "${sys:newsroom.home:-.}/corpora/extraction",
            description = "A folder with manifest.tsv, the pages and the truth files (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--extracted", paramLabel = "DIR", description = "Score another extractor's texts instead of"
            + " ingest's: DIR/<page>.txt for every page of the manifest, empty where the tool gave nothing"
            + " (benchmarks/readability-baseline.js writes Mozilla Readability's).")
    Path extracted;

    @Option(names = "--misses", description = "Also list every page below F1 0.97, worst first, with precision and recall.")
    boolean misses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isReadable(corpus.resolve("manifest.tsv"))) {
            throw new ParameterException(spec.commandLine(), "--corpus " + corpus + " holds no readable manifest.tsv");
        }
        if (extracted != null && !Files.isDirectory(extracted)) {
            throw new ParameterException(spec.commandLine(), "--extracted " + extracted + " is not a directory");
        }
        ExtractionEvaluation.Result result;
        if (extracted == null) {
            result = ExtractionEvaluation.evaluate(corpus, new DocumentParser());
        } else {
            try {
                result = ExtractionEvaluation.scoreExtracted(corpus, extracted);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.table());
        if (misses) {
            out.print(result.misses(0.97));
        }
        // picocli's writer flushes on println only, and the tables are printed whole: without this nothing shows.
        out.flush();
        return 0;
    }
}
