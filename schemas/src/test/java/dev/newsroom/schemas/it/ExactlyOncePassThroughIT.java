package dev.newsroom.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.serde.AvroSerde;
import dev.newsroom.schemas.topic.TopicProvisioner;
import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kafka Streams hop with exactly_once_v2 on the real broker with the real registry: a read_committed reader
 * downstream sees each committed input record exactly once and nothing of an aborted transaction.
 */
@WithKafkaStack
class ExactlyOncePassThroughIT {

    @TempDir
    Path stateDir;

    static Topology bumpVersion(String in, String out, AvroSerde<Article> articles) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(in, Consumed.with(Serdes.String(), articles))
                .mapValues(article -> Article.newBuilder(article).setVersion(article.getVersion() + 1).build())
                .to(out, Produced.with(Serdes.String(), articles));
        return builder.build();
    }

    @Test
    void aReadCommittedConsumerSeesEachCommittedRecordOnceAndNoAbortedOne(KafkaStack stack) throws Exception {
        String in = KafkaStack.uniqueName("eos-in");
        String out = KafkaStack.uniqueName("eos-out");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(List.of(
                    new TopicSpec(in, 3, (short) 1, Map.of()), new TopicSpec(out, 3, (short) 1, Map.of())));
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(stack.schemaRegistryUrl());
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        AvroSerde<Article> articles = AvroSerde.specific(Article.class, registry, serdeConfig, false);

        produceTransactions(stack, in, articles);

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, KafkaStack.uniqueName("eos-app"));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams streams = new KafkaStreams(bumpVersion(in, out, articles), props);
        List<ConsumerRecord<String, Article>> seen = new ArrayList<>();
        try {
            streams.start();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("reader"),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    Serdes.String().deserializer(), articles.deserializer())) {
                consumer.subscribe(List.of(out));
                long deadline = System.currentTimeMillis() + 60_000;
                long quietUntil = Long.MAX_VALUE;
                while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
                    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                    if (seen.size() >= 60 && quietUntil == Long.MAX_VALUE) {
                        quietUntil = System.currentTimeMillis() + 2_000;
                    }
                }
            }
        } finally {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }

        assertThat(seen).extracting(ConsumerRecord::key)
                .hasSize(60)
                .doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith("committed-"));
        assertThat(seen).extracting(r -> r.value().getVersion()).containsOnly(2);
        assertThat(countAll(stack, in)).as("the aborted records are in the input log, just not committed")
                .isEqualTo(90);
    }

    private static void produceTransactions(KafkaStack stack, String topic, AvroSerde<Article> articles) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaStack.uniqueName("tx"));
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), articles.serializer())) {
            producer.initTransactions();
            for (int tx = 0; tx < 3; tx++) {
                producer.beginTransaction();
                for (int i = 0; i < 20; i++) {
                    producer.send(record(topic, "committed-" + tx + "-" + i));
                }
                producer.commitTransaction();
            }
            producer.beginTransaction();
            for (int i = 0; i < 30; i++) {
                producer.send(record(topic, "aborted-" + i));
            }
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static ProducerRecord<String, Article> record(String topic, String key) {
        return new ProducerRecord<>(topic, key, Article.newBuilder(SampleRecords.article()).setId(key).build());
    }

    private static int countAll(KafkaStack stack, String topic) {
        int count = 0;
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("count"),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 10_000;
            while (count < 90 && System.currentTimeMillis() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return count;
    }
}
