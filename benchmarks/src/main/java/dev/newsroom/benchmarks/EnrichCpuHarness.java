package dev.newsroom.benchmarks;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.schemas.Article;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Enrich throughput per CPU-second of the measuring thread and bytes allocated per article, for the 5 KB Arabic
 * and English articles of {@link EnrichBenchmark}. On a shared machine wall-clock throughput (JMH) moves with the
 * neighbours' load; the thread's own CPU time does much less, so before/after comparisons use this. Prints the
 * median of the batches. Run: {@code java -cp ... dev.newsroom.benchmarks.EnrichCpuHarness [warm-up s] [batches]}.
 */
public final class EnrichCpuHarness {
    private static final int BATCH = 40;

    private EnrichCpuHarness() {
    }

    public static void main(String[] args) {
        int warmUpSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Enricher enricher = Enricher.loadDefault();
        for (String language : new String[] {"ar", "en"}) {
            Article article = Samples.fiveKilobyteArticle(language);
            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                enricher.enrich(article, Instant.EPOCH);
            }
            double[] perCpuSecond = new double[batches];
            double[] bytesPerArticle = new double[batches];
            for (int b = 0; b < batches; b++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < BATCH; i++) {
                    enricher.enrich(article, Instant.EPOCH);
                }
                perCpuSecond[b] = BATCH / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
                bytesPerArticle[b] = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) BATCH;
            }
            System.out.printf(Locale.ROOT, "%s: %.0f articles per CPU-second (median of %d batches of %d; min %.0f,"
                            + " max %.0f), %.0f bytes allocated per article, load average %s%n", language,
                    Batches.median(perCpuSecond), batches, BATCH, Arrays.stream(perCpuSecond).min().orElseThrow(),
                    Arrays.stream(perCpuSecond).max().orElseThrow(), Batches.median(bytesPerArticle), 
                    Batches.loadAverage());
        }
    }
}
