package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documents that yield nothing are rejected with a reason and a message naming the document and its declared type. */
class RejectedInputTest {

    private static RejectedDocumentException rejection(RawInput input) {
        try {
            parse(input);
        } catch (RejectedDocumentException e) {
            return e;
        }
        throw new AssertionError("expected " + input.documentId() + " to be rejected");
    }

    private static RejectedDocumentException rejection(String id, String contentType, String payload) {
        return rejection(input(id, contentType, null, payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedXmlNamesTheDocumentTypeAndPosition() {
        RejectedDocumentException e = rejection("feed-17", "application/rss+xml",
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item><title>Cut off");
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).startsWith("Document 'feed-17' (application/rss+xml) is not well-formed XML: ").contains("line 3");
    }

    @Test
    void mismatchedTagsAreRecoveredAndReportedAsWarnings() {
        ParsedDocument document = parse(input("feed-18", "application/atom+xml",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</entry></feed>"));
        assertThat(document.articles()).singleElement().satisfies(article -> assertThat(article.getHeadline()).isEqualTo("x"));
        assertThat(document.warnings()).singleElement().asString().contains("<title>", "closed by </entry>", "line 1");
    }

    @Test
    void aDocumentThatNeverClosesItsRootIsCutOff() {
        RejectedDocumentException e = rejection("feed-20", "application/rss+xml",
                "<rss version=\"2.0\"><channel><item><title>Whole</title></item>\n<item><title>Half</title>");
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("feed-20", "ends inside <item> (line 2) in <channel> (line 1) in <rss> (line 1)",
                "cut off");
    }

    @Test
    void malformedJsonFeed() {
        RejectedDocumentException e = rejection("json-1", "application/feed+json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [");
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).startsWith("Document 'json-1' (application/feed+json) is not well-formed JSON");
    }

    @Test
    void feedContentTypeOverPlainTextIsMalformed() {
        RejectedDocumentException e = rejection("feed-19", "application/rss+xml", "Service unavailable, try again later.");
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("declared as application/rss+xml but holds neither markup nor JSON");
    }

    @Test
    void emptyAndWhitespaceOnlyDocuments() {
        assertThat(rejection(input("empty", "text/html", null, new byte[0])).reason()).isEqualTo(Reason.EMPTY);
        RejectedDocumentException blank = rejection("blank", "text/plain", " \n\t \r\n ");
        assertThat(blank.reason()).isEqualTo(Reason.EMPTY);
        assertThat(blank.getMessage()).isEqualTo("Document 'blank' (text/plain) is empty (only whitespace)");
    }

    @Test
    void payloadOverTheLimitIsRefusedBeforeParsing() {
        DocumentParser small = new DocumentParser(ParserLimits.defaults().withMaxPayloadBytes(1024));
        byte[] big = "<p>x</p>".repeat(200).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.parse(input("big", "text/html", null, big), Fixtures.lineage()))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("Document 'big' (text/html) is 1600 bytes, more than the limit of 1024 bytes; it was not parsed");
                });
    }

    @Test
    void defaultLimitIsTenMegabytes() {
        byte[] overTen = new byte[10 * 1024 * 1024 + 1];
        assertThat(rejection(input("huge", "text/plain", null, overTen)).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void externalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title><description>d</description></item></channel></rss>";
        RejectedDocumentException e = rejection("xxe", "application/rss+xml", xxe);
        assertThat(e.reason()).isEqualTo(Reason.UNSAFE_XML);
        assertThat(e.getMessage()).startsWith("Document 'xxe' (application/rss+xml) declares a DOCTYPE").contains("XXE").doesNotContain("root:");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">\n");
        }
        bomb.append("]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol9;</title></feed>");
        RejectedDocumentException e = rejection("bomb", "application/atom+xml", bomb.toString());
        assertThat(e.reason()).isEqualTo(Reason.UNSAFE_XML);
        assertThat(e.getMessage()).contains("entity", "DOCTYPE");
    }

    @Test
    void anExternalDtdIsNeverReadAndTheFeedStillIs() {
        String netscape = "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://127.0.0.1:1/rss-0.91.dtd\"><rss version=\"0.91\"><channel><item><title>Caf&eacute; &amp; t</title>"
                + "</item></channel></rss>";
        assertThat(Fixtures.single("text/html", netscape).getHeadline()).isEqualTo("Café & t");
    }

    @Test
    void aDoctypeDeclaringEntitiesIsRefusedEvenWhenTheFormatIsForced() {
        String xxe = "<!-- c --><!DOCTYPE rss [<!ENTITY x \"y\">]><rss version=\"2.0\"><channel><item><title>&x;</title></item></channel></rss>";
        RejectedDocumentException e = rejection(input("forced", null, null, xxe.getBytes(StandardCharsets.UTF_8)).withForcedFormat(InputFormat.RSS));
        assertThat(e.reason()).isEqualTo(Reason.UNSAFE_XML);
        assertThat(e.getMessage()).startsWith("Document 'forced' (forced rss) declares a DOCTYPE");
    }

    @Test
    void xhtmlDoctypeOnAPageIsHarmlessBecauseHtmlIsNotParsedAsXml() {
        String page = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"
                + "<html><body><article><p>" + "A paragraph of real article prose, long enough to count as text. ".repeat(6) + "</p></article></body></html>";
        assertThat(Fixtures.single("text/html", page).getBlocks()).hasSize(1);
    }

    @Test
    void htmlWithoutAnArticle() {
        StringBuilder page = new StringBuilder("<html><head><title>Home</title></head><body><nav><ul>");
        for (int i = 0; i < 30; i++) {
            page.append("<li><a href=\"/section/").append(i).append("\">Section number ").append(i).append("</a></li>");
        }
        page.append("</ul></nav><div class=\"teasers\">");
        for (int i = 0; i < 20; i++) {
            page.append("<div class=\"teaser\"><a href=\"/story/").append(i).append("\">Headline of story ").append(i).append(" goes here</a></div>");
        }
        page.append("</div><footer>© Example</footer></body></html>");
        RejectedDocumentException e = rejection("home", "text/html; charset=utf-8", page.toString());
        assertThat(e.reason()).isEqualTo(Reason.NO_ARTICLE);
        assertThat(e.getMessage()).startsWith("Document 'home' (text/html; charset=utf-8) is an HTML page without an article");
    }

    @Test
    void binaryGarbageIsUndecodable() {
        byte[] garbage = new byte[4096];
        new Random(20261128L).nextBytes(garbage);
        RejectedDocumentException e = rejection(input("noise", "text/html", null, garbage));
        assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE);
        assertThat(e.getMessage()).startsWith("Document 'noise' (text/html) cannot be decoded as text");
    }

    @Test
    void knownBinaryFormatsAreNamed() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertThat(rejection(input("logo", "text/html", null, png)).getMessage()).contains("PNG image");
        byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
        assertThat(rejection(input("gz", "application/rss+xml", null, gzip)).getMessage()).contains("gzip-compressed");
    }

    @Test
    void jsonThatIsNeitherJsonFeedNorNinjs() {
        RejectedDocumentException e = rejection("config", "application/json", "{\"enabled\": true, \"threshold\": 3}");
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
        assertThat(e.getMessage()).startsWith("Document 'config' (application/json) is JSON but neither a JSON Feed");
    }

    @Test
    void xmlThatIsNotAFeed() {
        RejectedDocumentException e = rejection("sitemap", "application/xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>");
        assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
        assertThat(e.getMessage()).contains("root element <urlset>");
    }

    @Test
    void missingContentTypeIsNamedInTheMessage() {
        assertThat(rejection("anon", null, "").getMessage()).isEqualTo("Document 'anon' (no content type) is empty");
    }

    @Test
    void feedItemWithoutTitleOrTextIsAnItemRejectionNotADocumentRejection() {
        String rss = "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Real story</title><description>Body text of the real story.</description></item>"
                + "<item><link>https://x.example/empty</link></item></channel></rss>";
        ParsedDocument document = parse(input("feed-20", "application/rss+xml", null, rss.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.articles()).hasSize(1);
        assertThat(document.rejectedItems()).containsExactly(new ItemRejection(1,
                "Document 'feed-20' (application/rss+xml) item 1 has no text (neither a headline nor a body), and none "
                        + "was fetched from its link https://x.example/empty"));
    }

    @Test
    void plainTextThatIsOnlyJunkYieldsNoArticle() {
        RejectedDocumentException e = rejection("junk", "text/plain", "شاركها.\nاترك تعليقاً\n\nExit mobile version\n");
        assertThat(e.reason()).isEqualTo(Reason.NO_ARTICLE);
        assertThat(e.getMessage()).startsWith("Document 'junk' (text/plain) yields no article");
    }
}
