package dev.newsroom.devstack.kafka;

import dev.newsroom.devstack.net.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM, bound to
 * 127.0.0.1. The log directory survives {@link #close()}, so a broker restarted on the same directory
 * keeps its topics and offsets.
 */
public final class InProcessKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> overrides;
    private final List<Listener> listeners;
    private KafkaRaftServer server;

    private InProcessKafkaBroker(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides,
                                 List<Listener> listeners) {
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.overrides = Map.copyOf(overrides);
        this.listeners = List.copyOf(listeners);
    }

    /**
     * A further client listener on 127.0.0.1 beside the PLAINTEXT one (which the broker keeps for itself), e.g.
     * {@code SASL_SSL}; its keystore and SASL settings go in the overrides as {@code listener.name.<name>.*}.
     */
    public record Listener(String name, String securityProtocol, int port) {

        public String bootstrapServers() {
            return "127.0.0.1:" + port;
        }
    }

    /**
     * Formats {@code logDir} if it is new, starts the broker and waits until it answers clients.
     *
     * @param brokerPort port for clients; 0 picks a free one
     */
    public static InProcessKafkaBroker start(Path logDir, int brokerPort, Map<String, String> overrides) {
        return start(logDir, brokerPort, overrides, List.of());
    }

    /** As {@link #start(Path, int, Map)}, with further client listeners. */
    public static InProcessKafkaBroker start(Path logDir, int brokerPort, Map<String, String> overrides,
                                             List<Listener> listeners) {
        int port = brokerPort == 0 ? LoopbackPorts.free() : brokerPort;
        if (LoopbackPorts.inUse(port)) {
            throw new IllegalStateException("Cannot start Kafka on 127.0.0.1:" + port + ": the port is in use");
        }
        InProcessKafkaBroker broker = new InProcessKafkaBroker(logDir, port, LoopbackPorts.free(), overrides,
                listeners);
        broker.startServer();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    private void startServer() {
        long began = System.nanoTime();
        KafkaConfig config = KafkaConfig.fromProps(properties(), false);
        format(config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
        LOG.info("Kafka broker ready on {} in {} ms (log dir {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), logDir);
    }

    private Properties properties() {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        StringBuilder advertised = new StringBuilder("PLAINTEXT://127.0.0.1:" + brokerPort);
        StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        for (Listener listener : listeners) {
            advertised.append(',').append(listener.name()).append("://").append(listener.bootstrapServers());
            protocols.append(',').append(listener.name()).append(':').append(listener.securityProtocol());
        }
        props.put("listeners", advertised + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", advertised.toString());
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", protocols.toString());
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // A single node can only hold one replica of each internal topic; without the transaction
        // settings exactly-once producers hang in initTransactions().
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "8");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "8");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created deliberately (and awaited) by whoever needs them; an auto-created topic
        // is exactly the race that loses the first records (KAFKA-15591).
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("log.cleaner.backoff.ms", "1000");
        props.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(props);
        return properties;
    }

    private void format(KafkaConfig config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not become ready within "
                + timeout.toSeconds() + " s", last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka broker on {} stopped", bootstrapServers());
        }
    }
}
