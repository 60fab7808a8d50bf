package dev.newsroom.ingest.poller;

import static dev.newsroom.ingest.poller.FeedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The poller end to end: a feed on a loopback server becomes one RawDocument on a real raw topic. */
@WithKafkaStack
class FeedPollerIT {

    private static final String ETAG = "\"feed-ar-1\"";
    private static final String LAST_MODIFIED = "Sun, 14 Dec 2025 09:10:00 GMT";

    @Test
    void aPolledFeedLandsOnTheRawTopicOnceAndStaysThereWhileUnchanged(KafkaStack stack) throws Exception {
        byte[] rss = Files.readAllBytes(Path.of("..", "samples", "feed-ar.rss"));
        String topicName = KafkaStack.uniqueName("raw");
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl(),
                "newsroom.topic.raw", topicName);
        TopicCatalogue topics = TopicCatalogue.of(kafka, new SchemaRegistryClient(stack.schemaRegistryUrl()));
        Topic<String, RawDocument> raw = topics.raw();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(topics.specs(1, (short) 1).stream()
                    .filter(spec -> spec.name().equals(topicName))
                    .toList());
        }
        Instant before = Instant.now();

        try (FeedServer server = new FeedServer()) {
            server.on("/feed/", exchange -> {
                if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    respond(exchange, 304, Map.of("ETag", ETAG), new byte[0]);
                } else {
                    respond(exchange, 200, Map.of(
                            "Content-Type", "application/rss+xml; charset=UTF-8",
                            "ETag", ETAG,
                            "Last-Modified", LAST_MODIFIED,
                            "Content-Language", "ar"), rss);
                }
            });
            PollerConfig config = PollerConfig.from(Map.of(
                    "poller.feeds.feed-ar.url", server.uri("/feed/").toString(),
                    "poller.feeds.feed-ar.allow-private", "true",
                    "poller.feeds.feed-ar.fetch-full-text", "never",
                    "poller.feeds.feed-ar.interval", "200ms"));
            try (KafkaRawDocumentSink sink = KafkaRawDocumentSink.create(kafka);
                    FeedPoller poller = new FeedPoller(config, sink)) {
                poller.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> poller.stats().feed("feed-ar").notModified() >= 2);
                assertThat(poller.stats().feed("feed-ar").documents()).isEqualTo(1);
                assertThat(sink.topic()).isEqualTo(topicName);
            }
            List<ConsumerRecord<String, RawDocument>> records = readAll(stack, raw);

            assertThat(records).singleElement().satisfies(record -> {
                RawDocument document = record.value();
                assertThat(record.key()).isEqualTo(document.getDocumentId())
                        .matches("poller:feed-ar:[0-9a-f]{16}");
                assertThat(document.getSource()).isEqualTo("poller:feed-ar");
                assertThat(document.getContentType()).isEqualTo("application/rss+xml; charset=UTF-8");
                assertThat(document.getCharset()).isEqualTo("UTF-8");
                assertThat(document.getUri()).isEqualTo(server.uri("/feed/").toString());
                assertThat(document.getReceivedAt()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS))
                        .isBeforeOrEqualTo(Instant.now());
                assertThat(document.getPayload()).isEqualTo(ByteBuffer.wrap(rss));
                assertThat(document.getHeaders()).containsOnly(
                        Map.entry("content-type", "application/rss+xml; charset=UTF-8"),
                        Map.entry("etag", ETAG),
                        Map.entry("last-modified", LAST_MODIFIED),
                        Map.entry("content-language", "ar"));
            });
        }
    }

    private static List<ConsumerRecord<String, RawDocument>> readAll(KafkaStack stack, Topic<String, RawDocument> raw) {
        List<ConsumerRecord<String, RawDocument>> records = new ArrayList<>();
        try (KafkaConsumer<String, RawDocument> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("poller-it"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                raw.keySerde().deserializer(), raw.valueSerde().deserializer())) {
            TopicPartition partition = new TopicPartition(raw.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return consumer.position(partition) >= end;
            });
        }
        return records;
    }
}
