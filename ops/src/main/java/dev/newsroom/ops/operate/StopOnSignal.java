package dev.newsroom.ops.operate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C or SIGTERM into a request to stop: the work sees {@link #flag()}, commits what it has done and
 * returns, and the JVM waits for that (up to a limit) before it exits, instead of leaving a transaction open
 * that would hold back read_committed consumers until it times out.
 */
public final class StopOnSignal implements AutoCloseable {

    private static final long GRACE_SECONDS = 20;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    public StopOnSignal(String name) {
        hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public AtomicBoolean flag() {
        return stop;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and has just been released.
        }
    }
}
