package dev.newsroom.publish.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.config.Setting;
import dev.newsroom.platform.deadletter.FailureKind;
import dev.newsroom.platform.streams.ServiceContext;
import dev.newsroom.publish.outlet.OutletConfigurationException;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishApplicationTest {

    @TempDir
    Path dir;

    private ServiceContext context(Map<String, String> settings) {
        ServiceConfig config = ServiceConfig.of(settings);
        return new ServiceContext(config, TopicCatalogue.of(settings, new SchemaRegistryClient("http://127.0.0.1:9")),
                new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @Test
    void aBadOutletStopsTheServiceAtStartNamingTheOutletAndTheField() throws Exception {
        Path outlets = Files.writeString(dir.resolve("outlets.yaml"),
                "outlets:\n  - {name: site-ar, kind: webhook, url: 'ftp://akhbar.example/hook'}\n");
        ServiceContext context = context(Map.of(PublishSettings.OUTLETS_FILE.key(), outlets.toString(),
                "schema.registry.url", "http://127.0.0.1:9"));

        assertThatThrownBy(() -> new PublishApplication(Map.of("NEWSROOM_OUTLET_SITE_AR_SECRET",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).topology(context))
                .isInstanceOfSatisfying(OutletConfigurationException.class, e -> {
                    assertThat(e.outlet()).isEqualTo("site-ar");
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(FailureKind.of(e)).as("the platform stops the service").isEqualTo(FailureKind.FATAL);
                });
    }

    @Test
    void theTopologyHasASinkPerKafkaOutletAndTheStoresItNeeds() throws Exception {
        try (InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start()) {
            Path outlets = Files.writeString(dir.resolve("outlets.yaml"),
                    "outlets:\n  - {name: wire, kind: kafka, topic: outlet.wire}\n");
            ServiceContext context = context(Map.of(PublishSettings.OUTLETS_FILE.key(), outlets.toString(),
                    "schema.registry.url", registry.url()));

            TopologyDescription description = new PublishApplication(Map.of()).topology(context).describe();

            assertThat(description.toString()).contains("outlet.wire").contains("publish-articles")
                    .contains("publish-embargoes").contains("newsroom.published.v1");
        }
    }

    @Test
    void everySettingIsDeclaredSoTheEnvironmentCanSetItAndAnUnsetOneIsItsDefault() {
        PublishApplication application = new PublishApplication(Map.of());
        ServiceConfig config = application.configuration(null, Map.of(
                "NEWSROOM_PUBLISH_OUTLETS_FILE", "/etc/outlets.yaml",
                "NEWSROOM_PUBLISH_HTTP_PORT", "9094"), Map.of());

        assertThat(application.settings()).extracting(Setting::key)
                .contains(PublishSettings.OUTLETS_FILE.key(), PublishSettings.HTTP_PORT.key());
        assertThat(config.get(PublishSettings.OUTLETS_FILE)).isEqualTo(Path.of("/etc/outlets.yaml"));
        assertThat(config.get(PublishSettings.HTTP_PORT)).isEqualTo(9094);
        assertThat(config.get(PublishSettings.EMBARGO_CHECK_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(CommonSettings.managementPort(application.defaultManagementPort())))
                .isEqualTo(8093);
    }
}
