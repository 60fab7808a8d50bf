package dev.newsroom.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.CommittedRecords;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.platform.testing.TestServiceSettings;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.IngestOutcome;
import dev.newsroom.schemas.IngestOutcomeKind;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest service on the real broker and registry: every sample format becomes articles, every bad input
 * exactly one dead letter naming the problem, what rightly yields nothing an outcome saying why, and raw in =
 * articles out (by item) + dead letters + nothing-due outcomes.
 */
@WithKafkaStack
class IngestServiceIT {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path stateDir;

    @Test
    void everyDocumentEndsAsArticlesAsExactlyOneDeadLetterOrAsAnOutcomeSayingWhyNothingIsDue(KafkaStack stack)
            throws Exception {
        String prefix = KafkaStack.uniqueName("ingest");
        Map<String, String> settings = TestServiceSettings.forStack(stack, prefix, stateDir);
        TopicCatalogue topics = TopicCatalogue.of(settings, new SchemaRegistryClient(stack.schemaRegistryUrl()));

        Map<String, RawDocument> good = new LinkedHashMap<>();
        good.put("seed", document("seed", "text/plain; charset=utf-8", sample("000_5ae1655f0e8fde34.txt")));
        good.put("feed-ar", document("feed-ar", "application/rss+xml", sample("feed-ar.rss")));
        good.put("feed-en", document("feed-en", "application/atom+xml", sample("feed-en.atom")));
        good.put("feed-json", document("feed-json", "application/feed+json", sample("feed.json")));
        good.put("wire", document("wire", "application/json", sample("wire-ninjs.json")));
        good.put("mislabelled-charset", RawDocument.newBuilder(document("mislabelled-charset", "text/plain",
                        seedWithSource("cp1256-test", Charset.forName("windows-1256"))))
                .setCharset("utf-8").build());
        int expectedArticles = 1 + 3 + 2 + 1 + 1 + 1;

        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Map<String, RawDocument> bad = new LinkedHashMap<>();
        bad.put("malformed", document("malformed", "application/rss+xml",
                "<rss version=\"2.0\"><channel><item><title>Cut".getBytes(StandardCharsets.UTF_8)));
        bad.put("empty", document("empty", "text/plain", new byte[0]));
        bad.put("garbage", document("garbage", "application/octet-stream", garbage));
        bad.put("billion-laughs", document("billion-laughs", "application/xml", ("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<rss><channel><title>&lol2;</title></channel></rss>").getBytes(StandardCharsets.UTF_8)));
        bad.put("no-article", document("no-article", "text/html", ("<html><body><nav><a href=/>Home</a>"
                + "<a href=/news>News</a></nav><footer>© 2025</footer></body></html>").getBytes(StandardCharsets.UTF_8)));
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        bad.put("too-large", document("too-large", "text/plain", huge));

        Map<String, RawDocument> nothingDue = new LinkedHashMap<>();
        nothingDue.put("empty-feed", document("empty-feed", "application/atom+xml", ("<?xml version=\"1.0\"?>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title><id>tag:wire.example,2025:f</id>"
                + "<updated>2025-12-14T08:00:00Z</updated></feed>").getBytes(StandardCharsets.UTF_8)));
        nothingDue.put("feed-json", good.get("feed-json"));

        try (ServiceRunner runner = ServiceRunner.start(new IngestApplication(), ServiceConfig.of(settings))) {
            await().atMost(Duration.ofSeconds(60)).until(runner::isReady);
            Map<String, Object> producerConfig = new HashMap<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicId.LARGE_RECORD_BYTES));
            try (var producer = new KafkaProducer<>(producerConfig, topics.raw().keySerde().serializer(),
                    topics.raw().valueSerde().serializer())) {
                for (Map<String, RawDocument> batch : List.of(bad, good, nothingDue)) {
                    for (var entry : batch.entrySet()) {
                        producer.send(new ProducerRecord<>(topics.raw().name(), entry.getKey(), entry.getValue())).get();
                    }
                }
            }

            List<Article> articles = CommittedRecords.read(stack, topics.articles().name(),
                    topics.articles().valueSerde().deserializer(), expectedArticles);
            List<DeadLetter> deadLetters = CommittedRecords.read(stack, topics.deadLetters().name(),
                    topics.deadLetters().valueSerde().deserializer(), bad.size());
            List<IngestOutcome> outcomes = CommittedRecords.read(stack, topics.ingestOutcomes().name(),
                    topics.ingestOutcomes().valueSerde().deserializer(), nothingDue.size());

            assertThat(articles).hasSize(expectedArticles);
            assertThat(articles).extracting(a -> a.getLineage().getDocumentId())
                    .containsOnly(good.keySet().toArray(String[]::new));
            assertThat(articles).allSatisfy(a -> assertThat(a.getVersion()).isEqualTo(1));
            assertThat(deadLetters).hasSize(bad.size());
            assertThat(deadLetters).allSatisfy(letter -> {
                assertThat(letter.getStage()).isEqualTo(Stage.INGEST);
                assertThat(letter.getOriginalTopic()).isEqualTo(topics.raw().name());
                assertThat(letter.getOriginalValue().remaining()).isPositive();
            });
            Map<String, String> reasons = new HashMap<>();
            deadLetters.forEach(letter -> reasons.put(StandardCharsets.UTF_8.decode(letter.getOriginalKey()).toString(),
                    letter.getReason()));
            assertThat(reasons).containsOnlyKeys(bad.keySet());
            assertThat(reasons.get("too-large")).contains("too-large");
            assertThat(reasons.get("billion-laughs")).containsIgnoringCase("doctype");
            assertThat(reasons.get("empty")).containsIgnoringCase("empty");
            assertThat(reasons.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
            assertThat(outcomes).extracting(IngestOutcome::getDocumentId, IngestOutcome::getKind)
                    .containsExactlyInAnyOrder(tuple("empty-feed", IngestOutcomeKind.EMPTY_DOCUMENT),
                            tuple("feed-json", IngestOutcomeKind.UNCHANGED));
            assertThat(outcomes).allSatisfy(outcome -> {
                assertThat(outcome.getRawTopic()).isEqualTo(topics.raw().name());
                assertThat(outcome.getReason()).contains("'" + outcome.getDocumentId() + "'");
            });
            assertThat(runner.isReady()).as("still running after every poison record").isTrue();
        }
    }

    private static byte[] seedWithSource(String marker, Charset charset) throws Exception {
        return (marker + "\n\n" + Files.readString(SAMPLES.resolve("000_5ae1655f0e8fde34.txt"))).getBytes(charset);
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    private static RawDocument document(String id, String contentType, byte[] payload) {
        return RawDocument.newBuilder()
                .setDocumentId(id)
                .setSource("it")
                .setContentType(contentType)
                .setReceivedAt(Instant.now())
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }
}
