package dev.newsroom.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.platform.testing.TopologyTestStack;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.fixtures.SampleRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
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

    private TopologyTestStack stack;
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
        stack = TopologyTestStack.start(Stage.ENRICH, "newsroom-enrich", stateDir,
                topics -> EnrichTopology.build(topics, enricher, Clock.fixed(NOW, ZoneOffset.UTC)));
        articles = stack.input(stack.topics().articles());
        articleBytes = stack.bytesInput(stack.topics().articles());
        enriched = stack.output(stack.topics().enriched());
        deadLetters = stack.output(stack.topics().deadLetters());
    }

    @AfterEach
    void stop() {
        stack.close();
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
