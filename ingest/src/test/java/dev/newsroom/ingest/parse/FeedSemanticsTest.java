package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.Media;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.allText;
import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSS and Atom items read as the reference feed parser reads them (its documentation's element mappings), on
 * fixtures written from the RSS 0.91/1.0/2.0, Atom 0.3 and Atom 1.0 specifications.
 */
class FeedSemanticsTest {

    private static final String DC = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
    private static final String BODY = "A paragraph of the story, long enough to be read as the story's text by anyone.";

    private static List<Article> rss(String items) {
        return parse(input("feed", "application/rss+xml", "<rss version=\"2.0\" " + DC
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
                + " xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Feed</title><link>https://news.example/</link>"
                + items + "</channel></rss>")).articles();
    }

    private static Article oneRss(String item) {
        List<Article> articles = rss(item);
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }

    private static Article oneAtom(String entry) {
        List<Article> articles = parse(input("feed", "application/atom+xml",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\" " + DC + " xml:base=\"https://news.example/blog/\">"
                        + "<title>Feed</title><author><name>Feed Author</name></author>" + entry + "</feed>")).articles();
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }

    private static Article oneAtom03(String entry) {
        List<Article> articles = parse(input("feed", "application/atom+xml",
                "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Feed</title>" + entry + "</feed>")).articles();
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Rss {

        @Test
        void itemsWithoutAChannelAreRead() {
            ParsedDocument document = parse(input("bare", "application/rss+xml",
                    "<rss><item><description>" + BODY + "</description></item></rss>"));
            assertThat(document.articles()).singleElement().satisfies(article -> {
                assertThat(article.getBlocks()).singleElement().satisfies(block -> assertThat(block.getText()).isEqualTo(BODY));
                assertThat(article.getHeadlineDerived()).isTrue();
            });
        }

        @Test
        void rdfItemsAreRead() {
            List<Article> articles = parse(input("rdf", "application/rdf+xml", """
                    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                             xmlns:dc="http://purl.org/dc/elements/1.1/">
                      <channel rdf:about="https://news.example/"><title>Feed</title><link>https://news.example/</link></channel>
                      <item rdf:about="https://news.example/a"><title>First</title><description>One</description>
                        <dc:date>2004-01-01T10:00:00+01:00</dc:date><dc:creator>Ann Writer</dc:creator><dc:subject>Politics</dc:subject>
                      </item>
                      <item rdf:about="https://news.example/b"><title>Second</title><link>https://news.example/b2</link></item>
                    </rdf:RDF>""")).articles();
            assertThat(articles).extracting(Article::getHeadline).containsExactly("First", "Second");
            Article first = articles.get(0);
            assertThat(first.getCanonicalUrl()).isEqualTo("https://news.example/a");
            assertThat(first.getPublishedAt()).isEqualTo(Instant.parse("2004-01-01T09:00:00Z"));
            assertThat(first.getByline()).containsExactly("Ann Writer");
            assertThat(first.getCategories()).containsExactly("Politics");
            assertThat(articles.get(1).getCanonicalUrl()).isEqualTo("https://news.example/b2");
        }

        @Test
        void dublinCoreTitleAndDescriptionAreEnough() {
            Article titleOnly = oneRss("<item><dc:title>Only a Dublin Core title</dc:title></item>");
            assertThat(titleOnly.getHeadline()).isEqualTo("Only a Dublin Core title");
            assertThat(titleOnly.getHeadlineDerived()).isFalse();
            Article descriptionOnly = oneRss("<item><dc:description>" + BODY + "</dc:description></item>");
            assertThat(allText(descriptionOnly)).contains(BODY);
        }

        @Test
        void contentIsTheBodyAndTheDescriptionItsSummary() {
            Article article = oneRss("<item><title>T</title><description>The teaser.</description>"
                    + "<content:encoded><![CDATA[<p>" + BODY + "</p>]]></content:encoded></item>");
            assertThat(article.getBlocks()).singleElement().satisfies(block -> assertThat(block.getText()).isEqualTo(BODY));
            assertThat(article.getSummary()).isEqualTo("The teaser.");
        }

        @Test
        void twoDescriptionsWithoutContentAreSummaryThenBody() {
            Article article = oneRss("<item><title>T</title><description>The teaser.</description>"
                    + "<dc:description>" + BODY + "</dc:description></item>");
            assertThat(article.getSummary()).isEqualTo("The teaser.");
            assertThat(allText(article)).contains(BODY);
        }

        @Test
        void itunesAndMediaFillWhatTheCoreLeavesOut() {
            Article article = oneRss("<item><media:title>Episode 12</media:title><itunes:author>Host Name</itunes:author>"
                    + "<itunes:summary>" + BODY + "</itunes:summary></item>");
            assertThat(article.getHeadline()).isEqualTo("Episode 12");
            assertThat(article.getByline()).containsExactly("Host Name");
            assertThat(allText(article)).contains(BODY);
            Article withTitle = oneRss("<item><title>Core title</title><media:title>Media title</media:title>"
                    + "<media:group><media:description>" + BODY + "</media:description></media:group></item>");
            assertThat(withTitle.getHeadline()).isEqualTo("Core title");
            assertThat(allText(withTitle)).contains(BODY);
        }

        @Test
        void authorsInEveryFormFeedsWriteThem() {
            assertThat(oneRss("<item><title>T</title><author>jane@example.com (Jane Doe)</author></item>").getByline())
                    .containsExactly("Jane Doe");
            assertThat(oneRss("<item><title>T</title><author>Jane Doe &lt;jane@example.com&gt;</author></item>").getByline())
                    .containsExactly("Jane Doe");
            assertThat(oneRss("<item><title>T</title><dc:creator>Ann</dc:creator><dc:creator>Bob</dc:creator></item>").getByline())
                    .containsExactly("Ann", "Bob");
            assertThat(oneRss("<item><title>T</title><author>jane@example.com</author></item>").getByline()).isEmpty();
        }

        @Test
        void itemsWithoutAuthorTakeTheChannelsManagingEditor() {
            List<Article> articles = parse(input("feed", "application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>F</title><managingEditor>desk@news.example (The Desk)</managingEditor>"
                            + "<item><title>A</title></item><item><title>B</title><author>b@news.example (Bea)</author></item>"
                            + "</channel></rss>")).articles();
            assertThat(articles).extracting(Article::getByline).containsExactly(List.of("The Desk"), List.of("Bea"));
        }

        @Test
        void titlesAreTextUnlessTheyLookLikeHtml() {
            assertThat(oneRss("<item><title>History of the &lt;blink&gt; tag</title></item>").getHeadline())
                    .isEqualTo("History of the <blink> tag");
            assertThat(oneRss("<item><title>Tom &amp;amp; Jerry</title></item>").getHeadline()).isEqualTo("Tom & Jerry");
            assertThat(oneRss("<item><title>&lt;b&gt;Bold&lt;/b&gt; move</title></item>").getHeadline()).isEqualTo("Bold move");
            assertThat(oneRss("<item><title>AT&amp;T results</title></item>").getHeadline()).isEqualTo("AT&T results");
            assertThat(oneRss("<item><title>1 &lt; 2 &gt; 0</title></item>").getHeadline()).isEqualTo("1 < 2 > 0");
        }

        @Test
        void linksResolveAndFallBackToPermalinkGuids() {
            assertThat(oneRss("<item><title>T</title><link>/2025/a</link></item>").getCanonicalUrl())
                    .isEqualTo("https://news.example/2025/a");
            assertThat(oneRss("<item><title>T</title><guid>https://news.example/g</guid></item>").getCanonicalUrl())
                    .isEqualTo("https://news.example/g");
            assertThat(oneRss("<item><title>T</title><guid isPermaLink=\"false\">https://news.example/g</guid></item>")
                    .getCanonicalUrl()).isNull();
            Article feedburner = parse(input("fb", "application/rss+xml",
                    "<rss version=\"2.0\" xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\"><channel><title>F</title>"
                            + "<item><title>T</title><link>http://feeds.example/~r/x/~3/abc</link>"
                            + "<feedburner:origLink>https://news.example/real</feedburner:origLink></item></channel></rss>"))
                    .articles().get(0);
            assertThat(feedburner.getCanonicalUrl()).isEqualTo("https://news.example/real");
        }

        @Test
        void datesFromPubDateElseDublinCore() {
            Article article = oneRss("<item><title>T</title><pubDate>Sun, 14 Dec 2025 07:30:00 GMT</pubDate>"
                    + "<dc:date>2020-01-01</dc:date></item>");
            assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
            assertThat(oneRss("<item><title>T</title><dc:date>2025-12-14T08:00:00+01:00</dc:date></item>").getPublishedAt())
                    .isEqualTo(Instant.parse("2025-12-14T07:00:00Z"));
        }

        @Test
        void categoriesFromCategoryAndSubject() {
            assertThat(oneRss("<item><title>T</title><category domain=\"x\">Sport</category><dc:subject>Football</dc:subject></item>")
                    .getCategories()).containsExactly("Sport", "Football");
        }

        @Test
        void languageFromTheItemElseTheChannel() {
            List<Article> articles = parse(input("feed", "application/rss+xml", "<rss version=\"2.0\" " + DC + "><channel>"
                    + "<language>ar</language><item><title>أ</title></item><item><dc:language>fr</dc:language><title>B</title></item>"
                    + "</channel></rss>")).articles();
            assertThat(articles).extracting(Article::getLanguage).containsExactly("ar", "fr");
        }

        @Test
        void enclosuresAndMediaAreKept() {
            Article article = oneRss("<item><title>T</title><enclosure url=\"https://cdn.example/a.mp3\" type=\"audio/mpeg\" length=\"1\"/>"
                    + "<media:content url=\"https://cdn.example/p.jpg\" medium=\"image\"><media:description>A caption</media:description>"
                    + "</media:content></item>");
            assertThat(article.getMedia()).extracting(Media::getUrl).containsExactly("https://cdn.example/a.mp3", "https://cdn.example/p.jpg");
            assertThat(article.getMedia().get(1).getCaption()).isEqualTo("A caption");
        }
    }

    @Nested
    class Atom {

        @Test
        void textTitlesKeepEscapedMarkupAsText() {
            assertThat(oneAtom("<entry><title type=\"text\">Less &lt;b&gt;than&lt;/b&gt;</title></entry>").getHeadline())
                    .isEqualTo("Less <b>than</b>");
            assertThat(oneAtom("<entry><title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; move</title></entry>").getHeadline())
                    .isEqualTo("Bold move");
        }

        @Test
        void xhtmlTitlesKeepEveryWord() {
            Article article = oneAtom("<entry><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">History of the "
                    + "&lt;blink&gt; tag</div></title></entry>");
            assertThat(article.getHeadline()).isEqualTo("History of the <blink> tag");
        }

        @Test
        void xhtmlContentDropsItsWrapperDiv() {
            Article article = oneAtom("<entry><title>T</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                    + "<p>" + BODY + "</p><p>Second <em>part</em>.</p></div></content></entry>");
            assertThat(article.getBlocks()).hasSize(2);
            assertThat(article.getBodyHtml()).contains("<em>part</em>").doesNotContain("<div");
        }

        @Test
        void base64AndOctetStreamContentIsDecoded() {
            Article octets = oneAtom("<entry><title type=\"application/octet-stream\">" + base64("Decoded headline") + "</title>"
                    + "<content type=\"application/octet-stream\">" + base64(BODY) + "</content></entry>");
            assertThat(octets.getHeadline()).isEqualTo("Decoded headline");
            assertThat(allText(octets)).contains(BODY);
        }

        @Test
        void linksTakeTheAlternateOfAnHtmlTypeAndResolveAgainstXmlBase() {
            Article article = oneAtom("<entry><title>T</title><link rel=\"self\" href=\"/api/1\"/>"
                    + "<link rel=\"alternate\" type=\"application/pdf\" href=\"a.pdf\"/><link href=\"2025/story\"/>"
                    + "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"img/p.jpg\"/></entry>");
            assertThat(article.getCanonicalUrl()).isEqualTo("https://news.example/blog/2025/story");
            assertThat(article.getMedia()).extracting(Media::getUrl).containsExactly("https://news.example/blog/img/p.jpg");
        }

        @Test
        void relativeLinksInContentResolveAgainstTheContentsBase() {
            Article article = oneAtom("<entry><title>T</title><content type=\"html\" xml:base=\"https://other.example/dir/\">"
                    + "&lt;p&gt;" + BODY + " &lt;a href=\"page\"&gt;more&lt;/a&gt;&lt;/p&gt;</content></entry>");
            assertThat(article.getBodyHtml()).contains("href=\"https://other.example/dir/page\"");
        }

        @Test
        void entriesWithoutAuthorsTakeTheSourcesThenTheFeeds() {
            assertThat(oneAtom("<entry><title>T</title></entry>").getByline()).containsExactly("Feed Author");
            assertThat(oneAtom("<entry><title>T</title><source><author><name>Wire</name></author></source></entry>").getByline())
                    .containsExactly("Wire");
            assertThat(oneAtom("<entry><title>T</title><author><name>Own</name><email>o@x.example</email></author></entry>").getByline())
                    .containsExactly("Own");
        }

        @Test
        void anEntryUpdatedOnlyWasPublishedThen() {
            Article article = oneAtom("<entry><title>T</title><updated>2025-12-14T07:30:00Z</updated></entry>");
            assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
            assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
        }

        @Test
        void categoriesPreferTheLabel() {
            assertThat(oneAtom("<entry><title>T</title><category term=\"pol\" label=\"Politics\"/><category term=\"sport\"/></entry>")
                    .getCategories()).containsExactly("Politics", "sport");
        }

        @Test
        void contentLanguageWins() {
            Article article = oneAtom("<entry xml:lang=\"en\"><title>T</title><content type=\"text\" xml:lang=\"fr\">" + BODY
                    + "</content></entry>");
            assertThat(article.getLanguage()).isEqualTo("fr");
        }

        @Test
        void outOfLineContentGivesTheLink() {
            Article article = oneAtom("<entry><title>T</title><content src=\"https://news.example/full\" type=\"text/html\"/>"
                    + "<summary>" + BODY + "</summary></entry>");
            assertThat(article.getCanonicalUrl()).isEqualTo("https://news.example/full");
            assertThat(allText(article)).contains(BODY);
        }
    }

    @Nested
    class Atom03 {

        @Test
        void escapedModeIsMarkup() {
            Article article = oneAtom03("<entry><title mode=\"escaped\" type=\"text/html\">&lt;i&gt;Italic&lt;/i&gt; title</title>"
                    + "<issued>2004-01-01T10:00:00Z</issued><modified>2004-01-02T10:00:00Z</modified></entry>");
            assertThat(article.getHeadline()).isEqualTo("Italic title");
            assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2004-01-01T10:00:00Z"));
            assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2004-01-02T10:00:00Z"));
        }

        @Test
        void base64ModeIsDecoded() {
            Article article = oneAtom03("<entry><title>T</title><content type=\"text/html\" mode=\"base64\">"
                    + base64("<p>" + BODY + "</p>") + "</content></entry>");
            assertThat(article.getBlocks()).singleElement().satisfies(block -> assertThat(block.getText()).isEqualTo(BODY));
        }

        @Test
        void nakedMarkupIsNotEscapedIntoVisibleTags() {
            Article article = oneAtom03("<entry><title>T</title><summary>Some <b>bold</b> words in a summary that is the body here."
                    + "</summary></entry>");
            assertThat(allText(article)).contains("Some bold words").doesNotContain("<b>");
        }

        @Test
        void multipartAlternativePrefersHtml() {
            Article article = oneAtom03("<entry><title>T</title><content type=\"multipart/alternative\">"
                    + "<content type=\"text/plain\">Plain version</content>"
                    + "<content type=\"text/html\" mode=\"escaped\">&lt;p&gt;" + BODY + "&lt;/p&gt;</content></content></entry>");
            assertThat(allText(article)).contains(BODY).doesNotContain("Plain version");
        }

        @Test
        void authorsAndLinks() {
            Article article = oneAtom03("<entry><title>T</title><link rel=\"alternate\" type=\"text/html\" href=\"https://news.example/a\"/>"
                    + "<author><name>Mark</name><email>m@example.org</email></author><id>tag:example.org,2004:1</id></entry>");
            assertThat(article.getCanonicalUrl()).isEqualTo("https://news.example/a");
            assertThat(article.getByline()).containsExactly("Mark");
            assertThat(article.getAltIds()).extracting(AltId::getValue).contains("tag:example.org,2004:1");
        }
    }

    @Nested
    class IllFormed {

        @Test
        void undeclaredPrefixesBareAmpersandsAndHtmlEntitiesAreRecovered() {
            ParsedDocument document = parse(input("loose", "application/rss+xml",
                    "<rss version=\"2.0\"><channel><title>F</title><item><title>Q&A: caf&eacute;&nbsp;owners</title>"
                            + "<dc:creator>Ann</dc:creator><description>" + BODY + "</description></item></channel></rss>"));
            Article article = document.articles().get(0);
            assertThat(article.getHeadline()).isEqualTo("Q&A: café owners");
            assertThat(article.getByline()).containsExactly("Ann");
            assertThat(document.warnings()).anySatisfy(w -> assertThat(w).contains("bare '&'"))
                    .anySatisfy(w -> assertThat(w).contains("prefix 'dc' is not declared"));
        }

        @Test
        void aStrayEndTagIsIgnored() {
            ParsedDocument document = parse(input("stray", "application/rss+xml",
                    "<rss><channel><item><title>T</title></b><description>" + BODY + "</description></item></channel></rss>"));
            assertThat(document.articles()).singleElement().satisfies(article -> assertThat(allText(article)).contains(BODY));
            assertThat(document.warnings()).singleElement().asString().contains("</b> matches no open element");
        }

        @Test
        void aWellFormedFeedHasNoWarnings() {
            assertThat(parse(input("ar", "application/rss+xml", Fixtures.sampleText("feed-ar.rss"))).warnings()).isEmpty();
            assertThat(parse(input("en", "application/atom+xml", Fixtures.sampleText("feed-en.atom"))).warnings()).isEmpty();
        }
    }
}
