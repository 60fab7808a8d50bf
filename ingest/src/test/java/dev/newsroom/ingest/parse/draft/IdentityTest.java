package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.body.Body;
import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.Article;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** URL normal form, the id precedence and a content hash that ignores times and lineage. */
class IdentityTest {

    @Test
    void urlNormalFormLowercasesSchemeAndHostDropsFragmentDefaultPortAndTracking() {
        assertThat(Urls.normalize("HTTPS://News.Example.COM:443/Path/Story?id=7&utm_source=rss&utm_medium=x&fbclid=abc#comments"))
                .isEqualTo("https://news.example.com/Path/Story?id=7");
        assertThat(Urls.normalize("http://news.example")).isEqualTo("http://news.example/");
        assertThat(Urls.normalize("http://news.example:8080/a/")).isEqualTo("http://news.example:8080/a/");
        assertThat(Urls.normalize("https://akhbar.example/2025/هجوم-تدمر/")).isEqualTo("https://akhbar.example/2025/%D9%87%D8%AC%D9%88%D9%85-%D8%AA%D8%AF%D9%85%D8%B1/");
        assertThat(Urls.normalize("https://akhbar.example/2025/%d9%87/")).isEqualTo("https://akhbar.example/2025/%D9%87/");
        assertThat(Urls.normalize("urn:x:1")).isNull();
        assertThat(Urls.normalize("/relative")).isNull();
    }

    @Test
    void idPrecedence() {
        assertThat(ArticleIdentity.articleId("tag:wire.example,2025:1", "https://x.example/a", "src", "h")).isEqualTo("tag:wire.example,2025:1");
        assertThat(ArticleIdentity.articleId("48213", "https://x.example/a", "src", "h")).isEqualTo("src:48213");
        assertThat(ArticleIdentity.articleId("https://x.example/?p=48213", "https://X.example/a?utm_campaign=z", "src", "h"))
                .isEqualTo("https://x.example/a");
        assertThat(ArticleIdentity.articleId("https://x.example/?p=48213", null, "src", "h")).isEqualTo("https://x.example/?p=48213");
        assertThat(ArticleIdentity.articleId(null, null, "src", "abc")).isEqualTo("src:abc");
    }

    @Test
    void reIngestingUnchangedContentGivesTheSameIdAndHash() {
        String v1 = rss("Sun, 14 Dec 2025 07:30:00 +0000", "Body text of the story.");
        String v1Again = rss("Mon, 15 Dec 2025 09:00:00 +0000", "Body text of the story.");
        String v2 = rss("Sun, 14 Dec 2025 07:30:00 +0000", "Body text of the story, corrected.");
        Article first = Fixtures.single("application/rss+xml", v1);
        Article again = Fixtures.single("application/rss+xml", v1Again);
        Article changed = Fixtures.single("application/rss+xml", v2);
        assertThat(again.getId()).isEqualTo(first.getId()).isEqualTo("https://x.example/story");
        assertThat(again.getContentHash()).isEqualTo(first.getContentHash());
        assertThat(changed.getId()).isEqualTo(first.getId());
        assertThat(changed.getContentHash()).isNotEqualTo(first.getContentHash());
    }

    @Test
    void hashDependsOnBlockKindsNotOnlyText() {
        Article asParagraph = Fixtures.single("text/html", page("<p>Same words here</p>"));
        Article asHeading = Fixtures.single("text/html", page("<h2>Same words here</h2>"));
        assertThat(asParagraph.getContentHash()).isNotEqualTo(asHeading.getContentHash());
    }

    private static String page(String firstBlock) {
        return "<html><body><article>" + firstBlock + "<p>" + "A paragraph of article prose that makes this page an article. ".repeat(5)
                + "</p></article></body></html>";
    }

    private static String rss(String pubDate, String body) {
        return "<rss version=\"2.0\"><channel><title>t</title><item><title>Story</title><link>https://x.example/story?utm_source=feed</link>"
                + "<guid isPermaLink=\"true\">https://x.example/story</guid><pubDate>" + pubDate + "</pubDate><description>" + body
                + "</description></item></channel></rss>";
    }
}
