package dev.newsroom.devstack;

import dev.newsroom.devstack.kafka.InProcessKafkaBroker;
import dev.newsroom.devstack.registry.ApicurioRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The stack on these machines: a real KRaft broker inside this JVM and a real Apicurio Registry child process,
 * both on 127.0.0.1. With a fixed data directory both keep their data between runs.
 */
public final class EmbeddedKafkaStack implements KafkaStack {

    private final InProcessKafkaBroker broker;
    private final ApicurioRegistry registry;

    private EmbeddedKafkaStack(InProcessKafkaBroker broker, ApicurioRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * @param dataDir      holds {@code kafka/} (log dir) and {@code registry/} (store and log)
     * @param kafkaPort    0 for a free port
     * @param registryPort 0 for a free port
     */
    public static EmbeddedKafkaStack start(Path dataDir, int kafkaPort, int registryPort) {
        return start(dataDir, kafkaPort, registryPort, Map.of());
    }

    public static EmbeddedKafkaStack start(Path dataDir, int kafkaPort, int registryPort,
                                           Map<String, String> brokerOverrides) {
        InProcessKafkaBroker broker = InProcessKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort, brokerOverrides);
        try {
            ApicurioRegistry registry = ApicurioRegistry.start(registryPort, dataDir.resolve("registry"), true);
            return new EmbeddedKafkaStack(broker, registry);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public InProcessKafkaBroker broker() {
        return broker;
    }

    public ApicurioRegistry registry() {
        return registry;
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    @Override
    public String description() {
        return "in-process Kafka " + kafkaVersion() + " (KRaft) at " + bootstrapServers()
                + " + Apicurio Registry " + registry.version() + " (child process) at " + schemaRegistryUrl();
    }

    /** The version the Kafka clients jar declares (the broker comes from the same release). */
    static String kafkaVersion() {
        try (InputStream in = EmbeddedKafkaStack.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public Outage registryOutage() {
        registry.stop();
        return registry::start;
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
