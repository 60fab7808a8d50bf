package dev.newsroom.benchmarks;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
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
 * Enrichment (language, entities, sections, advisories, keywords, slug, summary) of 5 KB Arabic and English
 * articles, per core. {@link #main} prints the heap the loaded reference data take.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class EnrichBenchmark {

    @Param({"ar", "en"})
    public String language;

    private Enricher enricher;
    private Article article;

    @Setup
    public void setUp() {
        enricher = Enricher.loadDefault();
        article = Samples.fiveKilobyteArticle(language);
    }

    @Benchmark
    public EnrichedArticle enrich() {
        return enricher.enrich(article, Instant.EPOCH);
    }

    /** Heap taken by the reference data (gazetteers, model, lexicons) once loaded, and how long loading takes. */
    public static void main(String[] args) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long began = System.nanoTime();
        Enricher enricher = Enricher.loadDefault();
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("Enricher %s: loaded in %d ms, %.1f MB of heap%n", enricher.version(), millis,
                (after - before) / 1e6);
    }
}
