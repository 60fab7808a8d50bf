package dev.newsroom.platform.config;

import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Settings every service understands. {@link #forService} gives them with the service's own application id and
 * management port as defaults.
 */
public final class CommonSettings {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.text(ServiceConfig.BOOTSTRAP_SERVERS, null,
            "Kafka bootstrap servers (also KAFKA_BOOTSTRAP_SERVERS); required.");
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.text(ServiceConfig.SCHEMA_REGISTRY_URL, null,
            "Confluent-compatible schema registry URL(s), comma-separated (also SCHEMA_REGISTRY_URL); required.");
    /** Its default is {@code newsroom-<service>}: see {@link #applicationId(String)}. */
    public static final Setting<String> APPLICATION_ID = Setting.text("application.id", null,
            "Kafka Streams application id = consumer group; newsroom-<service> unless set.");
    public static final Setting<String> PROCESSING_GUARANTEE = Setting.text("processing.guarantee", "exactly_once_v2",
            "Or at_least_once, where latency matters more.");
    public static final Setting<Long> COMMIT_INTERVAL_MS = Setting.longNumber("commit.interval.ms", 100L,
            "How often a Streams task commits (transaction length under exactly-once).");
    public static final Setting<Integer> STREAM_THREADS = Setting.wholeNumber("num.stream.threads", 1,
            "Stream threads per instance; scale out by adding instances.");
    public static final Setting<Path> STATE_DIR = Setting.path("newsroom.state.dir",
            Path.of(System.getProperty("java.io.tmpdir"), "newsroom-streams"),
            "Where Kafka Streams keeps its state stores.");
    public static final Setting<Integer> REPLICATION_FACTOR = Setting.wholeNumber("newsroom.replication.factor",
            (int) TopicProvisioner.TopicSpec.CLUSTER_DEFAULT_REPLICATION,
            "Replication factor of topics the service creates (internal ones too); -1, the cluster's"
                    + " default.replication.factor, unless set.",
            replicas -> replicas == -1 || replicas >= 1, "-1 (the cluster's default.replication.factor) or at least 1");
    public static final Setting<Boolean> CREATE_TOPICS = Setting.flag("newsroom.topics.create", true,
            "Create the pipeline's missing topics at start.");
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.wholeNumber("newsroom.topic.partitions", 6,
            "Partitions of topics created at start.");
    public static final Setting<String> MANAGEMENT_HOST = Setting.text("newsroom.management.host", "127.0.0.1",
            "Address of /health, /ready and /metrics (0.0.0.0 in containers).");
    /** Its default is the service's own port: see {@link #managementPort(int)}. */
    public static final Setting<Integer> MANAGEMENT_PORT = Setting.wholeNumber("newsroom.management.port", null,
            "Port of /health, /ready and /metrics; 8091 ingest, 8092 enrich, 8093 publish unless set.");
    public static final Setting<String> AUTO_OFFSET_RESET = Setting.text("kafka.auto.offset.reset", "earliest",
            "Where a new application starts reading its input; earliest, so nothing sent before its first start is"
                    + " missed.");

    /** The settings above as declared, before {@link #forService} gives the application id and port defaults. */
    public static final List<Setting<?>> BASE = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, APPLICATION_ID,
            PROCESSING_GUARANTEE, COMMIT_INTERVAL_MS, STREAM_THREADS, STATE_DIR, REPLICATION_FACTOR, CREATE_TOPICS,
            TOPIC_PARTITIONS, MANAGEMENT_HOST, MANAGEMENT_PORT, AUTO_OFFSET_RESET);

    private CommonSettings() {
    }

    /** The application id (consumer group) setting of a service, {@code newsroom-<service>} unless set. */
    public static Setting<String> applicationId(String service) {
        return APPLICATION_ID.withDefault("newsroom-" + service);
    }

    /** The management port setting of a service whose own port is {@code port}. */
    public static Setting<Integer> managementPort(int port) {
        return MANAGEMENT_PORT.withDefault(port);
    }

    /**
     * Every common setting of one service: the above with {@code newsroom-<service>} and its management port as
     * defaults, each topic's name (its default from {@link TopicId}), and the registry client's keys (their defaults
     * from {@link SchemaRegistryConfig}).
     */
    public static List<Setting<?>> forService(String service, int managementPort) {
        List<Setting<?>> settings = new ArrayList<>();
        for (Setting<?> setting : BASE) {
            if (setting == APPLICATION_ID) {
                settings.add(applicationId(service));
            } else if (setting == MANAGEMENT_PORT) {
                settings.add(managementPort(managementPort));
            } else {
                settings.add(setting);
            }
        }
        Arrays.stream(TopicId.values())
                .map(id -> Setting.text(id.configKey(), id.defaultName(), "Name of the " + id.role() + " topic."))
                .forEach(settings::add);
        ConfigDef registry = SchemaRegistryConfig.definition();
        registry.configKeys().values().stream()
                .filter(key -> !key.name.equals(ServiceConfig.SCHEMA_REGISTRY_URL))
                .map(key -> Setting.text(key.name, defaultText(key), "Registry client: " + key.documentation))
                .forEach(settings::add);
        return List.copyOf(settings);
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        return !key.hasDefault() || key.defaultValue == null ? null
                : ConfigDef.convertToString(key.defaultValue, key.type);
    }
}
