package dev.newsroom.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryUnavailableException;
import dev.newsroom.schemas.serde.AvroSerde;
import dev.newsroom.schemas.topic.TopicProvisioner;
import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** With the registry gone, a producer keeps retrying instead of dropping the record, and recovers when it is back. */
@WithKafkaStack
class RegistryOutageIT {

    @Test
    void aProducerWaitsForTheRegistryAndDeliversOnceItIsBack(KafkaStack stack) throws Exception {
        String topic = KafkaStack.uniqueName("outage");
        provision(stack, topic);
        SchemaRegistryClient registry = new SchemaRegistryClient(Map.of(
                "schema.registry.url", stack.schemaRegistryUrl(),
                "schema.registry.retry.max.ms", 120_000,
                "schema.registry.request.timeout.ms", 2_000));
        AvroSerde<Article> articles = AvroSerde.specific(Article.class, registry,
                Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);

        CompletableFuture<RecordMetadata> sent;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
                Serdes.String().serializer(), articles.serializer())) {
            try (KafkaStack.Outage outage = stack.registryOutage()) {
                sent = CompletableFuture.supplyAsync(() -> {
                    try {
                        return producer.send(new ProducerRecord<>(topic, "during-outage", SampleRecords.article())).get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(3_000);
                assertThat(sent).as("still waiting for the registry, not failed").isNotDone();
            }
            assertThat(sent.get(60, TimeUnit.SECONDS).offset()).isZero();
        }

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("outage-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Serdes.String().deserializer(), articles.deserializer())) {
            consumer.subscribe(List.of(topic));
            List<Article> received = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
            }
            assertThat(received).containsExactly(SampleRecords.article());
        }
    }

    @Test
    void whenTheRetryBudgetRunsOutTheErrorNamesTheRegistryAndTheSubject(KafkaStack stack) {
        String topic = KafkaStack.uniqueName("outage-budget");
        SchemaRegistryClient registry = new SchemaRegistryClient(Map.of(
                "schema.registry.url", stack.schemaRegistryUrl(),
                "schema.registry.retry.max.ms", 1_500,
                "schema.registry.request.timeout.ms", 500));
        AvroSerde<Article> articles = AvroSerde.specific(Article.class, registry,
                Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);

        try (KafkaStack.Outage outage = stack.registryOutage()) {
            assertThatThrownBy(() -> articles.serializer().serialize(topic, SampleRecords.article()))
                    .isInstanceOf(SchemaRegistryUnavailableException.class)
                    .hasMessageContaining(stack.schemaRegistryUrl())
                    .hasMessageContaining(topic + "-value");
        }
    }

    private static void provision(KafkaStack stack, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(new TopicSpec(topic, 1, (short) 1,
                    Map.of())));
        }
    }
}
