package dev.newsroom.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.evolution.SchemaHistory.Version;
import dev.newsroom.schemas.registry.IncompatibleSchemaException;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicId;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real registry, under BACKWARD compatibility, accepts every published version in order, then the current. */
@WithKafkaStack
class SchemaRegistrationIT {

    @ParameterizedTest
    @EnumSource(TopicId.class)
    void everyPublishedVersionThenTheCurrentSchemaRegisters(TopicId topic, KafkaStack stack) {
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        String subject = KafkaStack.uniqueName(topic.defaultName()) + "-value";
        List<Integer> ids = new ArrayList<>();

        for (Version version : SchemaHistory.versions(topic)) {
            ids.add(registry.register(subject, version.schema()));
        }
        int currentId = registry.register(subject, SchemaHistory.current(topic));

        assertThat(registry.compatibility(subject)).isEqualTo("BACKWARD");
        assertThat(registry.versions(subject)).hasSize(SchemaHistory.versions(topic).size());
        assertThat(currentId).isEqualTo(ids.get(ids.size() - 1));
        assertThat(registry.byId(currentId)).isEqualTo(SchemaHistory.current(topic));
    }

    @Test
    void theRegistryRefusesABackwardIncompatibleChange(KafkaStack stack) {
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        String subject = KafkaStack.uniqueName("articles") + "-value";
        registry.register(subject, Article.getClassSchema());
        String json = Article.getClassSchema().toString();
        int lastBracket = json.lastIndexOf(']');
        Schema breaking = new Schema.Parser().parse(json.substring(0, lastBracket)
                + ",{\"name\": \"kicker\", \"type\": \"string\"}" + json.substring(lastBracket));

        assertThat(registry.testCompatibility(subject, breaking)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining(subject);
    }
}
