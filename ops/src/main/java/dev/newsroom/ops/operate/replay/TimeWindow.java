package dev.newsroom.ops.operate.replay;

import java.time.Instant;

/**
 * The times a window asks for, {@code [from, to)}, either end open. Offsets found with {@code offsetsForTimes}
 * bound what is read; record timestamps decide what is in, because timestamps need not grow with offsets (a
 * producer's clock, a late record) and a record stamped outside the window is not part of it wherever it sits.
 */
public record TimeWindow(Instant from, Instant to) {

    public static TimeWindow any() {
        return new TimeWindow(null, null);
    }

    public boolean contains(long timestamp) {
        return (from == null || timestamp >= from.toEpochMilli()) && (to == null || timestamp < to.toEpochMilli());
    }
}
