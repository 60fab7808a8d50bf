package dev.newsroom.publish.outlet;

import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.platform.deadletter.FailureKind;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The loop every outlet worker runs over the published log, on a thread of its own: a consumer from the injected
 * factory, the worker's read until it is closed, and after a failure a pause and a fresh consumer, so that a broker
 * that went away or a rebalance gone wrong costs a restart, not the outlet; a fatal failure (a setting that can never
 * work) stops it. Closing wakes the consumer and waits for the read to finish.
 */
public final class LogFollower implements AutoCloseable {

    /** What a worker does with the log: its read, and what it makes of a failure. */
    public interface Reader {

        /** Reads with {@code consumer} until the follower is closed ({@link LogFollower#running()} turns false). */
        void read(Consumer<String, byte[]> consumer);

        /**
         * A failure ended a read.
         *
         * @param fatal whether the follower stops here; otherwise it pauses and reads again with a new consumer
         */
        void failed(RuntimeException error, String reason, boolean fatal);
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Duration restartPause;
    private final Reader reader;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;

    public LogFollower(String threadName, Supplier<Consumer<String, byte[]>> consumers, Duration restartPause,
                       Reader reader) {
        this.consumers = consumers;
        this.restartPause = restartPause;
        this.reader = reader;
        this.thread = new Thread(this::run, threadName);
    }

    public void start() {
        thread.start();
    }

    public boolean running() {
        return running;
    }

    /** The consumer of the read under way, or null between reads. */
    public Consumer<String, byte[]> consumer() {
        return consumer;
    }

    /** Wakes the read under way out of its poll. */
    public void wakeup() {
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void close() {
        running = false;
        wakeup();
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try (Consumer<String, byte[]> current = consumers.get()) {
                consumer = current;
                reader.read(current);
            } catch (WakeupException e) {
                // close() woke the consumer: the loop condition ends the follower
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                boolean fatal = FailureKind.of(e) == FailureKind.FATAL;
                reader.failed(e, DeadLetters.reason(e), fatal);
                if (fatal) {
                    return;
                }
                try {
                    Thread.sleep(restartPause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }
}
