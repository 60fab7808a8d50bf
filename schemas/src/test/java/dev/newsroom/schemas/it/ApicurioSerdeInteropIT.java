package dev.newsroom.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.serde.AvroSerde;
import dev.newsroom.schemas.serde.ConfluentWireFormat;
import dev.newsroom.schemas.topic.TopicProvisioner;
import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with an independent implementation of the Confluent wire format: Apicurio's Kafka Avro serde,
 * configured for the Confluent layout (magic byte 0, 4-byte id, no headers). It talks to the registry through
 * Apicurio's own v3 API while we use the Confluent-compatible one, so both the bytes and the ids must agree.
 */
@WithKafkaStack
class ApicurioSerdeInteropIT {

    private static Map<String, Object> apicurioConfig(KafkaStack stack) {
        String base = stack.schemaRegistryUrl().replaceFirst("/apis/ccompat/v7$", "");
        return Map.of(
                "apicurio.registry.url", base + "/apis/registry/v3",
                "apicurio.registry.auto-register", true,
                "apicurio.registry.headers.enabled", false,
                "apicurio.registry.use-id", "contentId",
                "apicurio.registry.use-specific-avro-reader", true);
    }

    @Test
    void bytesWeWriteAreReadByApicuriosDeserializer(KafkaStack stack) throws Exception {
        String topic = provision(stack, "interop-ours");
        AvroSerde<Article> ours = ourSerde(stack);

        produce(stack, topic, ours.serializer());

        Deserializer<Object> theirs = new AvroKafkaDeserializer<>();
        theirs.configure(apicurioConfig(stack), false);
        List<ConsumerRecord<String, Object>> read = consume(stack, topic, theirs);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).value()).isEqualTo(SampleRecords.article());
    }

    @Test
    void bytesApicuriosSerializerWritesAreReadByOurs(KafkaStack stack) throws Exception {
        String topic = provision(stack, "interop-theirs");
        Serializer<Article> theirs = new AvroKafkaSerializer<>();
        theirs.configure(apicurioConfig(stack), false);

        produce(stack, topic, theirs);

        List<ConsumerRecord<String, byte[]>> raw = consume(stack, topic, Serdes.ByteArray().deserializer());
        assertThat(raw).hasSize(1);
        byte[] bytes = raw.get(0).value();
        assertThat(bytes[0]).as("Confluent magic byte").isEqualTo(ConfluentWireFormat.MAGIC_BYTE);
        AvroSerde<Article> ours = ourSerde(stack);
        assertThat(ours.deserializer().deserialize(topic, bytes)).isEqualTo(SampleRecords.article());
        assertThat(new SchemaRegistryClient(stack.schemaRegistryUrl()).byId(ConfluentWireFormat.schemaId(topic, bytes)))
                .isEqualTo(Article.getClassSchema());
    }

    private static AvroSerde<Article> ourSerde(KafkaStack stack) {
        return AvroSerde.specific(Article.class, new SchemaRegistryClient(stack.schemaRegistryUrl()),
                Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    }

    private static String provision(KafkaStack stack, String prefix) {
        String topic = KafkaStack.uniqueName(prefix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(new TopicSpec(topic, 1, (short) 1,
                    Map.of())));
        }
        return topic;
    }

    private static void produce(KafkaStack stack, String topic, Serializer<Article> serializer) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                Serdes.String().serializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, SampleRecords.ARTICLE_ID, SampleRecords.article())).get();
        }
    }

    private static <V> List<ConsumerRecord<String, V>> consume(KafkaStack stack, String topic, Deserializer<V> values) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("interop"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Serdes.String().deserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
