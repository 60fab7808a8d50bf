package dev.newsroom.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.platform.testing.TopologyTestStack;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.IngestOutcome;
import dev.newsroom.schemas.IngestOutcomeKind;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicCatalogue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest topology with the real parser: articles by item, versions, nothing lost to bad input, and an outcome
 * for everything that rightly yields nothing.
 */
class IngestTopologyTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestStack stack;
    private TestInputTopic<String, RawDocument> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, Article> articles;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, IngestOutcome> outcomes;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void start() {
        meters = new SimpleMeterRegistry();
        stack = TopologyTestStack.start(Stage.INGEST, "newsroom-ingest", stateDir, topics -> IngestTopology.build(topics,
                new DocumentParser(), "newsroom-ingest", new IngestMetrics(meters), Clock.fixed(NOW, ZoneOffset.UTC)));
        TopicCatalogue topics = stack.topics();
        raw = stack.input(topics.raw());
        rawBytes = stack.bytesInput(topics.raw());
        articles = stack.output(topics.articles());
        deadLetters = stack.output(topics.deadLetters());
        outcomes = stack.output(topics.ingestOutcomes());
    }

    @AfterEach
    void stop() {
        stack.close();
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
    void anUnchangedReIngestEmitsNoArticleButAnOutcomePerItemAndAChangedStoryIsItsNextVersion() throws IOException {
        byte[] feed = sample("feed-ar.rss");
        raw.pipeInput("feed-1", document("feed-1", "application/rss+xml", feed));
        List<Article> first = articles.readValuesToList();
        assertThat(first).hasSizeGreaterThanOrEqualTo(3).allMatch(a -> a.getVersion() == 1);
        assertThat(outcomes.isEmpty()).isTrue();

        raw.pipeInput("feed-2", document("feed-2", "application/rss+xml", feed));
        assertThat(articles.isEmpty()).as("same content again: nothing new").isTrue();
        List<KeyValue<String, IngestOutcome>> unchanged = outcomes.readKeyValuesToList();
        assertThat(unchanged).hasSize(first.size());
        for (int i = 0; i < first.size(); i++) {
            Article article = first.get(i);
            IngestOutcome outcome = unchanged.get(i).value;
            assertThat(unchanged.get(i).key).isEqualTo(article.getId());
            assertThat(outcome.getKind()).isEqualTo(IngestOutcomeKind.UNCHANGED);
            assertThat(outcome.getArticleId()).isEqualTo(article.getId());
            assertThat(outcome.getVersion()).isEqualTo(1);
            assertThat(outcome.getItemIndex()).isEqualTo(article.getLineage().getItemIndex());
            assertThat(outcome.getDocumentId()).isEqualTo("feed-2");
            assertThat(outcome.getRawOffset()).isEqualTo(1L);
            assertThat(outcome.getFormat()).isEqualTo("rss");
            assertThat(outcome.getContentHash()).isEqualTo(article.getContentHash());
            assertThat(outcome.getReason()).isEqualTo("Item " + article.getLineage().getItemIndex()
                    + " of document 'feed-2' is unchanged: its content equals version 1 of article '"
                    + article.getId() + "'");
        }

        String changed = new String(feed, StandardCharsets.UTF_8).replaceFirst("في الختام", "وفي الختام");
        raw.pipeInput("feed-3", document("feed-3", "application/rss+xml", changed.getBytes(StandardCharsets.UTF_8)));
        List<Article> next = articles.readValuesToList();
        assertThat(next).singleElement().satisfies(article -> {
            assertThat(article.getId()).isEqualTo(first.get(0).getId());
            assertThat(article.getVersion()).isEqualTo(2);
            assertThat(article.getUpdatedAt()).as("no update time in the feed: when ingest saw the change")
                    .isEqualTo(NOW);
        });
        assertThat(outcomes.readValuesToList()).as("the items that did not change")
                .hasSize(first.size() - 1)
                .allSatisfy(outcome -> assertThat(outcome.getKind()).isEqualTo(IngestOutcomeKind.UNCHANGED))
                .extracting(IngestOutcome::getArticleId)
                .containsExactlyElementsOf(first.subList(1, first.size()).stream().map(Article::getId).toList());
        assertThat(nothingDue("unchanged")).isEqualTo(2.0 * first.size() - 1);
    }

    @Test
    void theSeedSentAgainUnderAnotherDocumentIdIsUnchangedAndNamesItsArticle() throws IOException {
        raw.pipeInput("seed", document("seed", "text/plain; charset=utf-8", sample("000_5ae1655f0e8fde34.txt")));
        Article article = articles.readValue();
        raw.pipeInput("seed-again", document("seed-again", "text/plain; charset=utf-8",
                sample("000_5ae1655f0e8fde34.txt")));

        assertThat(articles.isEmpty()).isTrue();
        IngestOutcome outcome = outcomes.readValue();
        assertThat(outcome.getKind()).isEqualTo(IngestOutcomeKind.UNCHANGED);
        assertThat(outcome.getDocumentId()).isEqualTo("seed-again");
        assertThat(outcome.getArticleId()).isEqualTo(article.getId());
        assertThat(outcome.getReason()).startsWith("The text document 'seed-again' is unchanged: its content equals"
                + " version 1 of article");
    }

    @Test
    void feedsWithoutItemsAreEmptyDocumentOutcomesNamingTheDocumentAndFormat() {
        raw.pipeInput("rss", document("rss", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>أخبار</title><link>https://akhbar.example/</link>
                <description>لا جديد</description></channel></rss>
                """.getBytes(StandardCharsets.UTF_8)));
        raw.pipeInput("atom", document("atom", "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>tag:wire.example,2025:feed</id>
                <updated>2025-12-14T08:00:00Z</updated></feed>
                """.getBytes(StandardCharsets.UTF_8)));
        raw.pipeInput("json", document("json", "application/feed+json", """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Weather", "items": []}
                """.getBytes(StandardCharsets.UTF_8)));

        List<KeyValue<String, IngestOutcome>> out = outcomes.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("rss", "atom", "json");
        assertThat(out).extracting(kv -> kv.value.getFormat()).containsExactly("rss", "atom", "jsonfeed");
        assertThat(out).allSatisfy(kv -> {
            assertThat(kv.value.getKind()).isEqualTo(IngestOutcomeKind.EMPTY_DOCUMENT);
            assertThat(kv.value.getItemIndex()).isNull();
            assertThat(kv.value.getArticleId()).isNull();
            assertThat(kv.value.getApplication()).isEqualTo("newsroom-ingest");
            assertThat(kv.value.getDecidedAt()).isEqualTo(NOW);
        });
        assertThat(out).extracting(kv -> kv.value.getRawOffset()).containsExactly(0L, 1L, 2L);
        assertThat(out.get(0).value.getReason())
                .isEqualTo("Document 'rss' (application/rss+xml) is an RSS feed with no items: nothing to ingest");
        assertThat(out.get(2).value.getReason()).contains("'json'", "a JSON Feed with no items");
        assertThat(articles.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(nothingDue("empty-document")).isEqualTo(3.0);
    }

    @Test
    void anItemRepeatingAnEarlierItemOfTheSameFeedIsADuplicateNamingTheArticleItRepeats() {
        String story = "<description>Ports along the coast closed on Monday as the storm made landfall.</description>";
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
                <item><title>Storm closes ports</title><guid>a</guid>%s</item>
                <item><title>Markets steady</title><guid>b</guid>
                  <description>Markets held steady on Tuesday after the central bank's decision.</description></item>
                <item><title>Storm closes ports</title><guid>a</guid>%s</item>
                <item><title>Storm closes ports</title><guid>a-copy</guid>%s</item>
                </channel></rss>
                """.formatted(story, story, story);
        raw.pipeInput("wire", document("wire", "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8)));

        List<Article> out = articles.readValuesToList();
        assertThat(out).extracting(a -> a.getLineage().getItemIndex()).containsExactly(0, 1);
        String first = out.get(0).getId();
        List<KeyValue<String, IngestOutcome>> repeats = outcomes.readKeyValuesToList();
        assertThat(repeats).hasSize(2).allSatisfy(kv -> {
            assertThat(kv.value.getKind()).isEqualTo(IngestOutcomeKind.DUPLICATE_ITEM);
            assertThat(kv.value.getSameAsArticleId()).isEqualTo(first);
            assertThat(kv.value.getSameAsItemIndex()).isZero();
            assertThat(kv.value.getContentHash()).isEqualTo(out.get(0).getContentHash());
        });
        assertThat(repeats).extracting(kv -> kv.value.getItemIndex()).containsExactly(2, 3);
        assertThat(repeats.get(0).value.getArticleId()).isEqualTo(first);
        assertThat(repeats.get(0).value.getReason())
                .isEqualTo("Item 2 of document 'wire' repeats item 0 (article '" + first + "'): the same content");
        assertThat(repeats.get(1).key).isNotEqualTo(first).isEqualTo(repeats.get(1).value.getArticleId());
        assertThat(repeats.get(1).value.getReason()).endsWith("the same content under the id '"
                + repeats.get(1).value.getArticleId() + "'");
        assertThat(nothingDue("duplicate-item")).isEqualTo(2.0);
    }

    @Test
    void aFeedListingOneIdTwiceWithOtherContentTakesTheFirstAndSaysSo() {
        String feed = """
                <rss version="2.0"><channel><title>Wire</title>
                <item><title>Storm closes ports</title><guid>a</guid><description>Ports closed on Monday.</description></item>
                <item><title>Storm closes ports (old)</title><guid>a</guid><description>Ports may close.</description></item>
                </channel></rss>
                """;
        raw.pipeInput("wire", document("wire", "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8)));
        raw.pipeInput("wire", document("wire", "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8)));

        assertThat(articles.readValuesToList()).singleElement().satisfies(a -> assertThat(a.getVersion()).isEqualTo(1));
        List<IngestOutcome> said = outcomes.readValuesToList();
        assertThat(said).extracting(IngestOutcome::getKind).containsExactlyInAnyOrder(IngestOutcomeKind.DUPLICATE_ITEM,
                IngestOutcomeKind.UNCHANGED, IngestOutcomeKind.DUPLICATE_ITEM);
        assertThat(said).filteredOn(o -> o.getKind() == IngestOutcomeKind.DUPLICATE_ITEM).allSatisfy(o -> assertThat(o.getReason())
                .endsWith("the same article id with other content; the document's first listing is taken"));
    }

    @Test
    void twoDifferingCopiesOfAStoryDoNotFlipBetweenVersionsWhenSentAgain() {
        String first = "<rss><channel><item><guid>tag:wire,1</guid><title>Storm</title><description>Ports closed.</description>"
                + "</item></channel></rss>";
        String second = first.replace("Ports closed.", "Ports closed on Monday, officials said.");
        raw.pipeInput("a", document("a", "application/rss+xml", first.getBytes(StandardCharsets.UTF_8)));
        raw.pipeInput("b", document("b", "application/rss+xml", second.getBytes(StandardCharsets.UTF_8)));
        raw.pipeInput("a", document("a", "application/rss+xml", first.getBytes(StandardCharsets.UTF_8)));
        raw.pipeInput("b", document("b", "application/rss+xml", second.getBytes(StandardCharsets.UTF_8)));
        raw.pipeInput("c", document("c", "application/rss+xml", first.replace("Ports closed.", "Ports reopen.")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(articles.readValuesToList()).extracting(Article::getVersion).containsExactly(1, 2, 3);
        List<IngestOutcome> said = outcomes.readValuesToList();
        assertThat(said).extracting(IngestOutcome::getVersion).containsExactly(1, 2);
        assertThat(said.get(0).getReason()).endsWith("equals version 1 of article 'tag:wire,1', an earlier version; "
                + "version 2 stays the latest");
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
        assertThat(outcomes.isEmpty()).as("a dead letter is the whole account of a bad document").isTrue();
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

    private double nothingDue(String kind) {
        return meters.get("newsroom.ingest.nothing-due").tag("kind", kind).counter().count();
    }
}
