package dev.newsroom.schemas.serde;

import static dev.newsroom.schemas.serde.AvroSerializerTest.V1;
import static dev.newsroom.schemas.serde.AvroSerializerTest.v1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import dev.newsroom.schemas.registry.SchemaRegistryUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    private static final String TOPIC = "newsroom.articles.v1";

    private final InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void genericReaderReturnsRecordsInTheWriterSchema() {
        byte[] payload = serialize(v1("a-1", "Storm"));

        GenericRecord record = this.<GenericRecord>deserializer(null, Map.of()).deserialize(TOPIC, payload);

        assertThat(record.getSchema()).isEqualTo(V1);
        assertThat(record.get("headline")).hasToString("Storm");
    }

    @Test
    void specificClassRoundTrip() {
        byte[] payload = serialize(new TestArticle("a-1", "Storm", 120));

        TestArticle article = deserializer(TestArticle.class, Map.of()).deserialize(TOPIC, payload);

        assertThat(article.getId()).isEqualTo("a-1");
        assertThat(article.getHeadline()).isEqualTo("Storm");
        assertThat(article.getWordCount()).isEqualTo(120);
    }

    @Test
    void olderWriterSchemaIsResolvedIntoTheCurrentClass() {
        byte[] writtenWithV1 = serialize(v1("a-1", "Storm"));

        TestArticle article = deserializer(TestArticle.class, Map.of()).deserialize(TOPIC, writtenWithV1);

        assertThat(article.getHeadline()).isEqualTo("Storm");
        assertThat(article.getWordCount()).isZero();
    }

    @Test
    void newerWriterSchemaIsReadByAnOlderGenericReader() {
        Schema v3 = SchemaBuilder.record("TestArticle").namespace("dev.newsroom.schemas.serde").fields()
                .requiredString("id").requiredString("headline").name("wordCount").type().intType().intDefault(0)
                .name("byline").type().stringType().stringDefault("").endRecord();
        GenericRecord record = new GenericData.Record(v3);
        record.put("id", "a-1");
        record.put("headline", "Storm");
        record.put("wordCount", 5);
        record.put("byline", "Reporter");

        TestArticle article = deserializer(TestArticle.class, Map.of()).deserialize(TOPIC, serialize(record));

        assertThat(article.getWordCount()).isEqualTo(5);
        assertThat(article.getHeadline()).isEqualTo("Storm");
    }

    @Test
    void specificTypeCanComeFromConfiguration() {
        byte[] payload = serialize(v1("a-1", "Storm"));

        Object value = deserializer(null, Map.of(SchemaRegistryConfig.SPECIFIC_AVRO_VALUE_TYPE, TestArticle.class.getName()))
                .deserialize(TOPIC, payload);

        assertThat(value).isInstanceOf(TestArticle.class);
    }

    @Test
    void specificAvroReaderFindsTheClassByTheWriterSchemaName() {
        byte[] payload = serialize(v1("a-1", "Storm"));

        Object value = deserializer(null, Map.of(SchemaRegistryConfig.SPECIFIC_AVRO_READER, "true"))
                .deserialize(TOPIC, payload);

        assertThat(value).isInstanceOfSatisfying(TestArticle.class, a -> assertThat(a.getWordCount()).isZero());
    }

    @Test
    void nullIsATombstone() {
        assertThat(deserializer(TestArticle.class, Map.of()).deserialize(TOPIC, null)).isNull();
    }

    @Test
    void fetchesEachWriterSchemaOnce() {
        byte[] payload = serialize(v1("a-1", "Storm"));
        int before = registry.requests().size();
        AvroDeserializer<GenericRecord> deserializer = deserializer(null, Map.of());

        deserializer.deserialize(TOPIC, payload);
        deserializer.deserialize(TOPIC, payload);

        assertThat(registry.requests()).hasSize(before + 1);
    }

    @Test
    void wrongMagicByteIsAPoisonRecord() {
        byte[] json = "{\"id\":\"a-1\"}".getBytes();

        assertThatThrownBy(() -> deserializer(null, Map.of()).deserialize(TOPIC, json))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("Unknown magic byte 0x7b")
                .hasMessageContaining(TOPIC)
                .satisfies(e -> assertThat(AvroDeserializer.isPoisonRecord(e)).isTrue());
    }

    @Test
    void unknownSchemaIdIsAPoisonRecordNamingIdRegistryAndTopic() {
        byte[] payload = {0, 0, 0, 3, (byte) 0xe7, 2, 'x'};

        assertThatThrownBy(() -> deserializer(null, Map.of()).deserialize(TOPIC, payload))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
                    assertThat(e.schemaId()).isEqualTo(999);
                    assertThat(e.registryUrl()).isEqualTo(registry.url());
                    assertThat(e.topic()).isEqualTo(TOPIC);
                    assertThat(AvroDeserializer.isPoisonRecord(e)).isTrue();
                })
                .hasMessageContaining("schema id 999")
                .hasMessageContaining(registry.url())
                .hasMessageContaining("'" + TOPIC + "'");
    }

    @Test
    void truncatedBodyIsAPoisonRecord() {
        byte[] payload = serialize(v1("a-1", "Storm headline"));
        byte[] truncated = Arrays.copyOf(payload, payload.length - 4);

        assertThatThrownBy(() -> deserializer(null, Map.of()).deserialize(TOPIC, truncated))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("schema id " + ConfluentWireFormat.schemaId(TOPIC, payload))
                .satisfies(e -> assertThat(AvroDeserializer.isPoisonRecord(e)).isTrue());
    }

    @Test
    void writerSchemaThatCannotBeResolvedToTheClassIsAPoisonRecord() {
        Schema unrelated = SchemaBuilder.record("TestArticle").namespace("dev.newsroom.schemas.serde").fields()
                .requiredLong("id").endRecord();
        GenericRecord record = new GenericData.Record(unrelated);
        record.put("id", 7L);

        assertThatThrownBy(() -> deserializer(TestArticle.class, Map.of()).deserialize(TOPIC, serialize(record)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("dev.newsroom.schemas.serde.TestArticle");
    }

    @Test
    void registryOutageIsRetriableNotPoison() throws IOException {
        byte[] payload = serialize(v1("a-1", "Storm"));
        Map<String, Object> configs = new HashMap<>();
        configs.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + closedPort());
        configs.put(SchemaRegistryConfig.RETRY_MAX_MS, 100L);
        configs.put(SchemaRegistryConfig.RETRY_BACKOFF_MS, 10L);
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
        deserializer.configure(configs, false);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("fetching schema id " + ConfluentWireFormat.schemaId(TOPIC, payload))
                .satisfies(e -> assertThat(AvroDeserializer.isPoisonRecord(e)).isFalse());
    }

    @Test
    void classesThatAreNotGeneratedRecordsAreRejectedUpFront() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();

        assertThatThrownBy(() -> deserializer.configure(Map.of(
                SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(),
                SchemaRegistryConfig.SPECIFIC_AVRO_VALUE_TYPE, String.class.getName()), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("java.lang.String");
    }

    private byte[] serialize(Object record) {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        return serializer.serialize(TOPIC, record);
    }

    private <T> AvroDeserializer<T> deserializer(Class<T> cls, Map<String, String> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url());
        AvroDeserializer<T> deserializer = cls == null ? new AvroDeserializer<>() : new AvroDeserializer<>(cls);
        deserializer.configure(configs, false);
        return deserializer;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
