package dev.newsroom.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/** What the per-CPU-second harnesses report about their batches: the median, and how busy the machine was. */
final class Batches {
    private Batches() {
    }

    /** The median batch: on a shared machine a mean is pulled about by the batches a neighbour slowed. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
