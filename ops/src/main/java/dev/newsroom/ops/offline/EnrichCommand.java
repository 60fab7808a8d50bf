package dev.newsroom.ops.offline;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.platform.ninjs.NinjsWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsroom enrich}: parse as ingest does, enrich as the enrich service does, print ninjs 2.2. */
@Command(name = "enrich", description = {
        "Like parse, after enrichment: detected language, people, organisations and places (rel \"about\" for the"
                + " most salient, literal as written, uri when known), IPTC subjects most relevant first."})
public final class EnrichCommand implements Callable<Integer> {

    @Option(names = "--type", defaultValue = "auto", paramLabel = "TYPE",
            description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: content sniffing).")
    InputFiles.Type type;

    @Option(names = "--per-file",
            description = "One line per input file: {\"file\": ..., \"items\": [ninjs...], \"error\": null or reason}.")
    boolean perFile;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to enrich; - reads standard input.")
    List<String> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Enricher enricher = Enricher.loadDefault();
        return ParseCommand.run(spec, files, type, perFile,
                article -> NinjsWriter.enriched(enricher.enrich(article, Instant.now())));
    }
}
