package dev.newsroom.ingest.parse.charset;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiTransform;
import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.TextSamples;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static dev.newsroom.ingest.parse.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real prose in each legacy charset, encoded by Java's encoders: detected when undeclared, corrected when declared as
 * windows-1252 or ISO-8859-1, used when declared, as plain text, as an HTML page ({@code <meta charset>} absent,
 * right, wrong) and as an RSS feed (XML declaration absent, right, wrong).
 */
class LegacyCharsetsTest {

    /** What publishers in these charsets wrote for typographic signs their charset lacks. */
    private static final Map<Character, String> LEGACY_SUBSTITUTES = Map.ofEntries(Map.entry('«', "\""), Map.entry('»', "\""),
            Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('„', "\""), Map.entry('‘', "'"), Map.entry('’', "'"),
            Map.entry('—', "-"), Map.entry('–', "-"), Map.entry('‐', "-"), Map.entry('…', "..."), Map.entry('\u05BE', "-"));

    private static final String[] WRONG_DECLARATIONS = {"windows-1252", "ISO-8859-1"};

    /**
     * The sample as a publisher in {@code charset} would have written it: typographic signs the charset lacks replaced
     * by their ASCII forms, paragraphs it still cannot hold left out.
     */
    static List<String> legacyParagraphs(String sample, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : TextSamples.paragraphs(sample)) {
            StringBuilder legacy = new StringBuilder();
            for (char c : paragraph.toCharArray()) {
                legacy.append(!encoder.canEncode(c) && LEGACY_SUBSTITUTES.containsKey(c) ? LEGACY_SUBSTITUTES.get(c) : String.valueOf(c));
            }
            if (encoder.canEncode(legacy)) {
                paragraphs.add(legacy.toString());
            }
        }
        assertThat(String.join("", paragraphs).length()).as("text of %s that %s can hold", sample, charset).isGreaterThan(600);
        return paragraphs;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ja.wikipedia", "Shift_JIS", "Shift_JIS"),
                Arguments.of("ja.wikipedia", "EUC-JP", "EUC-JP"),
                Arguments.of("ja.wikipedia", "ISO-2022-JP", "ISO-2022-JP"),
                Arguments.of("ko.wikipedia", "EUC-KR", "EUC-KR"),
                Arguments.of("zh.wikipedia", "GB18030", "GB18030"),
                Arguments.of("zh.wikipedia", "GBK", "GB18030"),
                Arguments.of("zh-Hans.udhr", "GB2312", "GB18030"),
                Arguments.of("zh-Hant.udhr", "Big5", "Big5"),
                Arguments.of("ru.wikipedia", "KOI8-R", "KOI8-R"),
                Arguments.of("ru.wikipedia", "windows-1251", "windows-1251"),
                Arguments.of("uk.udhr", "windows-1251", "windows-1251"),
                Arguments.of("uk.udhr", "KOI8-U", "KOI8-U"),
                Arguments.of("bg.udhr", "windows-1251", "windows-1251"),
                Arguments.of("ar.wikipedia", "windows-1256", "windows-1256"),
                Arguments.of("ar.wikipedia", "ISO-8859-6", "ISO-8859-6"),
                Arguments.of("el.wikipedia", "ISO-8859-7", "ISO-8859-7"),
                Arguments.of("el.wikipedia", "windows-1253", "windows-1253"),
                Arguments.of("he.wikipedia", "ISO-8859-8", "ISO-8859-8"),
                Arguments.of("he.wikipedia", "windows-1255", "windows-1255"),
                Arguments.of("yi.udhr", "windows-1255", "windows-1255"),
                Arguments.of("th.wikipedia", "TIS-620", "TIS-620"),
                Arguments.of("th.wikipedia", "x-windows-874", "TIS-620"));
    }

    /** Latin-script text in the charsets that worked before: detected, and used as declared; nothing to correct. */
    static Stream<Arguments> latinCases() {
        return Stream.of(
                Arguments.of("fr.wikipedia", "windows-1252", "windows-1252"),
                Arguments.of("fr.wikipedia", "ISO-8859-1", "windows-1252"),
                Arguments.of("de.wikipedia", "ISO-8859-15", "windows-1252"),
                Arguments.of("cs.wikipedia", "windows-1250", "windows-1250"),
                Arguments.of("cs.wikipedia", "ISO-8859-2", "ISO-8859-2"),
                Arguments.of("tr.wikipedia", "windows-1254", "windows-1254"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource({"cases", "latinCases"})
    void plainTextUndeclaredIsDetected(String sample, String charsetName, String detectedAs) {
        Charset charset = Charset.forName(charsetName);
        String text = String.join("\n\n", legacyParagraphs(sample, charset));
        CharsetResolver.Decoded decoded = CharsetResolver.decode(text.getBytes(charset), null, "Document '" + sample + "'");
        assertThat(decoded.charset()).isEqualTo(Charset.forName(detectedAs));
        assertThat(decoded.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void plainTextDeclaredAsLatin1IsCorrected(String sample, String charsetName, String detectedAs) {
        Charset charset = Charset.forName(charsetName);
        String text = String.join("\n\n", legacyParagraphs(sample, charset));
        for (String wrong : WRONG_DECLARATIONS) {
            CharsetResolver.Decoded decoded = CharsetResolver.decode(text.getBytes(charset), wrong, "Document '" + sample + "'");
            assertThat(decoded.charset()).as("declared %s", wrong).isEqualTo(Charset.forName(detectedAs));
            assertThat(decoded.text()).isEqualTo(text);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource({"cases", "latinCases"})
    void plainTextDeclaredRightIsReadAsDeclared(String sample, String charsetName, String detectedAs) {
        Charset charset = Charset.forName(charsetName);
        String text = String.join("\n\n", legacyParagraphs(sample, charset));
        ParsedDocument document = parse(input(sample, "text/plain; charset=" + charsetName, null, text.getBytes(charset)));
        assertThat(document.charset()).isEqualTo(CharsetResolver.charsetOrNull(charsetName));
        String headlineAndBody = Fixtures.allText(document.articles().get(0));
        assertThat(legacyParagraphs(sample, charset)).allSatisfy(paragraph -> assertThat(headlineAndBody).contains(normalised(paragraph)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void htmlPageWithMetaCharsetAbsentRightOrWrong(String sample, String charsetName, String detectedAs) {
        Charset charset = Charset.forName(charsetName);
        List<String> paragraphs = legacyParagraphs(sample, charset);
        String headline = headlineOf(paragraphs.get(0));
        List<String> body = paragraphs;
        String[][] metas = {{null, detectedAs}, {charsetName, charsetName}, {"windows-1252", detectedAs}, {"ISO-8859-1", detectedAs}};
        for (String[] meta : metas) {
            byte[] page = newsPage(headline, body, meta[0]).getBytes(charset);
            ParsedDocument document = parse(input(sample + "-page", "text/html", "https://news.example/" + sample, page));
            assertThat(document.charset()).as("meta charset %s", meta[0]).isEqualTo(Charset.forName(meta[1]));
            Article article = document.articles().get(0);
            assertThat(article.getHeadline()).isEqualTo(TextNormalizer.normalize(headline));
            assertThat(texts(article, BlockKind.PARAGRAPH)).as("meta charset %s", meta[0])
                    .containsAll(body.stream().map(TextNormalizer::normalize).toList());
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void rssFeedWithXmlDeclarationAbsentRightOrWrong(String sample, String charsetName, String detectedAs) {
        Charset charset = Charset.forName(charsetName);
        List<String> paragraphs = legacyParagraphs(sample, charset);
        String[][] declarations = {{null, detectedAs}, {charsetName, charsetName}, {"windows-1252", detectedAs}, {"ISO-8859-1", detectedAs}};
        for (String[] declaration : declarations) {
            byte[] feed = rssFeed(paragraphs, declaration[0]).getBytes(charset);
            ParsedDocument document = parse(input(sample + "-feed", "application/rss+xml", "https://news.example/feed", feed));
            assertThat(document.charset()).as("XML declaration %s", declaration[0]).isEqualTo(Charset.forName(declaration[1]));
            assertThat(document.articles()).hasSize(paragraphs.size());
            for (int i = 0; i < paragraphs.size(); i++) {
                Article article = document.articles().get(i);
                assertThat(article.getHeadline()).isEqualTo(TextNormalizer.normalize(headlineOf(paragraphs.get(i))));
                assertThat(bodyText(article)).isEqualTo(normalised(paragraphs.get(i)));
            }
        }
    }

    /** Hebrew as visual ISO-8859-8 stored it: each line in the order a left-to-right screen shows it. */
    private static String visualOrder(String logicalLine) {
        return new BidiTransform().transform(logicalLine, Bidi.RTL, BidiTransform.Order.LOGICAL, Bidi.LTR, BidiTransform.Order.VISUAL,
                BidiTransform.Mirroring.ON, 0);
    }

    @Test
    void visualHebrewIsDetectedAndPutBackInReadingOrder() {
        Charset iso88598 = Charset.forName("ISO-8859-8");
        List<String> paragraphs = legacyParagraphs("he.wikipedia", iso88598);
        byte[] visual = String.join("\n\n", paragraphs.stream().map(LegacyCharsetsTest::visualOrder).toList()).getBytes(iso88598);
        for (String declared : new String[] {null, "ISO-8859-8", "windows-1252"}) {
            CharsetResolver.Decoded decoded = CharsetResolver.decode(visual, declared, "Document 'visual'");
            assertThat(decoded.charset()).as("declared %s", declared).isEqualTo(iso88598);
            assertThat(decoded.text()).as("declared %s", declared).isEqualTo(String.join("\n\n", paragraphs));
        }
    }

    @Test
    void visualHebrewPageIsReadInReadingOrderWithItsMarkupUntouched() {
        Charset iso88598 = Charset.forName("ISO-8859-8");
        List<String> paragraphs = legacyParagraphs("he.wikipedia", iso88598);
        String headline = headlineOf(paragraphs.get(0));
        String page = newsPage(visualOrder(headline), paragraphs.stream().map(LegacyCharsetsTest::visualOrder).toList(), "ISO-8859-8");
        ParsedDocument document = parse(input("visual-page", "text/html", "https://news.example/he", page.getBytes(iso88598)));
        Article article = document.articles().get(0);
        assertThat(article.getHeadline()).isEqualTo(TextNormalizer.normalize(headline));
        assertThat(texts(article, BlockKind.PARAGRAPH)).containsAll(paragraphs.stream().map(TextNormalizer::normalize).toList());
    }

    @Test
    void hebrewLabelledLogicalIsLeftInReadingOrder() {
        Charset iso88598 = Charset.forName("ISO-8859-8");
        String logical = String.join("\n\n", legacyParagraphs("he.wikipedia", iso88598));
        CharsetResolver.Decoded decoded = CharsetResolver.decode(logical.getBytes(iso88598), "ISO-8859-8-I", "Document 'logical'");
        assertThat(decoded.charset()).isEqualTo(iso88598);
        assertThat(decoded.text()).isEqualTo(logical);
    }

    /** The first words of a paragraph, as a headline: up to 30 characters, cut at a space where there is one. */
    static String headlineOf(String paragraph) {
        if (paragraph.length() <= 30) {
            return paragraph;
        }
        int space = paragraph.lastIndexOf(' ', 30);
        return paragraph.substring(0, space > 10 ? space : 30).strip();
    }

    private static String normalised(String text) {
        return TextNormalizer.normalize(text);
    }

    private static String bodyText(Article article) {
        return String.join(" ", article.getBlocks().stream().map(block -> block.getText()).toList());
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String newsPage(String headline, List<String> paragraphs, String metaCharset) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n");
        if (metaCharset != null) {
            html.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=").append(metaCharset).append("\">\n");
        }
        html.append("<title>").append(escaped(headline)).append(" - News Example</title>\n</head>\n<body>\n")
                .append("<div id=\"header\"><a href=\"/\">News Example</a> | <a href=\"/world\">World</a> | <a href=\"/science\">Science</a></div>\n")
                .append("<div id=\"story\">\n<h1>").append(escaped(headline)).append("</h1>\n");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escaped(paragraph)).append("</p>\n");
        }
        return html.append("</div>\n<div id=\"footer\">Copyright 2004 News Example</div>\n</body>\n</html>\n").toString();
    }

    static String rssFeed(List<String> paragraphs, String xmlEncoding) {
        StringBuilder rss = new StringBuilder();
        if (xmlEncoding != null) {
            rss.append("<?xml version=\"1.0\" encoding=\"").append(xmlEncoding).append("\"?>\n");
        }
        rss.append("<rss version=\"2.0\"><channel><title>News Example</title><link>https://news.example/</link>\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            rss.append("<item><title>").append(escaped(headlineOf(paragraphs.get(i)))).append("</title><link>https://news.example/")
                    .append(i).append("</link><description>").append(escaped(paragraphs.get(i))).append("</description></item>\n");
        }
        return rss.append("</channel></rss>\n").toString();
    }
}
