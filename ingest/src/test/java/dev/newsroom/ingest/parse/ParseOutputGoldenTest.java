package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.eval.ExtractionEvaluation;
import dev.newsroom.schemas.Article;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's whole output on every sample, the charset texts, the extraction corpus and a set of feed fixtures, byte
 * for byte against a committed expectation: speed work must not change a single article, rejection or warning.
 *
 * <p>Each article is written as its Avro JSON (every field), each rejected item and document with its reason text.
 * The expectation is only rewritten on request: {@code -Dnewsroom.golden.update=true}. On a difference the actual
 * output is left in {@code target/parse-output.actual.txt} to diff against the gunzipped expectation.
 */
class ParseOutputGoldenTest {

    private static final Path EXPECTED = Path.of("src", "test", "resources", "golden", "parse-output.txt.gz");
    private static final Path ACTUAL = Path.of("target", "parse-output.actual.txt");
    private static final Path CORPUS = Path.of("..", "corpora", "extraction");

    /** The charset texts in the legacy charsets the detection tests use, sent without a declared charset. */
    private static final List<String[]> LEGACY = List.of(
            new String[] {"ja.wikipedia", "Shift_JIS"}, new String[] {"ja.wikipedia", "EUC-JP"},
            new String[] {"ja.wikipedia", "ISO-2022-JP"}, new String[] {"ko.wikipedia", "EUC-KR"},
            new String[] {"zh.wikipedia", "GB18030"}, new String[] {"zh-Hant.udhr", "Big5"},
            new String[] {"ru.wikipedia", "KOI8-R"}, new String[] {"ru.wikipedia", "windows-1251"},
            new String[] {"uk.udhr", "KOI8-U"}, new String[] {"bg.udhr", "windows-1251"},
            new String[] {"ar.wikipedia", "windows-1256"}, new String[] {"ar.wikipedia", "ISO-8859-6"},
            new String[] {"fa.wikipedia", "windows-1256"}, new String[] {"el.wikipedia", "ISO-8859-7"},
            new String[] {"he.wikipedia", "windows-1255"}, new String[] {"th.wikipedia", "TIS-620"},
            new String[] {"fr.wikipedia", "windows-1252"}, new String[] {"cs.wikipedia", "ISO-8859-2"},
            new String[] {"tr.wikipedia", "windows-1254"});

    private static final String CHARSET_TEXTS = "am.udhr ar.wikipedia bg.udhr bn.udhr cs.wikipedia de.wikipedia el.wikipedia "
            + "fa.wikipedia fr.wikipedia he.wikipedia hi.wikipedia hy.udhr ja.udhr ja.wikipedia ka.udhr km.udhr ko.udhr "
            + "ko.wikipedia lo.udhr ru.wikipedia ta.udhr th.wikipedia tr.wikipedia uk.udhr ur.udhr vi.wikipedia yi.udhr "
            + "zh-Hans.udhr zh-Hant.udhr zh.wikipedia";

    private static final String BODY = "A paragraph of the story, long enough to be read as the story's text by anyone who reads it.";

    /** Feed shapes the samples do not have, one of each kind the XML reader tells apart. */
    private static final Map<String, String> FEEDS = Map.ofEntries(
            Map.entry("rss091", "<rss version=\"0.91\"><channel><title>F</title><link>https://n.example/</link>"
                    + "<managingEditor>ed@n.example (The Editor)</managingEditor><language>en-gb</language>"
                    + "<item><title>Old &amp; plain</title><link>/a/1</link><description>&lt;p&gt;" + BODY
                    + "&lt;/p&gt;</description></item></channel></rss>"),
            Map.entry("rss10", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel rdf:about=\"https://n.example/\"><title>F</title>"
                    + "<link>https://n.example/</link><dc:language>de</dc:language></channel>"
                    + "<item rdf:about=\"https://n.example/b\"><title>RDF item</title><link>https://n.example/b</link>"
                    + "<dc:date>2025-03-04T05:06:07+01:00</dc:date><dc:creator>A. Writer</dc:creator><dc:subject>World</dc:subject>"
                    + "<description>" + BODY + "</description></item></rdf:RDF>"),
            Map.entry("rss20", "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                    + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>F</title>"
                    + "<link>https://n.example/</link><item><title><![CDATA[CDATA <b>title</b>]]></title>"
                    + "<guid isPermaLink=\"true\">https://n.example/c</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
                    + "<category>One</category><category>Two</category><author>w@n.example (W. Riter)</author>"
                    + "<enclosure url=\"https://n.example/c.jpg\" type=\"image/jpeg\" length=\"10\"/>"
                    + "<media:content url=\"https://n.example/c.mp4\" medium=\"video\"/>"
                    + "<description>Short summary.</description><content:encoded><![CDATA[<p>" + BODY + "</p><script>x()</script>"
                    + "<p>Second <a href=\"/rel\" onclick=\"e()\">link</a>.</p>]]></content:encoded></item>"
                    + "<item><title>No body</title><pubDate>Sun, 31 Nov 2024 25:00:00 +0000</pubDate></item>"
                    + "<item><description>" + BODY + "</description><pubDate>2024-02-03</pubDate></item></channel></rss>"),
            Map.entry("atom10", "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://n.example/blog/\" xml:lang=\"en\">"
                    + "<title>F</title><author><name>Feed Author</name></author><entry><title type=\"html\">&lt;i&gt;A&lt;/i&gt; entry</title>"
                    + "<id>tag:n.example,2025:1</id><link rel=\"alternate\" type=\"text/html\" href=\"posts/1\"/>"
                    + "<updated>2025-01-02T03:04:05.678Z</updated><category term=\"t\" label=\"Label\"/>"
                    + "<summary>Sum</summary><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + BODY
                    + "</p></div></content></entry><entry><title>Text</title><id>urn:x:2</id><published>2025-01-01T00:00:00+02:00</published>"
                    + "<content type=\"text\">" + BODY + "\n\n" + BODY + "</content></entry></feed>"),
            Map.entry("atom10-base64", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><title>B64</title>"
                    + "<id>urn:x:3</id><updated>2025-01-02T03:04:05Z</updated><content type=\"application/xhtml+xml\" mode=\"base64\">"
                    + Base64.getEncoder().encodeToString(("<p>" + BODY + "</p>").getBytes(StandardCharsets.UTF_8))
                    + "</content></entry></feed>"),
            Map.entry("atom03", "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>F</title><entry><title>Old</title>"
                    + "<link rel=\"alternate\" type=\"text/html\" href=\"https://n.example/o\"/><issued>2004-05-06T07:08:09Z</issued>"
                    + "<modified>2004-05-07T07:08:09Z</modified><content type=\"text/html\" mode=\"escaped\">&lt;p&gt;" + BODY
                    + "&lt;/p&gt;</content></entry></feed>"),
            Map.entry("rss-faulty", "<rss version=\"2.0\"><channel><title>F & co</title><item><title>Fault &nbsp; here</title>"
                    + "<link>https://n.example/f</link><description><p>" + BODY + "<br></description></item></channel></rss>"),
            Map.entry("rss-entities", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"boom\">]><rss version=\"2.0\"><channel>"
                    + "<item><title>&x;</title></item></channel></rss>"),
            Map.entry("rss-no-channel", "<rss version=\"2.0\"><item><title>Loose</title><link>https://n.example/l</link>"
                    + "<description>" + BODY + "</description></item></rss>"),
            Map.entry("xml-other", "<catalog><book>Not a feed</book></catalog>"));

    @Test
    void everyArticleRejectionAndWarningIsAsCommitted() throws IOException {
        String actual = render();
        if (Boolean.getBoolean("newsroom.golden.update")) {
            Files.createDirectories(EXPECTED.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(EXPECTED))) {
                out.write(actual.getBytes(StandardCharsets.UTF_8));
            }
        }
        String expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(EXPECTED))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Files.createDirectories(ACTUAL.getParent());
            Files.writeString(ACTUAL, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("parser output (actual written to %s)", ACTUAL.toAbsolutePath()).isEqualTo(expected);
    }

    private static String render() {
        StringBuilder out = new StringBuilder(1 << 22);
        for (RawInput input : inputs()) {
            out.append("=== ").append(input.documentId()).append(" | ").append(input.contentType()).append('\n');
            try {
                ParsedDocument document = Fixtures.parse(input);
                out.append("format ").append(document.format()).append(", charset ").append(document.charset()).append('\n');
                for (Article article : document.articles()) {
                    out.append("article ").append(article).append('\n');
                }
                for (ItemRejection rejection : document.rejectedItems()) {
                    out.append("rejected item ").append(rejection.itemIndex()).append(": ").append(rejection.reason()).append('\n');
                }
                for (String warning : document.warnings()) {
                    out.append("warning ").append(warning).append('\n');
                }
            } catch (RejectedDocumentException e) {
                out.append("rejected ").append(e.reason()).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    private static List<RawInput> inputs() {
        List<RawInput> inputs = new ArrayList<>();
        String[][] samples = {
                {"feed-ar.rss", "application/rss+xml"}, {"feed-en.atom", "application/atom+xml"},
                {"feed.json", "application/feed+json"}, {"page-ar-palmyra.html", "text/html"},
                {Fixtures.SEED, "text/plain; charset=utf-8"}, {"wire-ninjs.json", "application/ninjs+json"}};
        for (String[] sample : samples) {
            byte[] bytes = Fixtures.sample(sample[0]);
            inputs.add(Fixtures.input(sample[0], sample[1], "https://akhbar.example/" + sample[0], bytes));
            inputs.add(Fixtures.input(sample[0] + " sniffed", null, null, bytes));
            inputs.add(Fixtures.input(sample[0] + " cut in half", sample[1], null, Arrays.copyOf(bytes, bytes.length / 2)));
        }
        inputs.add(Fixtures.input("empty", "text/plain", null, new byte[0]));
        inputs.add(Fixtures.input("binary", null, null, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 0, 7, 8, 9}));
        for (Map.Entry<String, String> feed : FEEDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            inputs.add(Fixtures.input(feed.getKey(), "application/xml", "https://n.example/feed",
                    feed.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        for (String name : CHARSET_TEXTS.split(" ")) {
            inputs.add(Fixtures.input(name, "text/plain; charset=utf-8", null, TextSamples.text(name).getBytes(StandardCharsets.UTF_8)));
        }
        for (String[] legacy : LEGACY) {
            inputs.add(Fixtures.input(legacy[0] + " in " + legacy[1], "text/plain", null,
                    TextSamples.text(legacy[0]).getBytes(Charset.forName(legacy[1]))));
        }
        for (ExtractionEvaluation.Page page : ExtractionEvaluation.corpus(CORPUS)) {
            inputs.add(Fixtures.input(page.id(), "text/html", null, gunzip(page.html())));
        }
        return inputs;
    }

    private static byte[] gunzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            (file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in).transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
