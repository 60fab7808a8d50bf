package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.FullTextMode;
import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.LinkedPage;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.page.PageReducer;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.Media;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.PARSER;
import static dev.newsroom.ingest.parse.Fixtures.lineage;
import static dev.newsroom.ingest.parse.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Which feed items are teasers, and how an item and the page its link points to become one article. */
class TeaserCompletionTest {

    private static final String LONG_PARAGRAPH = "The council met for six hours on Tuesday and agreed, after a long and "
            + "often bitter debate about the cost of the new bridge over the river, to put the question to the voters in "
            + "a referendum next spring. The mayor said the city could not afford to wait any longer, while the "
            + "opposition argued that the budget figures had never been checked by an independent auditor and that the "
            + "tolls would fall hardest on the families who commute from the villages to the east.";
    private static final String ARABIC_PARAGRAPH = "عقد مجلس المدينة جلسة طويلة يوم الثلاثاء استمرت ست ساعات، ناقش خلالها "
            + "الأعضاء كلفة الجسر الجديد فوق النهر، واتفقوا في نهايتها على طرح المسألة في استفتاء عام في الربيع المقبل. "
            + "وقال رئيس البلدية إن المدينة لا تستطيع الانتظار أكثر، في حين رأت المعارضة أن أرقام الميزانية لم يدققها "
            + "أي مدقق مستقل، وأن رسوم العبور ستثقل كاهل الأسر التي تتنقل يومياً من القرى الشرقية إلى وسط المدينة.";
    private static final Instant FETCHED_AT = Instant.parse("2026-11-28T09:30:00Z");

    @Test
    void underAutoItemsWithALinkAndNoBodyOrOnlyATeaserAreCompleted() {
        String rss = rss(
                item("no-body", "https://news.example/no-body", null),
                item("short", "https://news.example/short", "<p>The council agreed to a referendum.</p>"),
                item("full", "https://news.example/full", "<p>" + LONG_PARAGRAPH + "</p><p>" + LONG_PARAGRAPH + "</p>"),
                item("ellipsis", "https://news.example/ellipsis", "<p>" + LONG_PARAGRAPH + "</p><p>And then the mayor […]</p>"),
                item("wordpress", "https://news.example/wordpress", "<p>" + LONG_PARAGRAPH + " [&#8230;]</p>"
                        + "<p>The post <a href=\"https://news.example/wordpress\">Bridge vote</a> appeared first on "
                        + "<a href=\"https://news.example\">News</a>.</p>"),
                item("continue", "https://news.example/continue", "<p>" + LONG_PARAGRAPH + "</p>"
                        + "<p><a href=\"https://news.example/continue\">Continue reading <span>“Bridge vote”</span> →</a></p>"),
                item("related", "https://news.example/related", "<p>" + LONG_PARAGRAPH + "</p><p>" + LONG_PARAGRAPH
                        + "</p><p>Read more: <a href=\"https://news.example/other\">Another story</a></p>"),
                item("arabic-more", "https://news.example/ar-more", "<p>" + ARABIC_PARAGRAPH + " اقرأ المزيد</p>"),
                item("arabic-full", "https://news.example/ar-full", "<p>" + ARABIC_PARAGRAPH + "</p><p>" + ARABIC_PARAGRAPH
                        + " ولم يكشف عن مزيد من التفاصيل.</p>"),
                item("french", "https://news.example/fr", "<p>" + LONG_PARAGRAPH + "</p><p><a href=\"/fr\">Lire la suite »</a></p>"),
                item("no-link", null, "<p>Short, but nothing to fetch it from.</p>"));

        assertThat(PARSER.linksToComplete(feed(rss), FullTextMode.AUTO)).containsExactly(
                "https://news.example/no-body", "https://news.example/short", "https://news.example/ellipsis",
                "https://news.example/wordpress", "https://news.example/continue", "https://news.example/ar-more",
                "https://news.example/fr");
    }

    @Test
    void alwaysCompletesEveryItemWithALinkAndNeverNone() {
        String rss = rss(
                item("short", "https://news.example/short", "<p>The council agreed to a referendum.</p>"),
                item("full", "https://news.example/full", "<p>" + LONG_PARAGRAPH + "</p><p>" + LONG_PARAGRAPH + "</p>"),
                item("again", "https://news.example/full", "<p>The same link twice is fetched once.</p>"),
                item("relative", "/relative", null),
                item("no-link", null, "<p>Short.</p>"));

        assertThat(PARSER.linksToComplete(feed(rss), FullTextMode.ALWAYS)).containsExactly(
                "https://news.example/short", "https://news.example/full", "https://news.example/relative");
        assertThat(PARSER.linksToComplete(feed(rss), FullTextMode.NEVER)).isEmpty();
    }

    @Test
    void atomAndJsonFeedItemsFollowTheSameRuleAndPagesAreNeverCompleted() {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<entry><id>tag:news.example,2026:1</id><title>One</title><link href=\"https://news.example/1\"/>"
                + "<summary>Teaser only…</summary></entry></feed>";
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":["
                + "{\"id\":\"1\",\"url\":\"https://news.example/j1\",\"title\":\"One\"},"
                + "{\"id\":\"2\",\"url\":\"https://news.example/j2\",\"content_text\":\"" + LONG_PARAGRAPH + "\\n\\n"
                + LONG_PARAGRAPH + "\"}]}";
        String page = "<html><body><article><h1>A page</h1><p>" + LONG_PARAGRAPH + "</p></article></body></html>";

        assertThat(PARSER.linksToComplete(Fixtures.input("atom", "application/atom+xml", atom), FullTextMode.AUTO))
                .containsExactly("https://news.example/1");
        assertThat(PARSER.linksToComplete(Fixtures.input("json", "application/feed+json", json), FullTextMode.AUTO))
                .containsExactly("https://news.example/j1");
        assertThat(PARSER.linksToComplete(RawInput.of("page", "s", "text/html", "https://news.example/p",
                page.getBytes(StandardCharsets.UTF_8)), FullTextMode.ALWAYS)).isEmpty();
    }

    @Test
    void theFeedsHeadlineDatesAndAuthorsWinAndTheBodyComesFromThePage() {
        String rss = rss("<item><title>Council sends the bridge to the voters</title>"
                + "<link>https://news.example/bridge</link><guid isPermaLink=\"false\">bridge-42</guid>"
                + "<pubDate>Tue, 24 Nov 2026 18:00:00 GMT</pubDate><author>desk@news.example (City Desk)</author>"
                + "<category>Politics</category>"
                + "<enclosure url=\"https://cdn.news.example/feed-photo.jpg\" type=\"image/jpeg\" length=\"1\"/>"
                + "<description><![CDATA[<p>The council agreed to a referendum on the bridge […]</p>]]></description></item>");
        RawInput feed = feed(rss);
        Article teaser = single(feed);

        Article completed = single(feed.withLinkedPages(List.of(page("https://news.example/bridge",
                "https://www.news.example/2026/11/bridge.html", bridgePage()))));

        assertThat(completed.getId()).isEqualTo(teaser.getId()).isEqualTo("test-source:bridge-42");
        assertThat(completed.getCanonicalUrl()).isEqualTo("https://news.example/bridge");
        assertThat(completed.getHeadline()).isEqualTo("Council sends the bridge to the voters");
        assertThat(completed.getPublishedAt()).isEqualTo(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(completed.getUpdatedAt()).as("the feed has none; the page's").isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(completed.getByline()).isEqualTo(teaser.getByline()).isNotEmpty().doesNotContain("Page Author");
        assertThat(texts(completed, BlockKind.PARAGRAPH)).containsExactly(LONG_PARAGRAPH,
                "The referendum will be held in April, the mayor's office said.");
        assertThat(texts(completed, BlockKind.HEADING)).as("the page's own headline is not body text").isEmpty();
        assertThat(completed.getSummary()).isEqualTo("The council agreed to a referendum on the bridge…");
        assertThat(completed.getCategories()).containsExactly("Politics", "City", "Bridges");
        assertThat(completed.getMedia()).extracting(Media::getUrl).containsExactly(
                "https://cdn.news.example/feed-photo.jpg", "https://www.news.example/img/lead.jpg",
                "https://www.news.example/2026/11/map.png");
        assertThat(completed.getBodyHtml()).as("relative links resolved against the page's address after redirects")
                .contains("href=\"https://www.news.example/2026/11/budget.html\"");
        assertThat(completed.getContentHash()).isNotEqualTo(teaser.getContentHash());
    }

    @Test
    void whatTheFeedLacksComesFromThePage() {
        RawInput feed = feed(rss("<item><link>https://news.example/bridge</link></item>"));

        Article completed = single(feed.withLinkedPages(List.of(page("https://news.example/bridge",
                "https://news.example/bridge", bridgePage()))));

        assertThat(completed.getHeadline()).isEqualTo("Bridge: a referendum in April");
        assertThat(completed.getHeadlineDerived()).isFalse();
        assertThat(completed.getByline()).containsExactly("Page Author");
        assertThat(completed.getPublishedAt()).isEqualTo(Instant.parse("2026-11-24T17:00:00Z"));
        assertThat(completed.getLanguage()).isEqualTo("en");
        assertThat(completed.getSummary()).isEqualTo("The page's own description of the bridge story.");
        assertThat(completed.getCanonicalUrl()).isEqualTo("https://news.example/bridge");
    }

    @Test
    void aPageThatCannotBeReadLeavesTheTeaserAsItWas() {
        RawInput feed = feed(rss(item("bridge", "https://news.example/bridge", "<p>The council agreed to a referendum…</p>")));
        Article teaser = single(feed);

        for (LinkedPage unreadable : List.of(
                page("https://news.example/bridge", null, "{\"not\": \"a page\"}"),
                page("https://news.example/bridge", null, "<html><body><nav><a href=/a>A</a></nav></body></html>"),
                new LinkedPage("https://news.example/bridge", null, "text/html", null, new byte[] {0, 1, 2, 3, (byte) 0xff},
                        FETCHED_AT))) {
            Article kept = single(feed.withLinkedPages(List.of(unreadable)));
            assertThat(kept.getContentHash()).isEqualTo(teaser.getContentHash());
            assertThat(kept.getBlocks()).isEqualTo(teaser.getBlocks());
            assertThat(kept.getSummary()).isEqualTo(teaser.getSummary());
        }
    }

    @Test
    void aPageForAnotherLinkIsIgnored() {
        RawInput feed = feed(rss(item("bridge", "https://news.example/bridge", "<p>The council agreed to a referendum…</p>")));

        Article article = single(feed.withLinkedPages(List.of(page("https://news.example/other", null, bridgePage()))));

        assertThat(article.getContentHash()).isEqualTo(single(feed).getContentHash());
    }

    @Test
    void anItemWithNeitherTextNorALinkIsRejectedSayingSo() {
        RawInput feed = feed(rss("<item><title>Kept</title><description>Some text.</description></item>"
                + "<item><category>Nothing else</category></item>"
                + "<item><link>https://news.example/gone</link></item>"));

        ParsedDocument parsed = PARSER.parse(feed.withLinkedPages(List.of(page("https://news.example/gone", null,
                "<html><body><p>Gone.</p></body></html>"))), lineage());

        assertThat(parsed.articles()).hasSize(1);
        assertThat(parsed.rejectedItems()).extracting(ItemRejection::reason).containsExactly(
                "Document 'feed' (application/rss+xml) item 1 has neither text (a headline or a body) nor a link to fetch it from",
                "Document 'feed' (application/rss+xml) item 2 has no text (neither a headline nor a body), and the page "
                        + "fetched from its link https://news.example/gone could not complete it: Document 'feed' item 2, "
                        + "page 'https://news.example/gone' (text/html; charset=utf-8) is an HTML page without an article: no block of prose "
                        + "of at least 80 characters (Han, kana and hangul counting three) outside navigation, link lists and boilerplate");
    }

    @Test
    void theSameDocumentWithTheSamePagesGivesTheSameArticles() {
        RawInput feed = feed(rss(item("bridge", "https://news.example/bridge", "<p>Teaser…</p>")))
                .withLinkedPages(List.of(page("https://news.example/bridge", null, bridgePage())));

        Article first = single(feed);
        Article second = single(feed);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aReducedPageCompletesTheItemLikeTheWholePage() {
        RawInput feed = feed(rss(item("bridge", "https://news.example/bridge", "<p>Teaser…</p>")));
        LinkedPage whole = page("https://news.example/bridge", "https://www.news.example/2026/11/bridge.html", bridgePage());

        Article fromWhole = single(feed.withLinkedPages(List.of(whole)));
        Article fromReduced = single(feed.withLinkedPages(List.of(PageReducer.reduce(whole))));

        assertThat(fromReduced.getContentHash()).isEqualTo(fromWhole.getContentHash());
        assertThat(fromReduced.getBodyHtml()).isEqualTo(fromWhole.getBodyHtml());
        assertThat(fromReduced.getCategories()).isEqualTo(fromWhole.getCategories());
    }

    private static Article single(RawInput input) {
        ParsedDocument parsed = PARSER.parse(input, lineage());
        assertThat(parsed.rejectedItems()).isEmpty();
        assertThat(parsed.articles()).hasSize(1);
        return parsed.articles().get(0);
    }

    static RawInput feed(String rss) {
        return new RawInput("feed", "test-source", "application/rss+xml", "https://news.example/feed.xml", null, Map.of(),
                rss.getBytes(StandardCharsets.UTF_8), FETCHED_AT, null);
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>https://news.example/</link>"
                + "<language>en</language>" + String.join("", items) + "</channel></rss>";
    }

    static String item(String title, String link, String descriptionHtml) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (descriptionHtml == null ? "" : "<description><![CDATA[" + descriptionHtml + "]]></description>") + "</item>";
    }

    static LinkedPage page(String url, String fetchedUrl, String html) {
        return new LinkedPage(url, fetchedUrl, "text/html; charset=utf-8", null, html.getBytes(StandardCharsets.UTF_8),
                FETCHED_AT);
    }

    static String bridgePage() {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge: a referendum in April | News</title>"
                + "<meta property=\"og:title\" content=\"Bridge: a referendum in April\">"
                + "<meta property=\"og:description\" content=\"The page's own description of the bridge story.\">"
                + "<meta property=\"og:image\" content=\"/img/lead.jpg\">"
                + "<meta property=\"article:published_time\" content=\"2026-11-24T17:00:00Z\">"
                + "<meta property=\"article:modified_time\" content=\"2026-11-25T08:00:00Z\">"
                + "<meta property=\"article:section\" content=\"City\">"
                + "<meta property=\"article:tag\" content=\"Bridges\">"
                + "<meta name=\"author\" content=\"Page Author\">"
                + "<script>window.tracking = {};</script><style>body { color: black; }</style></head>"
                + "<body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/city\">City</a></li></ul></nav>"
                + "<article><h1>Bridge: a referendum in April</h1>"
                + "<p>" + LONG_PARAGRAPH.replace("independent auditor", "<a href=\"budget.html\">independent auditor</a>") + "</p>"
                + "<figure><img src=\"map.png\" alt=\"Map of the bridge\"><figcaption>The planned bridge</figcaption></figure>"
                + "<p>The referendum will be held in April, the mayor's office said.</p></article>"
                + "<aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">Another story</a></li></ul></aside>"
                + "<footer>© News</footer></body></html>";
    }
}
