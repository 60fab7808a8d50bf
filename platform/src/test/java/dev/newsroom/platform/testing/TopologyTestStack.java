package dev.newsroom.platform.testing;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.StreamsSettings;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A service's topology under {@link TopologyTestDriver}, configured as the service configures itself
 * ({@link StreamsSettings}: dead-letter handlers, client settings) with its serdes talking to an in-memory
 * Confluent-compatible registry. Topics are made from the catalogue, so tests use the real names and serdes.
 */
public final class TopologyTestStack implements AutoCloseable {

    private final InMemoryConfluentRegistryServer registry;
    private final TopicCatalogue topics;
    private final TopologyTestDriver driver;

    private TopologyTestStack(InMemoryConfluentRegistryServer registry, TopicCatalogue topics, TopologyTestDriver driver) {
        this.registry = registry;
        this.topics = topics;
        this.driver = driver;
    }

    /**
     * @param stage    the service's stage, for its dead-letter handlers
     * @param stateDir where the driver keeps its state stores
     * @param topology the service's topology, built from the catalogue this stack provides
     */
    public static TopologyTestStack start(Stage stage, String applicationId, Path stateDir,
                                          Function<TopicCatalogue, Topology> topology) {
        return start(stage, applicationId, stateDir, Instant.EPOCH, topology);
    }

    /** The same, with the driver's wall clock starting at {@code start} (for punctuations). */
    public static TopologyTestStack start(Stage stage, String applicationId, Path stateDir, Instant start,
                                          Function<TopicCatalogue, Topology> topology) {
        InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start();
        try {
            ServiceConfig config = ServiceConfig.of(Map.of(
                    "schema.registry.url", registry.url(),
                    "bootstrap.servers", "unused:9092",
                    CommonSettings.STATE_DIR.key(), stateDir.toString()));
            TopicCatalogue topics = TopicCatalogue.of(config.asMap(), new SchemaRegistryClient(registry.url()));
            Properties props = new Properties();
            props.putAll(StreamsSettings.properties(config, applicationId, stage));
            // Under exactly-once the test driver drops the dead letters a deserialization handler returns (the
            // real-broker tests cover that path), so the driver runs at-least-once; it has no transactions anyway.
            props.remove(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
            TopologyTestDriver driver = new TopologyTestDriver(topology.apply(topics), props, start);
            return new TopologyTestStack(registry, topics, driver);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    public TopicCatalogue topics() {
        return topics;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    /** An input taking raw bytes, for records that are not what the topic's serde writes. */
    public TestInputTopic<String, byte[]> bytesInput(Topic<String, ?> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer());
    }

    public <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            registry.close();
        }
    }
}
