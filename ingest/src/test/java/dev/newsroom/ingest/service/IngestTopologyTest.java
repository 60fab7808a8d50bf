package dev.newsroom.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.platform.deadletter.DeadLetterHandlers;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest topology with the real parser: articles by item, versions, and nothing lost to bad input. */
class IngestTopologyTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path stateDir;

    private InMemoryConfluentRegistryServer registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawDocument> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, Article> articles;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        registry = InMemoryConfluentRegistryServer.start();
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url());
        TopicCatalogue topics = TopicCatalogue.of(config, new SchemaRegistryClient(registry.url()));
        Properties props = new Properties();
        props.putAll(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsroom-ingest");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, Object> handlers = new HashMap<>();
        DeadLetterHandlers.configure(handlers, Stage.INGEST);
        props.putAll(handlers);
        driver = new TopologyTestDriver(IngestTopology.build(topics, new DocumentParser(), "newsroom-ingest",
                Clock.fixed(NOW, ZoneOffset.UTC)), props);
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
        rawBytes = driver.createInputTopic(topics.raw().name(), new StringSerializer(), new ByteArraySerializer());
        articles = driver.createOutputTopic(topics.articles().name(), new StringDeserializer(),
                topics.articles().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        registry.close();
    }

    private static RawDocument document(String id, String contentType, byte[] payload) {
        return RawDocument.newBuilder()
                .setDocumentId(id)
                .setSource("akhbar.example")
                .setContentType(contentType)
                .setUri(null)
                .setReceivedAt(NOW)
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    @Test
    void theSeedBecomesOneArticleWithItsStructureAndLineage() throws IOException {
        raw.pipeInput("seed", document("seed", "text/plain; charset=utf-8", sample("000_5ae1655f0e8fde34.txt")));

        List<KeyValue<String, Article>> out = articles.readKeyValuesToList();
        assertThat(out).hasSize(1);
        Article article = out.get(0).value;
        assertThat(out.get(0).key).isEqualTo(article.getId());
        assertThat(article.getVersion()).isEqualTo(1);
        assertThat(article.getBlocks()).filteredOn(b -> b.getKind() == BlockKind.HEADING).hasSize(7);
        assertThat(article.getBlocks()).filteredOn(b -> b.getKind() == BlockKind.PARAGRAPH).hasSize(10);
        assertThat(article.getHeadlineDerived()).isTrue();
        assertThat(article.getLineage().getDocumentId()).isEqualTo("seed");
        assertThat(article.getLineage().getRawOffset()).isZero();
        assertThat(article.getLineage().getIngestedAt()).isEqualTo(NOW);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void anUnchangedReIngestEmitsNothingAndAChangedStoryIsItsNextVersion() throws IOException {
        byte[] feed = sample("feed-ar.rss");
        raw.pipeInput("feed-1", document("feed-1", "application/rss+xml", feed));
        List<Article> first = articles.readValuesToList();
        assertThat(first).hasSizeGreaterThanOrEqualTo(3).allMatch(a -> a.getVersion() == 1);

        raw.pipeInput("feed-2", document("feed-2", "application/rss+xml", feed));
        assertThat(articles.isEmpty()).as("same content again: nothing new").isTrue();

        String changed = new String(feed, StandardCharsets.UTF_8).replaceFirst("في الختام", "وفي الختام");
        raw.pipeInput("feed-3", document("feed-3", "application/rss+xml", changed.getBytes(StandardCharsets.UTF_8)));
        List<Article> next = articles.readValuesToList();
        assertThat(next).singleElement().satisfies(article -> {
            assertThat(article.getId()).isEqualTo(first.get(0).getId());
            assertThat(article.getVersion()).isEqualTo(2);
            assertThat(article.getUpdatedAt()).as("no update time in the feed: when ingest saw the change")
                    .isEqualTo(NOW);
        });
    }

    @Test
    void theSameStoryFromThePageAndTheFeedIsOneArticle() throws IOException {
        raw.pipeInput("page", document("page", "text/html", sample("page-ar-palmyra.html")));
        raw.pipeInput("feed", document("feed", "application/rss+xml", sample("feed-ar.rss")));

        List<Article> out = articles.readValuesToList();
        assertThat(out.stream().filter(a -> a.getHeadline().startsWith("هجوم تدمر")).map(Article::getId).distinct())
                .hasSize(1);
    }

    @Test
    void badDocumentsBecomeOneDeadLetterEachWithTheReasonAndTheOriginalBytes() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        RawDocument binary = document("garbage", "application/octet-stream", garbage);
        RawDocument empty = document("empty", "text/plain", new byte[0]);
        RawDocument doctype = document("xxe", "application/rss+xml", ("<?xml version=\"1.0\"?><!DOCTYPE r ["
                + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8));

        raw.pipeInput("garbage", binary);
        raw.pipeInput("empty", empty);
        raw.pipeInput("xxe", doctype);
        rawBytes.pipeInput("not-avro", "{\"documentId\": 1}".getBytes(StandardCharsets.UTF_8));

        List<KeyValue<String, DeadLetter>> letters = deadLetters.readKeyValuesToList();
        assertThat(letters).extracting(kv -> kv.key).containsExactly("garbage", "empty", "xxe", "not-avro");
        assertThat(letters).allSatisfy(kv -> {
            assertThat(kv.value.getStage()).isEqualTo(Stage.INGEST);
            assertThat(kv.value.getOriginalValue()).isNotNull();
        });
        assertThat(letters.get(0).value.getReason()).contains("garbage");
        assertThat(letters.get(1).value.getReason()).contains("empty");
        assertThat(letters.get(2).value.getReason()).containsIgnoringCase("doctype");
        assertThat(letters.get(3).value.getReason()).contains("magic byte");
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void aFeedItemWithoutContentIsADeadLetterWithItsIndexWhileTheOthersFlow() {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
                <item><title>Storm closes ports</title><link>https://wire.example/a</link><guid>a</guid>
                  <description>Ports along the coast closed on Monday as the storm made landfall.</description></item>
                <item><guid>b</guid></item>
                <item><title>Markets steady</title><link>https://wire.example/c</link><guid>c</guid>
                  <description>Markets held steady on Tuesday after the central bank's decision.</description></item>
                </channel></rss>
                """;
        raw.pipeInput("wire", document("wire", "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8)));

        assertThat(articles.readValuesToList()).hasSize(2);
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getDetails()).containsEntry("itemIndex", "1");
        assertThat(letter.getId()).isEqualTo("INGEST:newsroom.raw.v1:0:0:1");
        assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalKey()).toString()).isEqualTo("wire");
    }
}
