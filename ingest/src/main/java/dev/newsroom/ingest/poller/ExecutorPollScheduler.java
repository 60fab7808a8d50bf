package dev.newsroom.ingest.poller;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PollScheduler} on a {@link ScheduledThreadPoolExecutor} with one thread per feed: a feed never
 * runs two polls at once (the next is scheduled when one ends), so with a thread each, a feed stalled on a slow
 * server can never keep another waiting.
 */
final class ExecutorPollScheduler implements PollScheduler {

    private final ScheduledThreadPoolExecutor executor;

    ExecutorPollScheduler(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, "newsroom-poller-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean shutdown(Duration timeout) throws InterruptedException {
        executor.shutdownNow();
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
