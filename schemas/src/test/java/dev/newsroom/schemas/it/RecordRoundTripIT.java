package dev.newsroom.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every contract type goes through a real topic in the Confluent wire format and comes back equal. */
@WithKafkaStack
class RecordRoundTripIT {

    @ParameterizedTest
    @EnumSource(TopicId.class)
    void everyRecordTypeRoundTripsThroughARealTopicAndTheRealRegistry(TopicId id, KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("rt");
        Map<String, Object> config = Map.of(
                "schema.registry.url", stack.schemaRegistryUrl(),
                id.configKey(), prefix + "." + id.defaultName());
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        TopicCatalogue topics = TopicCatalogue.of(config, registry);
        Topic<String, SpecificRecord> topic = topicFor(topics, id);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(
                    topics.specs(1, (short) 1).stream().filter(s -> s.name().equals(topic.name())).toList());
        }
        SpecificRecord sent = SampleRecords.of(id);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), SampleRecords.ARTICLE_ID, sent)).get();
        }
        List<ConsumerRecord<String, SpecificRecord>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, prefix,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        assertThat(received.get(0).key()).isEqualTo(SampleRecords.ARTICLE_ID);
        assertThat(received.get(0).value()).isEqualTo(sent).isInstanceOf(id.valueType());
        assertThat(registry.subjects()).contains(topic.name() + "-value");
    }

    @SuppressWarnings("unchecked")
    private static Topic<String, SpecificRecord> topicFor(TopicCatalogue topics, TopicId id) {
        Object topic = switch (id) {
            case RAW -> topics.raw();
            case ARTICLES -> topics.articles();
            case INGEST_OUTCOMES -> topics.ingestOutcomes();
            case ENRICHED -> topics.enriched();
            case MODERATION_COMMANDS -> topics.moderationCommands();
            case PUBLISHED -> topics.published();
            case MODERATION_EVENTS -> topics.moderationEvents();
            case DELIVERIES -> topics.deliveries();
            case PUBLISH_REDRIVE -> topics.publishRedrive();
            case DEADLETTER -> topics.deadLetters();
            case REDRIVE_MARKERS -> topics.redriveMarkers();
            case CONSOLE_AUDIT -> topics.consoleAudit();
        };
        return (Topic<String, SpecificRecord>) topic;
    }
}
