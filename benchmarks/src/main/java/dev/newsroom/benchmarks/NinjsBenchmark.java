package dev.newsroom.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.enrich.Enricher;
import dev.newsroom.publish.publication.ContentHash;
import dev.newsroom.publish.publication.NinjsComposer;
import dev.newsroom.publish.state.ArticleState;
import dev.newsroom.publish.state.StoredContent;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Pubstatus;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What publish does per enriched article before any outlet sees it: render the ninjs 2.2 document, compose the
 * usable version outlets receive, and hash it to tell a real change from a replay. 5 KB articles, per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class NinjsBenchmark {

    @Param({"ar", "en"})
    public String language;

    private EnrichedArticle enriched;

    @Setup
    public void setUp() {
        enriched = Enricher.loadDefault().enrich(Samples.fiveKilobyteArticle(language), Instant.EPOCH);
    }

    @Benchmark
    public String renderComposeAndHash() {
        ArticleState state = new ArticleState();
        state.content(StoredContent.of(enriched));
        ObjectNode ninjs = NinjsComposer.compose(state, Pubstatus.usable, Instant.EPOCH);
        return ContentHash.of(ninjs);
    }
}
