package dev.newsroom.ingest.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs poll tasks only when the test says so, on the test's thread, moving a virtual clock to each task's due
 * time: backoff of minutes or hours is checked without waiting for it.
 */
final class ManualScheduler implements PollScheduler {

    private record Scheduled(Instant due, long sequence, Runnable task) {
    }

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparing(Scheduled::due).thenComparingLong(Scheduled::sequence));
    private final List<Duration> delays = new ArrayList<>();
    private volatile Instant now = Instant.parse("2026-11-28T09:00:00Z");
    private long sequence;
    private boolean shutdown;

    /** A clock reading the virtual time. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Override
    public synchronized void schedule(Runnable task, Duration delay) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        delays.add(delay);
        queue.add(new Scheduled(now.plus(delay), sequence++, task));
    }

    /** Moves the clock to the next task's due time (unless a sleep already took it further) and runs it. */
    void runNext() {
        Scheduled next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                throw new IllegalStateException("Nothing is scheduled");
            }
            if (next.due().isAfter(now)) {
                now = next.due();
            }
        }
        next.task().run();
    }

    /** Moves the clock on without running anything: what a sleeping poll sees. */
    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** The delay of the most recent {@link #schedule} call: how long the poller chose to wait. */
    synchronized Duration lastDelay() {
        return delays.get(delays.size() - 1);
    }

    synchronized int pending() {
        return queue.size();
    }

    @Override
    public synchronized boolean shutdown(Duration timeout) {
        shutdown = true;
        queue.clear();
        return true;
    }
}
