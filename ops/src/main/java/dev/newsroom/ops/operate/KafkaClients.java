package dev.newsroom.ops.operate;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients and topic catalogue of an operator command, from the shared connection options. Client
 * settings from the config file (SASL, TLS ...) pass through; our own and the registry's keys stay out of the
 * Kafka clients, which would only warn about them.
 */
public final class KafkaClients {

    private static final Set<String> REGISTRY_KEYS = Set.of("auto.register.schemas", "use.latest.version",
            "latest.cache.ttl.sec", "specific.avro.reader", "basic.auth.credentials.source", "basic.auth.user.info");

    private final ConnectionOptions connection;
    private final Map<String, Object> settings;

    private KafkaClients(ConnectionOptions connection) {
        this.connection = connection;
        this.settings = Map.copyOf(connection.settings());
    }

    /** Reaches out to Kafka only when the first client is made, so a command's usage errors come first. */
    public static KafkaClients of(ConnectionOptions connection) {
        return new KafkaClients(connection);
    }

    /** Everything the config file and options set, for serdes and for our own keys. */
    public Map<String, Object> settings() {
        return settings;
    }

    /** A setting of ours from the client config file, e.g. {@code newsroom.application-id-prefix}. */
    public String setting(String key) {
        Object value = settings.get(key);
        return value == null ? null : value.toString().trim();
    }

    public Map<String, Object> kafka() {
        Map<String, Object> kafka = new HashMap<>();
        connection.clientConfig().forEach((key, value) -> {
            if (!key.startsWith("newsroom.") && !key.startsWith("schema.registry.") && !REGISTRY_KEYS.contains(key)) {
                kafka.put(key, value);
            }
        });
        return kafka;
    }

    public Admin admin() {
        return Admin.create(kafka());
    }

    /**
     * A consumer that belongs to no group: it is assigned partitions and seeks, so it can neither join nor commit
     * to any group, and it sees only committed records.
     */
    public KafkaConsumer<byte[], byte[]> reader(String clientId) {
        Map<String, Object> config = readerConfig(clientId);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * A reader that names a group of the tool's own, so that a transactional producer can commit progress to that
     * group with its {@code groupMetadata()}. It is still only assigned partitions: it never joins the group, and
     * it commits nothing itself.
     */
    public KafkaConsumer<byte[], byte[]> reader(String clientId, String ownGroup) {
        Map<String, Object> config = readerConfig(clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, ownGroup);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> readerConfig(String clientId) {
        Map<String, Object> config = kafka();
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** An exactly-once producer; a new one with the same id fences the last and aborts its open transaction. */
    public KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
        Map<String, Object> config = kafka();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Raw documents and dead letters can be as large as those topics allow.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicId.LARGE_RECORD_BYTES + 64 * 1024);
        // A run killed mid-transaction holds back read_committed consumers of the target until the transaction
        // times out (or a --resume fences it), so keep that short.
        config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public SchemaRegistryClient registry() {
        return new SchemaRegistryClient(settings);
    }

    public TopicCatalogue catalogue() {
        return TopicCatalogue.of(settings, registry());
    }
}
