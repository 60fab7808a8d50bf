package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import dev.newsroom.schemas.MediaKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** What each format reader maps, beyond the samples; and how the format is decided. */
class FormatsTest {

    @Test
    void rss091WithAuthorEmailAndRelativeLink() {
        String rss = "<?xml version=\"1.0\"?><rss version=\"0.91\"><channel><title>Old</title><link>https://old.example/</link>"
                + "<language>en-gb</language><item><title>Council approves &amp; budget</title><link>/news/1</link>"
                + "<description>&lt;p&gt;The council approved the budget.&lt;/p&gt;</description></item></channel></rss>";
        Article article = Fixtures.single("application/rss+xml", rss);
        assertThat(article.getHeadline()).isEqualTo("Council approves & budget");
        assertThat(article.getCanonicalUrl()).isEqualTo("https://old.example/news/1");
        assertThat(article.getLanguage()).isEqualTo("en-GB");
        assertThat(article.getBlocks()).extracting(BodyBlock::getText).containsExactly("The council approved the budget.");
        assertThat(article.getSummary()).as("a description that is the body is not also a summary").isNull();
    }

    @Test
    void rss10RdfWithDublinCoreAndContentEncoded() {
        String rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel rdf:about=\"https://rdf.example/\"><title>RDF</title><link>https://rdf.example/</link><description>d</description>"
                + "<items><rdf:Seq><rdf:li rdf:resource=\"https://rdf.example/a\"/></rdf:Seq></items></channel>"
                + "<item rdf:about=\"https://rdf.example/a\"><title>RDF story</title><link>https://rdf.example/a</link>"
                + "<description>Short summary.</description><dc:creator>Marie Curie</dc:creator><dc:date>2025-12-14T10:30:00+03:00</dc:date>"
                + "<dc:subject>Science</dc:subject><dc:language>fr</dc:language>"
                + "<content:encoded><![CDATA[<p>Le texte complet de l'article.</p>]]></content:encoded></item></rdf:RDF>";
        ParsedDocument document = parse("application/rdf+xml", rdf);
        assertThat(document.format()).isEqualTo(InputFormat.RSS);
        Article article = document.articles().get(0);
        assertThat(article.getByline()).containsExactly("Marie Curie");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
        assertThat(article.getCategories()).containsExactly("Science");
        assertThat(article.getLanguage()).isEqualTo("fr");
        assertThat(article.getSummary()).isEqualTo("Short summary.");
        assertThat(article.getBlocks()).extracting(BodyBlock::getText).containsExactly("Le texte complet de l'article.");
        assertThat(article.getId()).isEqualTo("https://rdf.example/a");
    }

    @Test
    void rss20MediaRssAndEnclosures() {
        String rss = "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>t</title><link>https://m.example/</link>"
                + "<item><title>Pictures</title><link>https://m.example/p</link><description>Body &amp;nbsp;text.</description>"
                + "<media:content url=\"https://m.example/big.jpg\" medium=\"image\" width=\"1200\" height=\"800\">"
                + "<media:description>Flooded street</media:description><media:credit>AFP</media:credit></media:content>"
                + "<media:thumbnail url=\"/thumb.jpg\" width=\"120\" height=\"80\"/>"
                + "<enclosure url=\"https://m.example/clip.mp3\" type=\"audio/mpeg\" length=\"1234\"/>"
                + "<category>Weather</category><category>Floods</category></item></channel></rss>";
        Article article = Fixtures.single("application/rss+xml", rss);
        assertThat(article.getMedia()).extracting(Media::getUrl).containsExactly("https://m.example/clip.mp3", "https://m.example/big.jpg",
                "https://m.example/thumb.jpg");
        Media image = article.getMedia().get(1);
        assertThat(image.getKind()).isEqualTo(MediaKind.IMAGE);
        assertThat(image.getCaption()).isEqualTo("Flooded street");
        assertThat(image.getCredit()).isEqualTo("AFP");
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(article.getMedia().get(0).getKind()).isEqualTo(MediaKind.AUDIO);
        assertThat(article.getMedia().get(0).getMimeType()).isEqualTo("audio/mpeg");
        assertThat(article.getCategories()).containsExactly("Weather", "Floods");
    }

    @Test
    void htmlNamedEntitiesInAFeedDoNotBreakIt() {
        String rss = "<rss version=\"2.0\"><channel><title>t&nbsp;feed</title><item><title>Caf&eacute; reopens</title>"
                + "<description>Text&hellip;</description></item></channel></rss>";
        assertThat(Fixtures.single("application/rss+xml", rss).getHeadline()).isEqualTo("Café reopens");
    }

    @Test
    void atomXmlBaseResolvesLinksAndContentAndXmlLangIsTheLanguage() {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://base.example/root/\" xml:lang=\"en-US\">"
                + "<title>t</title><id>urn:feed</id><updated>2025-12-14T00:00:00Z</updated>"
                + "<entry xml:base=\"section/\" xml:lang=\"de\"><id>urn:e1</id><title type=\"html\">&lt;b&gt;Bonn&lt;/b&gt; story</title>"
                + "<link href=\"story.html\"/><updated>2025-12-14T01:00:00Z</updated>"
                + "<summary type=\"html\">&lt;p&gt;Kurz.&lt;/p&gt;</summary>"
                + "<content type=\"html\">&lt;p&gt;See &lt;a href=\"other.html\"&gt;other&lt;/a&gt; &lt;img src=\"pic.jpg\" alt=\"Bild\"&gt;&lt;/p&gt;</content>"
                + "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"/img/e.jpg\"/>"
                + "<category term=\"pol\" label=\"Politik\"/><category term=\"wirtschaft\"/></entry></feed>";
        Article article = Fixtures.single("application/atom+xml", atom);
        assertThat(article.getCanonicalUrl()).isEqualTo("https://base.example/root/section/story.html");
        assertThat(article.getBlocks().get(0).getHtml()).isEqualTo("See <a href=\"https://base.example/root/section/other.html\">other</a>");
        assertThat(article.getMedia()).extracting(Media::getUrl).containsExactly("https://base.example/img/e.jpg",
                "https://base.example/root/section/pic.jpg");
        assertThat(article.getHeadline()).isEqualTo("Bonn story");
        assertThat(article.getLanguage()).isEqualTo("de");
        assertThat(article.getSummary()).isEqualTo("Kurz.");
        assertThat(article.getCategories()).containsExactly("Politik", "wirtschaft");
        assertThat(article.getPublishedAt()).as("updated stands in for a missing published").isEqualTo(Instant.parse("2025-12-14T01:00:00Z"));
        assertThat(article.getId()).isEqualTo("urn:e1");
    }

    @Test
    void atomTextContentAndSummaryOnlyEntries() {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id>"
                + "<entry><id>urn:a</id><title>Text entry</title><content type=\"text\">First para &lt;not a tag&gt;.\n\nSecond para.</content></entry>"
                + "<entry><id>urn:b</id><title>Summary only</title><summary>Just a summary.</summary></entry></feed>";
        ParsedDocument document = parse("application/atom+xml", atom);
        assertThat(document.articles().get(0).getBlocks()).extracting(BodyBlock::getText).containsExactly("First para <not a tag>.", "Second para.");
        assertThat(document.articles().get(0).getBodyHtml()).isEqualTo("<p>First para &lt;not a tag&gt;.</p><p>Second para.</p>");
        assertThat(document.articles().get(1).getBlocks()).extracting(BodyBlock::getText).containsExactly("Just a summary.");
        assertThat(document.articles().get(1).getSummary()).isNull();
    }

    @Test
    void jsonFeed10WithSingleAuthorContentTextAndImage() {
        String feed = "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"Old JSON\", \"home_page_url\": \"https://j.example/\","
                + " \"author\": {\"name\": \"Feed Author\"}, \"items\": [{\"id\": \"42\", \"url\": \"/posts/42\", \"title\": \"Plain\","
                + " \"content_text\": \"Line one is a paragraph.\\n\\nLine two too.\", \"image\": \"/i/42.png\", \"date_modified\": \"2025-12-14T07:30:00Z\","
                + " \"language\": \"es\", \"tags\": [\"a\", \"b\"]}]}";
        Article article = Fixtures.single("application/json", feed);
        assertThat(article.getId()).isEqualTo("test-source:42");
        assertThat(article.getCanonicalUrl()).isEqualTo("https://j.example/posts/42");
        assertThat(article.getByline()).containsExactly("Feed Author");
        assertThat(article.getBlocks()).hasSize(2);
        assertThat(article.getMedia()).extracting(Media::getUrl).containsExactly("https://j.example/i/42.png");
        assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
        assertThat(article.getLanguage()).isEqualTo("es");
        assertThat(article.getCategories()).containsExactly("a", "b");
    }

    @Test
    void ninjs1xFields() {
        String ninjs = "{\"uri\": \"http://wire.example/1\", \"type\": \"text\", \"headline\": \"Old style\", \"byline\": \"By Jo\","
                + " \"body_html\": \"<p>HTML body.</p>\", \"description_text\": \"Desc.\", \"language\": \"en\","
                + " \"versioncreated\": \"2025-12-14T07:30:00Z\", \"subject\": [{\"name\": \"economy\", \"code\": \"medtop:04000000\"}],"
                + " \"altids\": {\"guid\": \"g-1\"},"
                + " \"associations\": {\"featureimage\": {\"type\": \"picture\", \"headline\": \"Cap\", \"renditions\": {\"original\": "
                + "{\"href\": \"https://wire.example/p.jpg\", \"width\": 800, \"height\": 600, \"mimetype\": \"image/jpeg\"}}}}}";
        Article article = Fixtures.single("application/json", ninjs);
        assertThat(article.getHeadline()).isEqualTo("Old style");
        assertThat(article.getByline()).containsExactly("By Jo");
        assertThat(article.getSummary()).isEqualTo("Desc.");
        assertThat(article.getCategories()).containsExactly("economy");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
        assertThat(article.getAltIds()).extracting(a -> a.getRole() + "=" + a.getValue()).contains("guid=g-1");
        assertThat(article.getId()).as("an http uri is also the canonical URL").isEqualTo("http://wire.example/1");
        assertThat(article.getMedia()).singleElement().satisfies(media -> {
            assertThat(media.getCaption()).isEqualTo("Cap");
            assertThat(media.getMimeType()).isEqualTo("image/jpeg");
            assertThat(media.getHeight()).isEqualTo(600);
        });
    }

    @Test
    void ninjsArrayYieldsOneArticlePerItem() {
        String ninjs = "[{\"uri\": \"urn:a\", \"headline\": \"A\", \"body_text\": \"Body A.\"}, {\"uri\": \"urn:b\", \"headline\": \"B\", \"body_text\": \"Body B.\"}]";
        assertThat(parse("application/json", ninjs).articles()).extracting(Article::getId).containsExactly("urn:a", "urn:b");
    }

    @Test
    void declaredHtmlThatIsReallyRssIsParsedAsRss() {
        ParsedDocument document = parse(input("mislabelled", "text/html; charset=utf-8", null, Fixtures.sample("feed-ar.rss")));
        assertThat(document.format()).isEqualTo(InputFormat.RSS);
        assertThat(document.articles()).hasSize(3);
        assertThat(document.articles().get(0).getLineage().getFormat()).isEqualTo("rss");
    }

    @Test
    void declaredPlainTextThatIsReallyHtmlIsParsedAsHtml() {
        assertThat(parse(input("p", "text/plain", null, Fixtures.sample("page-ar-palmyra.html"))).format()).isEqualTo(InputFormat.HTML);
    }

    @Test
    void forcedFormatOverridesSniffing() {
        RawInput raw = input("forced", "text/html", null, "<p>Angle brackets are just text here.</p>".getBytes(StandardCharsets.UTF_8))
                .withForcedFormat(InputFormat.TEXT);
        ParsedDocument document = parse(raw);
        assertThat(document.format()).isEqualTo(InputFormat.TEXT);
        assertThat(document.articles().get(0).getBlocks().get(0).getText()).isEqualTo("<p>Angle brackets are just text here.</p>");
        assertThat(InputFormat.fromName("auto")).isNull();
        assertThat(InputFormat.fromName("jsonfeed")).isEqualTo(InputFormat.JSONFEED);
        assertThat(InputFormat.NINJS.format()).isEqualTo("ninjs");
    }

    @Test
    void htmlFragmentWithoutHeadIsStillAPage() {
        String fragment = "<article><h1>Fragment headline</h1><p>" + "Fragment body sentence with enough words to count. ".repeat(5) + "</p></article>";
        Article article = Fixtures.single(null, fragment);
        assertThat(article.getHeadline()).isEqualTo("Fragment headline");
        assertThat(article.getBlocks()).extracting(BodyBlock::getKind).containsExactly(BlockKind.PARAGRAPH);
    }

    @Test
    void pageMetadataFallsBackToMetaTagsAndTimeElement() {
        String page = "<html lang=\"fr-FR\"><head><title>Titre de la page | Exemple</title><meta name=\"author\" content=\"Par Jean Dupont\">"
                + "<meta name=\"description\" content=\"Résumé.\"><meta name=\"keywords\" content=\"économie, emploi\">"
                + "<meta property=\"og:image\" content=\"/img/une.jpg\"><meta property=\"og:image:alt\" content=\"La une\"></head><body>"
                + "<article><time class=\"published\" datetime=\"2025-12-14T08:30:00+01:00\">14 déc.</time><p>"
                + "Le chômage a baissé au troisième trimestre, selon les chiffres publiés mardi par l'institut national. ".repeat(3)
                + "</p></article></body></html>";
        Article article = parse(input("fr", "text/html", "https://exemple.fr/eco/1?utm_source=x#top", page.getBytes(StandardCharsets.UTF_8))).articles().get(0);
        assertThat(article.getHeadline()).isEqualTo("Titre de la page");
        assertThat(article.getByline()).containsExactly("Jean Dupont");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
        assertThat(article.getSummary()).isEqualTo("Résumé.");
        assertThat(article.getCategories()).containsExactly("économie", "emploi");
        assertThat(article.getLanguage()).isEqualTo("fr-FR");
        assertThat(article.getCanonicalUrl()).as("the document URI, normalised, when the page names no canonical URL").isEqualTo("https://exemple.fr/eco/1");
        assertThat(article.getMedia()).singleElement().satisfies(media -> {
            assertThat(media.getUrl()).isEqualTo("https://exemple.fr/img/une.jpg");
            assertThat(media.getCaption()).isEqualTo("La une");
        });
    }

    @Test
    void pageWhoseBodyIsOnlyInJsonLdUsesArticleBody() {
        String page = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"From JSON-LD\",\"author\":[{\"name\":\"A\"},{\"name\":\"B\"}],"
                + "\"articleBody\":\"The body lives only in structured data.\",\"keywords\":[\"k1\"],\"image\":[{\"url\":\"https://l.example/i.jpg\"}]}]}"
                + "</script></head><body><nav><a href=\"/\">Home</a></nav></body></html>";
        Article article = Fixtures.single("text/html", page);
        assertThat(article.getHeadline()).isEqualTo("From JSON-LD");
        assertThat(article.getByline()).containsExactly("A", "B");
        assertThat(article.getBlocks()).extracting(BodyBlock::getText).containsExactly("The body lives only in structured data.");
        assertThat(article.getCategories()).containsExactly("k1");
        assertThat(article.getMedia()).extracting(Media::getUrl).containsExactly("https://l.example/i.jpg");
    }
    @Test
    void standfirstOutsideTheBodyContainerIsKeptButAnArticleHeaderWithTheTitleIsNot() {
        String prose = "The committee met for six hours and agreed the new rules on tuesday evening, officials said. ";
        String page = "<html><body><div class=\"article\"><header><h1>Rules agreed</h1><span>By Ana</span></header>"
                + "<div class=\"perex\">A long night of talks ended with a deal that changes how the city plans its roads.</div>"
                + "<div class=\"article-content\"><p>" + prose.repeat(3) + "</p><p>" + prose.repeat(2) + "</p></div>"
                + "<div class=\"share\">Share on Facebook</div></div></body></html>";
        Article article = Fixtures.single("text/html", page);
        assertThat(article.getBlocks()).extracting(BodyBlock::getText).first()
                .isEqualTo("A long night of talks ended with a deal that changes how the city plans its roads.");
        assertThat(article.getBodyHtml()).doesNotContain("Rules agreed").doesNotContain("By Ana").doesNotContain("Share on Facebook");
    }

    @Test
    void headerHoldingOnlyTheDeckIsPartOfTheBody() {
        String prose = "Researchers followed five volunteers through a simple task and timed each decision, the study says. ";
        String page = "<html><body><div class=\"article_body\"><header>New research looks at the moment an idea becomes conscious, "
                + "and what the brain does just before it.</header><p>" + prose.repeat(3) + "</p><p>" + prose.repeat(2) + "</p></div>"
                + "<header class=\"site\"><a href=\"/\">Home</a> Site tagline</header></body></html>";
        Article article = Fixtures.single("text/html", page);
        assertThat(article.getBlocks()).extracting(BodyBlock::getText).first().asString()
                .startsWith("New research looks at the moment");
        assertThat(article.getBodyHtml()).doesNotContain("Site tagline");
    }
}
