package dev.newsroom.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer.Request;
import dev.newsroom.schemas.registry.SchemaNotFoundException;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    static final Schema V1 = SchemaBuilder.record("TestArticle").namespace("dev.newsroom.schemas.serde").fields()
            .requiredString("id").requiredString("headline").endRecord();

    private static final String TOPIC = "newsroom.articles.v1";

    private final InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void writesMagicByteSchemaIdAndPlainAvroBinary() throws IOException {
        AvroSerializer<GenericRecord> serializer = serializer(Map.of(), false);
        GenericRecord record = v1("a-1", "Storm hits coast");

        byte[] payload = serializer.serialize(TOPIC, record);

        int id = new SchemaRegistryClient(registry.url()).idOf(TOPIC + "-value", V1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        new GenericDatumWriter<GenericRecord>(V1).write(record, EncoderFactory.get().directBinaryEncoder(expected, null));
        assertThat(payload).containsExactly(expected.toByteArray());
        GenericRecord decoded = new GenericDatumReader<GenericRecord>(V1).read(null,
                DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(payload, 5, payload.length), null));
        assertThat(decoded).isEqualTo(record);
    }

    @Test
    void writesGeneratedClassesWithTheirOwnSchema() {
        AvroSerializer<TestArticle> serializer = serializer(Map.of(), false);

        byte[] payload = serializer.serialize(TOPIC, new TestArticle("a-1", "Storm", 120));

        int id = ConfluentWireFormat.schemaId(TOPIC, payload);
        assertThat(new SchemaRegistryClient(registry.url()).byId(id)).isEqualTo(TestArticle.SCHEMA$);
    }

    @Test
    void registersOnceAndThenServesFromCache() {
        AvroSerializer<GenericRecord> serializer = serializer(Map.of(), false);

        byte[] first = serializer.serialize(TOPIC, v1("a-1", "one"));
        byte[] second = serializer.serialize(TOPIC, v1("a-2", "two"));

        assertThat(Arrays.copyOf(second, 5)).containsExactly(Arrays.copyOf(first, 5));
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void keysUseTheKeySubject() {
        AvroSerializer<GenericRecord> serializer = serializer(Map.of(), true);

        serializer.serialize(TOPIC, v1("a-1", "one"));

        assertThat(new SchemaRegistryClient(registry.url()).subjects()).containsExactly(TOPIC + "-key");
    }

    @Test
    void withoutAutoRegisterTheSchemaMustAlreadyBeRegistered() {
        AvroSerializer<GenericRecord> serializer = serializer(
                Map.of(SchemaRegistryConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, v1("a-1", "one")))
                .isInstanceOf(SchemaNotFoundException.class);
        int id = registry.registerDirectly(TOPIC + "-value", V1);

        assertThat(ConfluentWireFormat.schemaId(TOPIC, serializer.serialize(TOPIC, v1("a-1", "one")))).isEqualTo(id);
        assertThat(registry.requests()).extracting(Request::path).noneMatch(p -> p.endsWith("/versions"));
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaProjectingByName() {
        registry.registerDirectly(TOPIC + "-value", V1);
        int latestId = registry.registerDirectly(TOPIC + "-value", TestArticle.SCHEMA$);
        AvroSerializer<GenericRecord> serializer = serializer(Map.of(SchemaRegistryConfig.USE_LATEST_VERSION, "true"), false);

        byte[] payload = serializer.serialize(TOPIC, v1("a-1", "Storm"));

        assertThat(ConfluentWireFormat.schemaId(TOPIC, payload)).isEqualTo(latestId);
        GenericRecord written = genericDeserializer().deserialize(TOPIC, payload);
        assertThat(written.getSchema()).isEqualTo(TestArticle.SCHEMA$);
        assertThat(written.get("id")).hasToString("a-1");
        assertThat(written.get("headline")).hasToString("Storm");
        assertThat(written.get("wordCount")).isEqualTo(0);
    }

    @Test
    void useLatestVersionReordersFieldsByNameForGeneratedClasses() {
        Schema reordered = SchemaBuilder.record("TestArticle").namespace("dev.newsroom.schemas.serde").fields()
                .requiredInt("wordCount").requiredString("headline").requiredString("id").endRecord();
        int latestId = registry.registerDirectly(TOPIC + "-value", reordered);
        AvroSerializer<TestArticle> serializer = serializer(Map.of(SchemaRegistryConfig.USE_LATEST_VERSION, "true"), false);

        byte[] payload = serializer.serialize(TOPIC, new TestArticle("a-1", "Storm", 120));

        assertThat(ConfluentWireFormat.schemaId(TOPIC, payload)).isEqualTo(latestId);
        GenericRecord written = genericDeserializer().deserialize(TOPIC, payload);
        assertThat(written.get("wordCount")).isEqualTo(120);
        assertThat(written.get("id")).hasToString("a-1");
    }

    @Test
    void useLatestVersionFailsWhenTheLatestSchemaCannotTakeTheRecord() {
        Schema needsBody = SchemaBuilder.record("TestArticle").namespace("dev.newsroom.schemas.serde").fields()
                .requiredString("id").requiredString("body").endRecord();
        registry.registerDirectly(TOPIC + "-value", needsBody);
        AvroSerializer<GenericRecord> serializer = serializer(Map.of(SchemaRegistryConfig.USE_LATEST_VERSION, "true"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, v1("a-1", "Storm")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining("body");
    }

    @Test
    void nullIsATombstone() {
        assertThat(serializer(Map.of(), false).serialize(TOPIC, null)).isNull();
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void recordsThatDoNotFitTheirSchemaAreSerializationErrors() {
        GenericRecord missingHeadline = new GenericData.Record(V1);
        missingHeadline.put("id", "a-1");

        assertThatThrownBy(() -> serializer(Map.of(), false).serialize(TOPIC, missingHeadline))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("TestArticle")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void nonAvroValuesAreRejected() {
        AvroSerializer<Object> serializer = serializer(Map.of(), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, "plain string"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.String");
    }

    static GenericRecord v1(String id, String headline) {
        GenericRecord record = new GenericData.Record(V1);
        record.put("id", id);
        record.put("headline", headline);
        return record;
    }

    private <T> AvroSerializer<T> serializer(Map<String, String> extra, boolean isKey) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url());
        AvroSerializer<T> serializer = new AvroSerializer<>();
        serializer.configure(configs, isKey);
        return serializer;
    }

    private AvroDeserializer<GenericRecord> genericDeserializer() {
        AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        return deserializer;
    }
}
