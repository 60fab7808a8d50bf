package dev.newsroom.ingest.parse.body;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** Everything HTML that leaves the parser passes the allowlist, with absolute URLs and no active content. */
class SanitizationTest {

    private static Article fromJsonFeed(String contentHtml, String itemUrl) {
        String feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"items\": [{\"id\": \"1\", "
                + (itemUrl == null ? "" : "\"url\": \"" + itemUrl + "\", ")
                + "\"title\": \"<b>Bold</b> &amp; title\", \"summary\": \"<p>Sum <i>mary</i></p>\", \"content_html\": "
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(contentHtml) + "}]}";
        return Fixtures.single("application/feed+json", feed);
    }

    private static void assertSafe(Article article) {
        assertThat(Jsoup.isValid(article.getBodyHtml(), HtmlSafety.safelist())).as(article.getBodyHtml()).isTrue();
        for (BodyBlock block : article.getBlocks()) {
            assertThat(Jsoup.isValid(block.getHtml(), HtmlSafety.safelist())).as(block.getHtml()).isTrue();
        }
    }

    @Test
    void textIsEscapedForHtmlWhereverItsSpecialCharactersStandAndLeftAsItIsWithoutThem() {
        assertThat(BodyBuilder.escape("<b> & </b>")).isEqualTo("&lt;b&gt; &amp; &lt;/b&gt;");
        assertThat(BodyBuilder.escape("قال: 5 < 6 & 7 > 3")).isEqualTo("قال: 5 &lt; 6 &amp; 7 &gt; 3");
        assertThat(BodyBuilder.escape("&&")).isEqualTo("&amp;&amp;");
        assertThat(BodyBuilder.escape("هجوم تدمر")).isEqualTo("هجوم تدمر");
        assertThat(BodyBuilder.escape("")).isEmpty();
        StringBuilder out = new StringBuilder("x");
        BodyBuilder.appendEscaped(out, "a>b");
        assertThat(out).hasToString("xa&gt;b");
    }

    @Test
    void activeContentIsRemoved() {
        Article article = fromJsonFeed("<p onclick=\"steal()\" style=\"color:red\">Hello <a href=\"javascript:alert(1)\">click</a> "
                + "<a href=\"vbscript:msgbox\">vb</a> <a href=\"https://ok.example/x\" onmouseover=\"x()\">ok</a></p>"
                + "<script>alert(1)</script><style>p{}</style><iframe src=\"https://evil.example\"></iframe>"
                + "<object data=\"x.swf\"></object><embed src=\"x.swf\"><form action=\"/post\"><input name=\"q\"></form>"
                + "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><link rel=\"stylesheet\" href=\"x.css\">"
                + "<base href=\"https://evil.example/\"><!-- secret comment --><p>End.</p>", "https://news.example/a/1");
        String html = article.getBodyHtml();
        assertThat(html).doesNotContain("onclick", "onmouseover", "style=", "javascript:", "vbscript:", "<script", "alert(", "<style",
                "<iframe", "<object", "<embed", "<form", "<input", "<meta", "<link", "<base", "secret comment", "evil.example");
        assertThat(html).contains("<a href=\"https://ok.example/x\">ok</a>");
        assertThat(article.getBlocks()).extracting(BodyBlock::getText).containsExactly("Hello click vb ok", "End.");
        assertSafe(article);
    }

    @Test
    void headlineAndSummaryArePlainText() {
        Article article = fromJsonFeed("<p>Body.</p>", null);
        assertThat(article.getHeadline()).isEqualTo("Bold & title");
        assertThat(article.getSummary()).isEqualTo("Sum mary");
    }

    @Test
    void dataUrlsAndTrackingPixelsAreDropped() {
        Article article = fromJsonFeed("<p>Text with an inline image.</p>"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"inline\">"
                + "<img src=\"https://news.example/pixel.gif\" width=\"1\" height=\"1\">"
                + "<img src=\"https://news.example/p2.gif\" style=\"width: 1px; height: 1px\">"
                + "<img src=\"https://pixel.wp.com/g.gif?blog=1\">"
                + "<img src=\"https://feeds.feedburner.com/~r/example/~4/abc\">"
                + "<img src=\"https://news.example/photo.jpg\" width=\"800\" height=\"600\" alt=\"A real photo\">", "https://news.example/a/1");
        assertThat(article.getMedia()).hasSize(1);
        assertThat(article.getMedia().get(0).getUrl()).isEqualTo("https://news.example/photo.jpg");
        assertThat(article.getMedia().get(0).getCaption()).as("alt text is the fallback caption").isEqualTo("A real photo");
        assertThat(article.getMedia().get(0).getWidth()).isEqualTo(800);
        assertThat(article.getBodyHtml()).doesNotContain("data:", "pixel", "feedburner")
                .contains("<figure><img src=\"https://news.example/photo.jpg\" alt=\"A real photo\"></figure>");
        assertSafe(article);
    }

    @Test
    void relativeUrlsResolveAgainstTheItemLink() {
        Article article = fromJsonFeed("<p>See <a href=\"../b/2\">the other story</a> and <a href=\"#notes\">notes</a>.</p>"
                + "<p><img src=\"/img/x.jpg\" alt=\"x\"></p>", "https://news.example/a/1");
        assertThat(article.getBlocks().get(0).getHtml())
                .isEqualTo("See <a href=\"https://news.example/b/2\">the other story</a> and <a href=\"https://news.example/a/1#notes\">notes</a>.");
        assertThat(article.getMedia().get(0).getUrl()).isEqualTo("https://news.example/img/x.jpg");
    }

    @Test
    void relativeUrlsWithoutAnyBaseAreDroppedNotKeptRelative() {
        Article article = fromJsonFeed("<p>See <a href=\"/b/2\">the other story</a>.</p>", null);
        assertThat(article.getBodyHtml()).isEqualTo("<p>See the other story.</p>");
    }

    @Test
    void pageBaseHrefIsUsedForResolutionAndNotKept() {
        String page = "<html><head><base href=\"https://cdn.example/news/\"><title>T</title></head><body><article><h1>T</h1>"
                + "<p>" + "Long enough paragraph of article text that the extractor keeps it as the body. ".repeat(4)
                + "<a href=\"story/2\">next</a></p><figure><img src=\"img/1.jpg\"><figcaption>Caption one</figcaption></figure>"
                + "</article></body></html>";
        Article article = parse(input("page", "text/html", "https://www.example/path/page.html", page.getBytes(StandardCharsets.UTF_8))).articles().get(0);
        assertThat(article.getBodyHtml()).contains("href=\"https://cdn.example/news/story/2\"").doesNotContain("<base");
        assertThat(article.getMedia().get(0).getUrl()).isEqualTo("https://cdn.example/news/img/1.jpg");
        assertThat(article.getMedia().get(0).getCaption()).isEqualTo("Caption one");
    }

    @Test
    void wordpressCaptionBoxesBecomeFiguresWithCaptionAndCredit() {
        Article article = fromJsonFeed("<p>Intro paragraph.</p><div class=\"wp-caption alignnone\"><img src=\"https://n.example/a.jpg\" alt=\"alt text\">"
                + "<p class=\"wp-caption-text\">Crowds in the square <span class=\"credit\">Photo: Jane Doe</span></p></div>", null);
        assertThat(article.getMedia()).singleElement().satisfies(media -> {
            assertThat(media.getCaption()).isEqualTo("Crowds in the square");
            assertThat(media.getCredit()).isEqualTo("Photo: Jane Doe");
        });
        assertThat(article.getBlocks()).extracting(BodyBlock::getText).containsExactly("Intro paragraph.");
        assertThat(article.getBodyHtml()).contains("<figcaption>Crowds in the square <cite>Photo: Jane Doe</cite></figcaption>");
    }

    @Test
    void structureIsKeptAsBlocksAndCanonicalHtml() {
        Article article = fromJsonFeed("<h1>Sub one</h1><p>Para <em>one</em>.</p><blockquote><p>Quoted line.</p></blockquote>"
                + "<ul><li>First</li><li>Second<ul><li>Nested</li></ul></li></ul><h3>Sub two</h3><div>Loose text in a div.</div>", null);
        assertThat(article.getBlocks()).extracting(b -> b.getKind() + ":" + b.getLevel() + ":" + b.getText()).containsExactly(
                "HEADING:2:Sub one", "PARAGRAPH:0:Para one.", "QUOTE:0:Quoted line.", "LIST_ITEM:1:First", "LIST_ITEM:1:Second",
                "LIST_ITEM:2:Nested", "HEADING:3:Sub two", "PARAGRAPH:0:Loose text in a div.");
        assertThat(article.getBodyHtml()).isEqualTo("<h2>Sub one</h2><p>Para <em>one</em>.</p><blockquote><p>Quoted line.</p></blockquote>"
                + "<ul><li>First</li><li>Second</li><li>Nested</li></ul><h3>Sub two</h3><p>Loose text in a div.</p>");
        assertThat(article.getBlocks().get(1).getKind()).isEqualTo(BlockKind.PARAGRAPH);
        assertSafe(article);
    }

    @Test
    void junkInvisibleCharactersAreRemovedAndTextIsNfc() {
        Article article = fromJsonFeed("<p>Cafe\u0301 \u200Bzero\u200Bwidth \u202Bbidi\u202C and&nbsp;nbsp\u00AD.</p>", null);
        assertThat(article.getBlocks().get(0).getText()).isEqualTo("Café zerowidth bidi and nbsp.");
    }
}
