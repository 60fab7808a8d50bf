package dev.newsroom.ingest.poller;

import java.time.Duration;

/** Runs poll tasks after a delay; the seam that lets tests drive time instead of sleeping. */
interface PollScheduler {

    /**
     * Runs {@code task} once after {@code delay}. A task may block on I/O without delaying other tasks.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown}
     */
    void schedule(Runnable task, Duration delay);

    /** Drops waiting tasks, interrupts running ones and waits up to {@code timeout} for them to end. */
    boolean shutdown(Duration timeout) throws InterruptedException;
}
