package dev.newsroom.systemtest.cluster;

import dev.newsroom.devstack.kafka.BrokerMain;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.systemtest.process.ChildClasspath;
import dev.newsroom.systemtest.process.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The Kafka broker as a process of its own ({@link BrokerMain}), on a fixed loopback port and data directory, so that
 * it can be killed and started again where clients expect it.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path dataDir;
    private final Path logDir;
    private final int port;
    private ChildProcess process;

    private BrokerProcess(Path dataDir, Path logDir, int port) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.port = port;
    }

    /** Starts a broker on a new data directory and a free port, and waits until it takes clients. */
    public static BrokerProcess start(Path dataDir, Path logDir) {
        BrokerProcess broker = new BrokerProcess(dataDir, logDir, LoopbackPorts.free());
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again on the same port and data directory, and waits until it takes clients. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        // Kafka's defaults, as production runs it: not a shorter
        // transaction.abort.timed.out.transaction.cleanup.interval.ms either (it would let a service killed
        // mid-transaction hold back read_committed readers for less time). After a kill -9 of the broker, a scan
        // that comes while the restarted broker is still fenced aborts the timed-out transactions without writing
        // their markers (the coordinator finds no live leader for their partitions and skips them as deleted),
        // leaving them open on every partition they touched, __consumer_offsets included, and the services stalled
        // for good. Kafka's 10 s interval lets the broker unfence first. See docs/reliability.md.
        List<String> args = List.of(dataDir.toString(), String.valueOf(port));
        process = ChildProcess.start("kafka-broker", ChildClasspath.get(),
                List.of("-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"),
                BrokerMain.class.getName(), args, Map.of(), logDir.resolve("broker.log"));
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker exited during start-up; its log ends:\n"
                            + process.logTail(40));
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    pause();
                }
            }
        }
        throw new IllegalStateException("The Kafka broker on " + bootstrapServers() + " was not ready within "
                + READY_TIMEOUT.toSeconds() + " s; its log ends:\n" + process.logTail(40));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
    }

    /** {@code kill -9}: the log directory is left as a crash leaves it. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** SIGTERM: a controlled shutdown. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
        }
    }

    public synchronized long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        kill();
    }
}
