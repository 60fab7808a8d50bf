package dev.newsroom.benchmarks;

import dev.newsroom.schemas.Article;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Two builds of enrich in one JVM and one thread, batch for batch: each batch of the first is followed by one of the
 * second, so both see the same neighbours' load and cache traffic within a fraction of a second, which separate
 * runs on a shared machine do not (their medians move ±40 % between minutes). Each build's classes (and resources)
 * come from its own directory through its own class loader; everything else is shared, so enrich must not be on the
 * class path. Prints each build's median articles per CPU-second of the thread, the median of the per-pair ratios,
 * and bytes allocated per article. Run: {@code java -cp ... dev.newsroom.benchmarks.EnrichPairHarness BASE_CLASSES
 * AFTER_CLASSES [warm-up s] [pairs]}.
 */
public final class EnrichPairHarness {
    private static final int BATCH = 20;

    private EnrichPairHarness() {
    }

    public static void main(String[] args) throws Exception {
        int warmUpSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Build[] builds = {new Build(Path.of(args[0])), new Build(Path.of(args[1]))};
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String language : new String[] {"ar", "en"}) {
            Article article = Samples.fiveKilobyteArticle(language);
            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                for (Build b : builds) {
                    b.enrich(article);
                }
            }
            double[][] rates = new double[2][pairs];
            double[][] bytes = new double[2][pairs];
            double[] ratios = new double[pairs];
            for (int p = 0; p < pairs; p++) {
                // Which build goes first alternates, so neither always follows the other's garbage.
                for (int k = 0; k < 2; k++) {
                    int b = (p + k) % 2;
                    long cpu = threads.getCurrentThreadCpuTime();
                    long allocated = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < BATCH; i++) {
                        builds[b].enrich(article);
                    }
                    rates[b][p] = BATCH / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
                    bytes[b][p] = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) BATCH;
                }
                ratios[p] = rates[1][p] / rates[0][p];
            }
            System.out.printf(Locale.ROOT, "%s: base %.0f, after %.0f articles per CPU-second (medians of %d batches of"
                            + " %d each, alternating); after/base per pair: median %.3f (quartiles %.3f-%.3f);"
                            + " bytes per article %.0f -> %.0f; load average %s%n", language,
                    Batches.median(rates[0]), Batches.median(rates[1]), pairs, BATCH, Batches.median(ratios),
                    quantile(ratios, 0.25), quantile(ratios, 0.75), Batches.median(bytes[0]),
                    Batches.median(bytes[1]), Batches.loadAverage());
        }
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    /** One build of enrich: its own class loader over its classes, its own loaded {@code Enricher}. */
    private static final class Build {
        private final Object enricher;
        private final Method enrich;

        Build(Path classes) throws Exception {
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    EnrichPairHarness.class.getClassLoader());
            Class<?> type = Class.forName("dev.newsroom.enrich.Enricher", true, loader);
            this.enricher = type.getMethod("loadDefault").invoke(null);
            this.enrich = type.getMethod("enrich", Article.class, Instant.class);
        }

        void enrich(Article article) throws Exception {
            enrich.invoke(enricher, article, Instant.EPOCH);
        }
    }
}
