package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.body.Body;
import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import dev.newsroom.schemas.MediaKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    @Test
    void theHashIsSha256OverLengthPrefixedUtf8FieldsWhateverTheScriptAndLoneSurrogatesAsQuestionMarks() throws Exception {
        List<BodyBlock> blocks = List.of(new BodyBlock(BlockKind.HEADING, "هجوم تدمر", "", 2),
                new BodyBlock(BlockKind.PARAGRAPH, "Prix 3 € · 漢字 😀 and a lone \uD83D surrogate, then \uDE00 its pair".repeat(40), "", 0));
        List<Media> media = List.of(Media.newBuilder().setKind(MediaKind.IMAGE).setUrl("https://x.example/ä.jpg").build());
        String expected = specifiedHash("Ünïcode headline", blocks, null, media);
        assertThat(ArticleIdentity.contentHash("Ünïcode headline", blocks, null, media)).isEqualTo(expected);
        // Again on the same thread: nothing of the first hash is left in the second.
        assertThat(ArticleIdentity.contentHash("Ünïcode headline", blocks, null, media)).isEqualTo(expected);
        assertThat(ArticleIdentity.contentHash("", List.of(), "summary", List.of())).isEqualTo(specifiedHash("", List.of(), "summary", List.of()));
    }

    /** The content hash as its documentation specifies it, byte arrays and all. */
    private static String specifiedHash(String headline, List<BodyBlock> blocks, String summary, List<Media> media) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<String> fields = new ArrayList<>(List.of("headline", headline));
        for (BodyBlock block : blocks) {
            fields.addAll(List.of(block.getKind().name(), block.getText().toString()));
        }
        fields.addAll(List.of("summary", summary == null ? "" : summary));
        for (Media item : media) {
            fields.addAll(List.of("media", item.getUrl().toString()));
        }
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
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
