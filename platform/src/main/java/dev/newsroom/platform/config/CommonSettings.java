package dev.newsroom.platform.config;

import dev.newsroom.schemas.topic.TopicId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Settings every service understands. */
public final class CommonSettings {

    public static final String MANAGEMENT_PORT = "newsroom.management.port";
    public static final String MANAGEMENT_HOST = "newsroom.management.host";
    public static final String STATE_DIR = "newsroom.state.dir";
    public static final String REPLICATION_FACTOR = "newsroom.replication.factor";
    public static final String CREATE_TOPICS = "newsroom.topics.create";
    public static final String TOPIC_PARTITIONS = "newsroom.topic.partitions";

    public static final List<Setting> ALL = List.of(
            new Setting(ServiceConfig.BOOTSTRAP_SERVERS, null,
                    "Kafka bootstrap servers (also KAFKA_BOOTSTRAP_SERVERS)."),
            new Setting(ServiceConfig.SCHEMA_REGISTRY_URL, null,
                    "Confluent-compatible schema registry URL(s), comma-separated (also SCHEMA_REGISTRY_URL)."),
            new Setting("application.id", "newsroom-<service>", "Kafka Streams application id = consumer group."),
            new Setting("processing.guarantee", "exactly_once_v2", "Or at_least_once, where latency matters more."),
            new Setting("commit.interval.ms", "100", "How often a Streams task commits (transaction length under EOS)."),
            new Setting("num.stream.threads", "1", "Stream threads per instance; scale out by adding instances."),
            new Setting(STATE_DIR, "<tmp>/newsroom-streams", "Where Kafka Streams keeps its state stores."),
            new Setting(REPLICATION_FACTOR, "1", "Replication factor of topics the service creates (internal ones too)."),
            new Setting(CREATE_TOPICS, "true", "Create the pipeline's missing topics at start."),
            new Setting(TOPIC_PARTITIONS, "6", "Partitions of topics created at start."),
            new Setting("newsroom.topic.<role>", "newsroom.<role>.v1",
                    "Topic name overrides, one per role: " + Arrays.stream(TopicId.values())
                            .map(TopicId::role)
                            .collect(Collectors.joining(", ")) + "."),
            new Setting(MANAGEMENT_HOST, "127.0.0.1", "Address of /health, /ready and /metrics (0.0.0.0 in containers)."),
            new Setting(MANAGEMENT_PORT, "8091 ingest, 8092 enrich, 8093 publish", "Port of /health, /ready, /metrics."),
            new Setting("basic.auth.user.info", null, "user:password for the registry (HTTP Basic)."),
            new Setting("auto.register.schemas", "true", "Register schemas on first write; false to require them."),
            new Setting("schema.registry.retry.max.ms", "60000", "How long to retry an unreachable registry."),
            new Setting("kafka.<client setting>", null,
                    "Any Kafka client setting, e.g. kafka.security.protocol=SASL_SSL (NEWSROOM_KAFKA_SECURITY_PROTOCOL)."),
            new Setting("NEWSROOM_LOG_FORMAT (environment only)", "text", "Log lines as text or json."));

    private CommonSettings() {
    }
}
