package dev.newsroom.ops.offline;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.platform.ninjs.NinjsWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code newsroom enrich}: parse as ingest does, enrich as the enrich service does, print ninjs 2.2. */
@Command(name = "enrich", description = {
        "Like parse, after enrichment: detected language, people, organisations and places (rel \"about\" for the"
                + " most salient, literal as written, uri when known), IPTC subjects most relevant first."})
public final class EnrichCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Enricher enricher = Enricher.loadDefault();
        return ParseCommand.run(spec, input,
                article -> NinjsWriter.enriched(enricher.enrich(article, Instant.now())));
    }
}
