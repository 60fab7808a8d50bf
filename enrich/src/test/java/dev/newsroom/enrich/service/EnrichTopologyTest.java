package dev.newsroom.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.platform.deadletter.DeadLetterHandlers;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich topology with the real enricher: one enriched record per article, keyed alike; poison dead-lettered. */
class EnrichTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static Enricher enricher;

    @TempDir
    Path stateDir;

    private InMemoryConfluentRegistryServer registry;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> articles;
    private TestInputTopic<String, byte[]> articleBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeAll
    static void loadEnricher() {
        enricher = Enricher.loadDefault();
    }

    @AfterAll
    static void dropEnricher() {
        enricher = null;
    }

    @BeforeEach
    void start() {
        registry = InMemoryConfluentRegistryServer.start();
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url());
        TopicCatalogue topics = TopicCatalogue.of(config, new SchemaRegistryClient(registry.url()));
        Properties props = new Properties();
        props.putAll(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsroom-enrich");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, Object> handlers = new HashMap<>();
        DeadLetterHandlers.configure(handlers, Stage.ENRICH);
        props.putAll(handlers);
        driver = new TopologyTestDriver(EnrichTopology.build(topics, enricher, Clock.fixed(NOW, ZoneOffset.UTC)),
                props);
        articles = driver.createInputTopic(topics.articles().name(), new StringSerializer(),
                topics.articles().valueSerde().serializer());
        articleBytes = driver.createInputTopic(topics.articles().name(), new StringSerializer(),
                new ByteArraySerializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(),
                topics.enriched().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        registry.close();
    }

    private static Article english(String id, String headline, String... paragraphs) {
        List<BodyBlock> blocks = java.util.Arrays.stream(paragraphs)
                .map(text -> new BodyBlock(BlockKind.PARAGRAPH, text, text, 0)).toList();
        return Article.newBuilder(SampleRecords.article()).setId(id).setLanguage("en").setHeadline(headline)
                .setBlocks(blocks).setBodyHtml("").setCategories(List.of()).build();
    }

    @Test
    void eachArticleBecomesOneEnrichedRecordKeyedByItsIdCarryingTheEnricherVersion() {
        Article storm = english("wire:storm", "Winter storm brings snow to Amman and flooding to Beirut",
                "A winter storm brought heavy snow to Amman on Monday and flooding to parts of Beirut, where the "
                        + "Lebanese Civil Defence rescued families trapped in their cars.");
        Article ai = english("wire:ai", "EU agrees rules for artificial intelligence",
                "The European Union agreed rules for artificial intelligence on Tuesday in Brussels.");

        articles.pipeInput(storm.getId(), storm);
        articles.pipeInput(ai.getId(), ai);

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("wire:storm", "wire:ai");
        assertThat(out).allSatisfy(kv -> {
            assertThat(kv.value.getArticle().getId()).isEqualTo(kv.key);
            assertThat(kv.value.getEnricherVersion()).isEqualTo(enricher.version());
            assertThat(kv.value.getEnrichedAt()).isEqualTo(NOW);
            assertThat(kv.value.getLanguage().getCode()).isEqualTo("en");
        });
        assertThat(out.get(0).value.getSubjects()).extracting(s -> s.getCode()).contains("medtop:17000000");
        assertThat(out.get(0).value.getEntities()).extracting(e -> e.getName()).contains("Amman", "Beirut");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aRecordThatIsNotAnArticleIsDeadLetteredAndTheNextOneFlows() {
        Article ai = english("wire:ai", "EU agrees rules for artificial intelligence",
                "The European Union agreed rules for artificial intelligence on Tuesday in Brussels.");

        articleBytes.pipeInput("junk", "{\"id\": \"junk\"}".getBytes(StandardCharsets.UTF_8));
        articles.pipeInput(ai.getId(), ai);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo(Stage.ENRICH);
        assertThat(letter.getReason()).contains("magic byte");
        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("wire:ai");
    }
}
