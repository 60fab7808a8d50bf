package dev.newsroom.ingest.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.page.PageReducer;
import dev.newsroom.platform.testing.TopologyTestStack;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.LinkedPage;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw documents carrying the pages of their teaser items, through the ingest topology with the real parser and the
 * registry serde: the teaser becomes the full article, and the next version of the feed carrying the same page (as
 * the poller sends it) changes nothing.
 */
class TeaserIngestTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String STORY = "The council met for six hours on Tuesday and agreed, after a long and often "
            + "bitter debate about the cost of the new bridge over the river, to put the question to the voters in a "
            + "referendum next spring, the mayor's office said in a statement late in the evening.";
    private static final String LAST_WORD = "Voting will open at eight in the morning and close at eight at night.";

    @TempDir
    Path stateDir;

    private TopologyTestStack stack;
    private TestInputTopic<String, RawDocument> raw;
    private TestOutputTopic<String, Article> articles;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        stack = TopologyTestStack.start(Stage.INGEST, "newsroom-ingest", stateDir, topics -> IngestTopology.build(topics,
                new DocumentParser(), "newsroom-ingest", Clock.fixed(NOW, ZoneOffset.UTC)));
        raw = stack.input(stack.topics().raw());
        articles = stack.output(stack.topics().articles());
        deadLetters = stack.output(stack.topics().deadLetters());
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void aRawDocumentWithTheLinkedPageYieldsTheFullArticleAndTheNextVersionOfTheFeedChangesNothing() {
        LinkedPage bridge = page("https://news.example/bridge", "Bridge vote");
        LinkedPage ferry = page("https://news.example/ferry", "Ferry strike");

        raw.pipeInput("feed-1", feed("feed-1", List.of(item("Bridge vote", "https://news.example/bridge")),
                List.of(bridge)));
        List<Article> first = articles.readValuesToList();
        raw.pipeInput("feed-2", feed("feed-2", List.of(item("Ferry strike", "https://news.example/ferry"),
                item("Bridge vote", "https://news.example/bridge")), List.of(ferry, bridge)));
        List<Article> second = articles.readValuesToList();
        raw.pipeInput("feed-1", feed("feed-1", List.of(item("Bridge vote", "https://news.example/bridge")),
                List.of(bridge)));

        assertThat(first).singleElement().satisfies(article -> {
            assertThat(article.getHeadline()).isEqualTo("Bridge vote");
            assertThat(article.getCanonicalUrl()).isEqualTo("https://news.example/bridge");
            assertThat(article.getBlocks()).filteredOn(b -> b.getKind() == BlockKind.PARAGRAPH)
                    .extracting(BodyBlock::getText).containsExactly(STORY, LAST_WORD);
            assertThat(article.getSummary()).isEqualTo("The council agreed to a referendum…");
            assertThat(article.getVersion()).isEqualTo(1);
        });
        assertThat(second).as("only the new story; the bridge story is unchanged").singleElement()
                .satisfies(article -> assertThat(article.getHeadline()).isEqualTo("Ferry strike"));
        assertThat(articles.isEmpty()).as("a replay of the first document gives nothing new").isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void withoutItsPageTheItemIsTheTeaserThatTheFeedGives() {
        raw.pipeInput("feed-1", feed("feed-1", List.of(item("Bridge vote", "https://news.example/bridge")), List.of()));

        assertThat(articles.readValuesToList()).singleElement().satisfies(article -> assertThat(article.getBlocks())
                .extracting(BodyBlock::getText).containsExactly("The council agreed to a referendum…"));
    }

    private static String item(String title, String link) {
        return "<item><title>" + title + "</title><link>" + link + "</link>"
                + "<description>The council agreed to a referendum…</description></item>";
    }

    private static RawDocument feed(String id, List<String> items, List<LinkedPage> pages) {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>"
                + "<link>https://news.example/</link>" + String.join("", items) + "</channel></rss>";
        return RawDocument.newBuilder()
                .setDocumentId(id)
                .setSource("poller:news")
                .setContentType("application/rss+xml")
                .setUri("https://news.example/feed.xml")
                .setReceivedAt(NOW)
                .setPayload(ByteBuffer.wrap(rss.getBytes(StandardCharsets.UTF_8)))
                .setLinkedPages(pages)
                .build();
    }

    /** A page as the poller carries it: reduced. */
    private static LinkedPage page(String url, String title) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>" + title + "</title>"
                + "<script>track();</script></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<article><h1>" + title + "</h1><p>" + STORY + "</p><p>" + LAST_WORD + "</p></article></body></html>";
        dev.newsroom.ingest.parse.document.LinkedPage reduced = PageReducer.reduce(
                new dev.newsroom.ingest.parse.document.LinkedPage(url, url, "text/html", null,
                        html.getBytes(StandardCharsets.UTF_8), NOW.minusSeconds(60)));
        return LinkedPage.newBuilder()
                .setUrl(reduced.url())
                .setFetchedUrl(reduced.fetchedUrl())
                .setContentType(reduced.contentType())
                .setCharset(reduced.charset())
                .setPayload(ByteBuffer.wrap(reduced.payload()))
                .setFetchedAt(reduced.fetchedAt())
                .build();
    }
}
