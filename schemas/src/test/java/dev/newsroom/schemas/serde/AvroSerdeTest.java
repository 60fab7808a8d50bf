package dev.newsroom.schemas.serde;

import static dev.newsroom.schemas.serde.AvroSerializerTest.v1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = "newsroom.articles.v1";

    private final InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void serdesSharingAClientShareItsCache() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        Serde<TestArticle> values = AvroSerde.specific(TestArticle.class, client, Map.of(), false);
        Serde<GenericRecord> generic = AvroSerde.generic(client, Map.of(), false);

        byte[] payload = values.serializer().serialize(TOPIC, new TestArticle("a-1", "Storm", 3));
        GenericRecord asGeneric = generic.deserializer().deserialize(TOPIC, payload);
        TestArticle asSpecific = values.deserializer().deserialize(TOPIC, payload);

        assertThat(asGeneric.get("wordCount")).isEqualTo(3);
        assertThat(asSpecific.getHeadline()).isEqualTo("Storm");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void configuredLikeAnyKafkaSerde() {
        Serde<TestArticle> keys = AvroSerde.specific(TestArticle.class);
        Serde<GenericRecord> values = AvroSerde.generic();
        Map<String, String> configs = Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url());
        keys.configure(configs, true);
        values.configure(configs, false);

        TestArticle key = keys.deserializer().deserialize(TOPIC,
                keys.serializer().serialize(TOPIC, new TestArticle("k", "key", 1)));
        GenericRecord value = values.deserializer().deserialize(TOPIC,
                values.serializer().serialize(TOPIC, v1("a-1", "Storm")));

        assertThat(key.getId()).isEqualTo("k");
        assertThat(value.get("headline")).hasToString("Storm");
        assertThat(new SchemaRegistryClient(registry.url()).subjects())
                .containsExactlyInAnyOrder(TOPIC + "-key", TOPIC + "-value");
        assertThat(keys.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(values.serializer().serialize(TOPIC, null)).isNull();
    }
}
