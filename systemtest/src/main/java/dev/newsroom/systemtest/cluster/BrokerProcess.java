package dev.newsroom.systemtest.cluster;

import dev.newsroom.devstack.kafka.BrokerMain;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.systemtest.process.ChildClasspath;
import dev.newsroom.systemtest.process.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka broker as a process of its own ({@link BrokerMain}, or {@link ReplicatedBrokerMain} for a node of a
 * replicated cluster), on a fixed loopback port and data directory, so that it can be killed and started again where
 * clients and its peers expect it.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final String mainClass;
    private final List<String> args;
    private final Path log;
    private final int port;
    private ChildProcess process;

    private BrokerProcess(String name, String mainClass, List<String> args, Path log, int port) {
        this.name = name;
        this.mainClass = mainClass;
        this.args = List.copyOf(args);
        this.log = log;
        this.port = port;
    }

    /** Starts a broker on a new data directory and a free port, and waits until it takes clients. */
    public static BrokerProcess start(Path dataDir, Path logDir) {
        // Kafka's defaults, as production runs it: not a shorter
        // transaction.abort.timed.out.transaction.cleanup.interval.ms either (it would let a service killed
        // mid-transaction hold back read_committed readers for less time). After a kill -9 of the broker, a scan
        // that comes while the restarted broker is still fenced aborts the timed-out transactions without writing
        // their markers (the coordinator finds no live leader for their partitions and skips them as deleted),
        // leaving them open on every partition they touched, __consumer_offsets included, and the services stalled
        // for good. Kafka's 10 s interval lets the broker unfence first. See docs/reliability.md.
        int port = LoopbackPorts.free();
        BrokerProcess broker = new BrokerProcess("kafka-broker", BrokerMain.class.getName(),
                List.of(dataDir.toString(), String.valueOf(port)), logDir.resolve("broker.log"), port);
        broker.start();
        return broker;
    }

    /**
     * One node of a replicated cluster ({@link ReplicatedBrokerMain}), not started yet: the nodes of a new quorum
     * are launched together, since none is ready before a majority of them runs.
     *
     * @param settings every broker setting, listeners and quorum included; clients connect to {@code port}
     */
    static BrokerProcess node(int nodeId, String clusterId, int port, Map<String, String> settings, Path logDir) {
        List<String> args = new ArrayList<>(List.of(clusterId));
        settings.forEach((key, value) -> args.add(key + "=" + value));
        return new BrokerProcess("kafka-node-" + nodeId, ReplicatedBrokerMain.class.getName(), args,
                logDir.resolve("node-" + nodeId + ".log"), port);
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
        launch();
        awaitReady();
    }

    /** Starts the process without waiting for it to take clients. */
    synchronized void launch() {
        if (!isRunning()) {
            process = ChildProcess.start(name, ChildClasspath.get(),
                    List.of("-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"), mainClass, args,
                    Map.of(), log);
        }
    }

    /** Waits until the broker answers clients with the cluster it belongs to. */
    void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up; its log ends:\n"
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
        throw new IllegalStateException(name + " on " + bootstrapServers() + " was not ready within "
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

    /**
     * SIGTERM: a controlled shutdown.
     *
     * @return true if it stopped by itself within a minute; false if it had to be killed then
     */
    public synchronized boolean stop() {
        return process == null || process.stop(Duration.ofSeconds(60));
    }

    public String name() {
        return name;
    }

    public synchronized long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        kill();
    }
}
