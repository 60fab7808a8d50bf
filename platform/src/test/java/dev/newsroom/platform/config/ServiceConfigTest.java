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
        List<Setting> settings = List.of(new Setting("newsroom.management.port", "8091", "port"),
                new Setting("schema.registry.url", "http://d", "registry"),
                new Setting("newsroom.ingest.max-payload-bytes", null, "limit"));
        Map<String, String> env = Map.of(
                "NEWSROOM_MANAGEMENT_PORT", "9100",
                "SCHEMA_REGISTRY_URL", "http://env-registry",
                "NEWSROOM_INGEST_MAX_PAYLOAD_BYTES", "7000000",
                "PATH", "/usr/bin");

        ServiceConfig config = ServiceConfig.load(settings, file, env, Map.of("bootstrap.servers", "override:9092"));

        assertThat(config.get("bootstrap.servers")).isEqualTo("override:9092");
        assertThat(config.getInt("newsroom.management.port", 0)).isEqualTo(9100);
        assertThat(config.get("schema.registry.url")).isEqualTo("http://env-registry");
        assertThat(config.getLong("newsroom.ingest.max-payload-bytes", 0)).isEqualTo(7_000_000);
        assertThat(config.asMap()).doesNotContainKey("path");
    }

    @Test
    void aDeclaredSettingCanBeSetFromTheEnvironmentWithoutAFile() {
        ServiceConfig config = ServiceConfig.load(List.of(new Setting("newsroom.management.port", "8091", "port"),
                new Setting("newsroom.poller.config", null, "file")), null,
                Map.of("NEWSROOM_MANAGEMENT_PORT", "9999", "NEWSROOM_POLLER_CONFIG", "/etc/feeds.properties"), Map.of());

        assertThat(config.getInt("newsroom.management.port", 0)).isEqualTo(9999);
        assertThat(config.get("newsroom.poller.config")).isEqualTo("/etc/feeds.properties");
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
        List<Setting> settings = List.of(new Setting(CommonSettings.TOPIC_PARTITIONS, "6", "partitions"));
        ServiceConfig config = ServiceConfig.load(settings, null, Map.of(
                "NEWSROOM_TOPIC_MODERATION_COMMANDS", "acme.commands",
                "NEWSROOM_TOPIC_PARTITIONS", "3"), Map.of());

        assertThat(config.get("newsroom.topic.moderation-commands")).isEqualTo("acme.commands");
        assertThat(config.getInt(CommonSettings.TOPIC_PARTITIONS, 0)).isEqualTo(3);
        assertThat(config.asMap()).doesNotContainKey("newsroom.topic.moderation_commands");
    }

    @Test
    void durationsInIsoOrWithAUnit() {
        ServiceConfig config = ServiceConfig.of(Map.of("a", "PT2M", "b", "30s", "c", "250ms", "d", "5m", "e", "2h"));

        assertThat(config.getDuration("a", null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.getDuration("b", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.getDuration("c", null)).isEqualTo(Duration.ofMillis(250));
        assertThat(config.getDuration("d", null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.getDuration("e", null)).isEqualTo(Duration.ofHours(2));
        assertThat(config.getDuration("missing", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        ServiceConfig config = ServiceConfig.of(Map.of("newsroom.management.port", "eighty", "x.enabled", "maybe",
                "x.timeout", "soon"));

        assertThatThrownBy(() -> config.getInt("newsroom.management.port", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Configuration newsroom.management.port must be a whole number, not 'eighty'");
        assertThatThrownBy(() -> config.getBoolean("x.enabled", false)).hasMessageContaining("x.enabled");
        assertThatThrownBy(() -> config.getDuration("x.timeout", null)).hasMessageContaining("'soon'");
        assertThatThrownBy(() -> config.require("bootstrap.servers"))
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
