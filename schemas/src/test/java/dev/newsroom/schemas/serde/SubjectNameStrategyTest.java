package dev.newsroom.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectNameStrategyTest {

    private static final String TOPIC = "newsroom.articles.v1";
    private static final String RECORD = "dev.newsroom.schemas.serde.TestArticle";

    private final InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start();

    @AfterEach
    void stop() {
        registry.close();
    }

    @ParameterizedTest
    @CsvSource({
        "value.subject.name.strategy, false, topic, " + TOPIC + "-value",
        "value.subject.name.strategy, false, io.confluent.kafka.serializers.subject.TopicNameStrategy, "
                + TOPIC + "-value",
        "value.subject.name.strategy, false, record, " + RECORD,
        "value.subject.name.strategy, false, io.confluent.kafka.serializers.subject.RecordNameStrategy, " + RECORD,
        "value.subject.name.strategy, false, topic-record, " + TOPIC + "-" + RECORD,
        "value.subject.name.strategy, false, io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, "
                + TOPIC + "-" + RECORD,
        "key.subject.name.strategy, true, topic, " + TOPIC + "-key",
        "key.subject.name.strategy, true, record, " + RECORD,
        "key.subject.name.strategy, true, topic-record, " + TOPIC + "-" + RECORD,
    })
    void registersUnderTheSubjectTheStrategyNames(String key, boolean isKey, String strategy, String subject) {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(), key, strategy), isKey);

        byte[] payload = serializer.serialize(TOPIC, AvroSerializerTest.v1("a-1", "Storm"));

        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        assertThat(client.subjects()).containsExactly(subject);
        assertThat(ConfluentWireFormat.schemaId(TOPIC, payload)).isEqualTo(client.latest(subject).id());
    }

    @Test
    void theKeyStrategyDoesNotChangeTheValueSubject() {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SchemaRegistryConfig.KEY_SUBJECT_NAME_STRATEGY, "record"), false);

        serializer.serialize(TOPIC, AvroSerializerTest.v1("a-1", "Storm"));

        assertThat(new SchemaRegistryClient(registry.url()).subjects()).containsExactly(TOPIC + "-value");
    }

    @Test
    void anUnknownStrategyIsAConfigErrorListingTheAcceptedNames() {
        AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SchemaRegistryConfig.VALUE_SUBJECT_NAME_STRATEGY, "com.example.MyStrategy"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryConfig.VALUE_SUBJECT_NAME_STRATEGY)
                .hasMessageContaining("topic-record");
    }
}
