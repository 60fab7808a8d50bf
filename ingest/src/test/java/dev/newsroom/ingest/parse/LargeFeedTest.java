package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The item limit is inclusive: 10,000 items parse, in reasonable time and memory; one more is refused whole. */
class LargeFeedTest {

    private static byte[] rss(int items) {
        StringBuilder feed = new StringBuilder(items * 330 + 200)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Big</title><link>https://big.example/</link><language>en</language>");
        for (int i = 0; i < items; i++) {
            feed.append("<item><title>Story number ").append(i).append("</title><link>https://big.example/story/").append(i)
                    .append("?utm_source=rss</link><guid isPermaLink=\"false\">big-").append(i).append("</guid>")
                    .append("<pubDate>Sun, 14 Dec 2025 07:30:00 +0000</pubDate><description><![CDATA[<p>Paragraph one of story ")
                    .append(i).append(", with a <a href=\"/related\">link</a>.</p><p>Paragraph two.</p>]]></description></item>");
        }
        return feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tenThousandItemsParseQuicklyAndWithinMemory() {
        byte[] payload = rss(ParserLimits.DEFAULT_MAX_ITEMS);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        ParsedDocument document = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Fixtures.parse(input("big", "application/rss+xml", null, payload)));
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertThat(document.articles()).hasSize(10_000);
        assertThat(document.articles().get(9_999).getId()).isEqualTo("test-source:big-9999");
        assertThat(document.articles().get(9_999).getCanonicalUrl()).isEqualTo("https://big.example/story/9999");
        assertThat(document.articles().get(5).getBodyHtml()).contains("<a href=\"https://big.example/related\">link</a>");
        // 3.4 MB of XML: the articles and the transient DOM fit comfortably in the 1 GB test heap.
        assertThat(after - before).isLessThan(600L * 1024 * 1024);
    }

    @Test
    void oneItemOverTheLimitIsRefusedWhole() {
        DocumentParser parser = new DocumentParser(ParserLimits.defaults().withMaxItems(100));
        assertThatThrownBy(() -> parser.parse(input("too-many", "application/rss+xml", null, rss(101)), Fixtures.lineage()))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ITEMS);
                    assertThat(e.getMessage()).isEqualTo("Document 'too-many' (application/rss+xml) has 101 items, more than the limit of 100; it was not parsed");
                });
        assertThat(parser.parse(input("at-limit", "application/rss+xml", null, rss(100)), Fixtures.lineage()).articles()).hasSize(100);
    }
}
