package dev.newsroom.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {

    @TempDir
    Path dir;

    @Test
    void laterLayersWinDefaultsThenFileThenEnvironmentThenOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("ingest.properties"), """
                bootstrap.servers=file:9092
                newsroom.management.port=9000
                newsroom.ingest.max-payload-bytes=5000000
                """);
        Setting<Integer> port = Setting.wholeNumber("newsroom.management.port", 8091, "port");
        Setting<Long> limit = Setting.longNumber("newsroom.ingest.max-payload-bytes", null, "limit");
        List<Setting<?>> settings = List.of(port, Setting.text("schema.registry.url", "http://d", "registry"), limit);
        Map<String, String> env = Map.of(
                "NEWSROOM_MANAGEMENT_PORT", "9100",
                "SCHEMA_REGISTRY_URL", "http://env-registry",
                "NEWSROOM_INGEST_MAX_PAYLOAD_BYTES", "7000000",
                "PATH", "/usr/bin");

        ServiceConfig config = ServiceConfig.load(settings, file, env, Map.of("bootstrap.servers", "override:9092"));

        assertThat(config.get("bootstrap.servers")).isEqualTo("override:9092");
        assertThat(config.get(port)).isEqualTo(9100);
        assertThat(config.get("schema.registry.url")).isEqualTo("http://env-registry");
        assertThat(config.get(limit)).isEqualTo(7_000_000L);
        assertThat(config.asMap()).doesNotContainKey("path");
    }

    @Test
    void aDeclaredSettingCanBeSetFromTheEnvironmentWithoutAFile() {
        Setting<Integer> port = Setting.wholeNumber("newsroom.management.port", 8091, "port");
        Setting<Path> poller = Setting.path("newsroom.poller.config", null, "file");
        ServiceConfig config = ServiceConfig.load(List.of(port, poller), null,
                Map.of("NEWSROOM_MANAGEMENT_PORT", "9999", "NEWSROOM_POLLER_CONFIG", "/etc/feeds.properties"), Map.of());

        assertThat(config.get(port)).isEqualTo(9999);
        assertThat(config.get(poller)).isEqualTo(Path.of("/etc/feeds.properties"));
    }

    @Test
    void anUnsetSettingIsItsOneDefaultAndTheDefaultIsNotCopiedIntoTheConfiguration() {
        Setting<Duration> interval = Setting.duration("x.interval", Duration.ofSeconds(90), "interval");
        ServiceConfig config = ServiceConfig.load(List.of(interval), null, Map.of(), Map.of());

        assertThat(config.get(interval)).isEqualTo(Duration.ofSeconds(90));
        assertThat(interval.defaultText()).isEqualTo("1m30s");
        assertThat(config.asMap()).doesNotContainKey("x.interval");
        assertThat(config.get(CommonSettings.MANAGEMENT_PORT)).isNull();
        assertThat(config.get(CommonSettings.MANAGEMENT_PORT.withDefault(8092))).isEqualTo(8092);
    }

    @Test
    void aKafkaClientPropertiesFileReachesThePlainClientsAsItIsWithPrefixedSettingsWinning() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                bootstrap.servers=broker:9093
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                ssl.truststore.location=/etc/kafka/truststore.p12
                kafka.sasl.mechanism=PLAIN
                schema.registry.url=https://registry:8081
                schema.registry.ssl.truststore.location=/etc/registry/truststore.p12
                newsroom.topic.partitions=3
                group.id=not-for-every-client
                """);

        Map<String, Object> clients = ServiceConfig.load(List.of(), file, Map.of(), Map.of()).kafkaClients();

        assertThat(clients).containsOnly(Map.entry("bootstrap.servers", "broker:9093"),
                Map.entry("security.protocol", "SASL_SSL"), Map.entry("sasl.mechanism", "PLAIN"),
                Map.entry("ssl.truststore.location", "/etc/kafka/truststore.p12"));
    }

    @Test
    void kafkaClientSettingsPassThroughFromTheEnvironment() {
        ServiceConfig config = ServiceConfig.load(List.of(), null,
                Map.of("NEWSROOM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_BOOTSTRAP_SERVERS", "k:9093"), Map.of());

        assertThat(config.withPrefix("kafka.")).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.get("bootstrap.servers")).isEqualTo("k:9093");
    }

    @Test
    void environmentVariableNamesFollowOneRule() {
        assertThat(ServiceConfig.environmentVariable("newsroom.topic.moderation-commands"))
                .isEqualTo("NEWSROOM_TOPIC_MODERATION_COMMANDS");
        assertThat(ServiceConfig.environmentVariable("bootstrap.servers")).isEqualTo("NEWSROOM_BOOTSTRAP_SERVERS");
    }

    @Test
    void aTopicIsRenamedFromTheEnvironmentByItsRoleAndTheirSettingsStayTheirs() {
        ServiceConfig config = ServiceConfig.load(CommonSettings.forService("ingest", 8091), null, Map.of(
                "NEWSROOM_TOPIC_MODERATION_COMMANDS", "acme.commands",
                "NEWSROOM_TOPIC_PARTITIONS", "3"), Map.of());

        assertThat(config.get("newsroom.topic.moderation-commands")).isEqualTo("acme.commands");
        assertThat(config.get(CommonSettings.TOPIC_PARTITIONS)).isEqualTo(3);
        assertThat(config.asMap()).doesNotContainKey("newsroom.topic.moderation_commands");
    }

    @Test
    void durationsInIsoOrWithAUnit() {
        ServiceConfig config = ServiceConfig.of(Map.of("a", "PT2M", "b", "30s", "c", "250ms", "d", "5m", "e", "2h"));

        assertThat(config.get(duration("a"))).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.get(duration("b"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.get(duration("c"))).isEqualTo(Duration.ofMillis(250));
        assertThat(config.get(duration("d"))).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.get(duration("e"))).isEqualTo(Duration.ofHours(2));
        assertThat(config.get(duration("missing"))).isEqualTo(Duration.ofSeconds(1));
    }

    private static Setting<Duration> duration(String key) {
        return Setting.duration(key, Duration.ofSeconds(1), key);
    }

    @Test
    void aReplicationFactorIsTheClusterDefaultOrAtLeastOne() {
        assertThat(ServiceConfig.of(Map.of()).get(CommonSettings.REPLICATION_FACTOR)).isEqualTo(-1);
        assertThat(ServiceConfig.of(Map.of("newsroom.replication.factor", "3")).get(CommonSettings.REPLICATION_FACTOR))
                .isEqualTo(3);
        assertThatThrownBy(() -> ServiceConfig.of(Map.of("newsroom.replication.factor", "0"))
                .get(CommonSettings.REPLICATION_FACTOR))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Configuration newsroom.replication.factor must be -1 (the cluster's"
                        + " default.replication.factor) or at least 1, not '0'");
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        ServiceConfig config = ServiceConfig.of(Map.of("newsroom.management.port", "eighty", "x.enabled", "maybe",
                "x.timeout", "soon"));

        assertThatThrownBy(() -> config.get(CommonSettings.MANAGEMENT_PORT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Configuration newsroom.management.port must be a whole number, not 'eighty'");
        assertThatThrownBy(() -> config.get(Setting.flag("x.enabled", false, "on")))
                .hasMessage("Configuration x.enabled must be true or false, not 'maybe'");
        assertThatThrownBy(() -> config.get(duration("x.timeout"))).hasMessageContaining("'soon'");
        assertThatThrownBy(() -> config.require(CommonSettings.BOOTSTRAP_SERVERS))
                .hasMessageContaining("bootstrap.servers is required")
                .hasMessageContaining("NEWSROOM_BOOTSTRAP_SERVERS");
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> ServiceConfig.load(List.of(), missing, Map.of(), Map.of()))
                .hasMessageContaining("Cannot read configuration file " + missing);
    }
}
