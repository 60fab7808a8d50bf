package dev.newsroom.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    private final SchemaRegistryClient registry = new SchemaRegistryClient("http://127.0.0.1:1");

    @Test
    void contractsAreRegisteredUnderTheSubjectsTheConfiguredStrategyNames() {
        try (InMemoryConfluentRegistryServer server = InMemoryConfluentRegistryServer.start()) {
            Map<String, String> config = Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, server.url(),
                    SchemaRegistryConfig.VALUE_SUBJECT_NAME_STRATEGY, "topic-record");
            TopicCatalogue topics = TopicCatalogue.of(config, new SchemaRegistryClient(config));

            Map<String, Integer> ids = topics.registerContracts();

            assertThat(ids).containsKey("newsroom.raw.v1-dev.newsroom.schemas.RawDocument")
                    .hasSize(TopicId.values().length);
            assertThat(topics.valueSubject(TopicId.RAW)).isEqualTo("newsroom.raw.v1-dev.newsroom.schemas.RawDocument");
        }
    }

    @Test
    void namesDefaultToTheDesignsAndAreRenamedPerRole() {
        TopicCatalogue topics = TopicCatalogue.of(Map.of(TopicId.RAW.configKey(), "acme.raw"), registry);

        assertThat(topics.name(TopicId.RAW)).isEqualTo("acme.raw");
        assertThat(topics.name(TopicId.ARTICLES)).isEqualTo("newsroom.articles.v1");
        assertThat(topics.name(TopicId.PUBLISH_REDRIVE)).isEqualTo("newsroom.publish.redrive.v1");
    }

    @Test
    void aPrefixRenamesEveryTopicTheRedriveTopicToo() {
        TopicCatalogue topics = TopicCatalogue.of(TopicCatalogue.prefixed("run7."), registry);

        for (TopicId id : TopicId.values()) {
            assertThat(topics.name(id)).isEqualTo("run7." + id.defaultName());
        }
        assertThat(topics.specs(3, (short) 1)).extracting(TopicProvisioner.TopicSpec::name)
                .contains("run7.newsroom.publish.redrive.v1").hasSize(TopicId.values().length);
    }

    @Test
    void anEmptyNameIsRefusedNamingTheSetting() {
        Map<String, String> config = new HashMap<>();
        config.put(TopicId.DEADLETTER.configKey(), " ");

        assertThatThrownBy(() -> TopicCatalogue.of(config, registry))
                .hasMessageContaining("newsroom.topic.deadletter");
    }
}
