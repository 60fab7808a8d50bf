package dev.newsroom.devtools.bench;

import java.util.Arrays;

/** Latencies in milliseconds, kept whole (a run has at most a few hundred thousand), with exact percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int count;

    synchronized void add(long millis) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = millis;
    }

    synchronized int count() {
        return count;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(count, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                count == 0 ? 0 : sorted[count - 1]);
    }

    private static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Nearest-rank percentiles. */
    record Summary(int count, long p50, long p90, long p99, long max) {
    }
}
