package dev.newsroom.ingest.parse.charset;

import dev.newsroom.ingest.parse.TextSamples;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.schemas.Article;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A headline-only document carries little evidence of its charset. Declared, it is read as declared. Undeclared in a
 * single-byte code page, ICU's letter statistics and the plausibility checks suffice. Undeclared in a CJK charset, a
 * handful of two-byte characters reads as plausible text in several charsets and ICU cannot rank them: the document
 * is refused with the readings, so that its producer can declare the charset, rather than published as a guess.
 */
class ShortTextCharsetTest {

    /** The title of the Declaration, the first line of each UDHR sample. */
    private static String title(String sample) {
        return TextSamples.paragraphs(sample).get(0);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"zh-Hant.udhr, Big5", "zh-Hans.udhr, GB2312", "ja.udhr, Shift_JIS", "ja.udhr, EUC-JP", "ko.udhr, EUC-KR"})
    void cjkHeadlineWithoutDeclarationIsRefusedWithItsReadings(String sample, String charsetName) {
        String headline = title(sample);
        RawInput raw = input("headline", "text/plain", null, headline.getBytes(Charset.forName(charsetName)));
        assertThatThrownBy(() -> parse(raw)).isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE);
            assertThat(e.getMessage())
                    .startsWith("Document 'headline' (text/plain) cannot be decoded as text: no charset was declared, "
                            + "and it is too short to tell its charset: ")
                    .contains(" reads \"" + headline + "\"")
                    .endsWith("; declare its charset");
        });
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"zh-Hant.udhr, Big5", "zh-Hans.udhr, GB2312", "ja.udhr, Shift_JIS", "ja.udhr, EUC-JP", "ko.udhr, EUC-KR"})
    void cjkHeadlineDeclaredIsReadAsDeclared(String sample, String charsetName) {
        String headline = title(sample);
        byte[] bytes = headline.getBytes(Charset.forName(charsetName));
        ParsedDocument document = parse(input("headline", "text/plain; charset=" + charsetName, null, bytes));
        assertThat(document.charset()).isEqualTo(Charset.forName(charsetName));
        assertThat(document.articles().get(0).getHeadline()).isEqualTo(TextNormalizer.normalize(headline));
    }

    @Test
    void cjkHeadlineDeclaredAsLatin1IsRefusedRatherThanGarbled() {
        byte[] bytes = title("ko.udhr").getBytes(Charset.forName("EUC-KR"));
        assertThatThrownBy(() -> parse(input("headline", "text/plain; charset=ISO-8859-1", null, bytes)))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> assertThat(e.getMessage())
                        .contains("cannot be decoded as text: read as windows-1252, as declared, it is not text (")
                        .contains("), and it is too short to tell its charset: ")
                        .contains("EUC-KR reads \"" + title("ko.udhr") + "\""));
    }

    /** The first 40 characters of the first paragraph of prose, about a headline's length. */
    private static String opening(String sample, Charset charset) {
        return LegacyCharsetsTest.legacyParagraphs(sample, charset).stream().filter(paragraph -> paragraph.length() >= 40)
                .findFirst().orElseThrow().substring(0, 40).strip();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"ru.wikipedia, windows-1251", "ru.wikipedia, KOI8-R", "uk.udhr, KOI8-U", "ar.wikipedia, windows-1256",
            "ar.wikipedia, ISO-8859-6", "el.wikipedia, ISO-8859-7", "he.wikipedia, ISO-8859-8", "fr.wikipedia, windows-1252",
            "ko.wikipedia, EUC-KR", "ja.wikipedia, Shift_JIS", "zh.wikipedia, GB18030"})
    void headlineLengthTextIsDetected(String sample, String charsetName) {
        Charset charset = Charset.forName(charsetName);
        String headline = opening(sample, charset);
        CharsetResolver.Decoded decoded = CharsetResolver.decode(headline.getBytes(charset), null, "Document 'headline'");
        assertThat(decoded.text()).isEqualTo(headline);
        assertThat(decoded.charset()).isEqualTo(charset);
    }

    /** ICU has no Thai statistics: an undeclared Thai headline that also reads as plausible CJK is refused; declared, it is read. */
    @Test
    void thaiHeadlineThatAlsoReadsAsCjkIsRefusedUnlessDeclared() {
        Charset tis620 = Charset.forName("TIS-620");
        List<String> paragraphs = LegacyCharsetsTest.legacyParagraphs("th.wikipedia", tis620);
        String headline = paragraphs.get(paragraphs.size() - 1).substring(0, 40).strip();
        assertThatThrownBy(() -> CharsetResolver.decode(headline.getBytes(tis620), null, "Document 'headline'"))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> assertThat(e.getMessage())
                        .contains("no charset was declared, and it is too short to tell its charset: "));
        assertThat(CharsetResolver.decode(headline.getBytes(tis620), "TIS-620", "Document 'headline'").text()).isEqualTo(headline);
    }

    @Test
    void headlineOnlyItemInAnUndeclaredShiftJisFeedIsReadWithTheFeedsEvidence() {
        Charset shiftJis = Charset.forName("Shift_JIS");
        String headline = title("ja.udhr");
        List<String> paragraphs = LegacyCharsetsTest.legacyParagraphs("ja.wikipedia", shiftJis);
        String feed = LegacyCharsetsTest.rssFeed(paragraphs, null)
                .replace("</channel>", "<item><title>" + headline + "</title><link>https://news.example/h</link></item></channel>");
        ParsedDocument document = parse(input("feed", "application/rss+xml", "https://news.example/feed", feed.getBytes(shiftJis)));
        assertThat(document.charset()).isEqualTo(shiftJis);
        List<String> headlines = new ArrayList<>(document.articles().stream().map(Article::getHeadline).toList());
        assertThat(headlines).hasSize(paragraphs.size() + 1).last().isEqualTo(TextNormalizer.normalize(headline));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"zh-Hant.udhr", "ja.udhr", "ko.udhr"})
    void shortUtf8HeadlinesAreRead(String sample) {
        byte[] bytes = title(sample).getBytes(StandardCharsets.UTF_8);
        ParsedDocument document = parse(input("headline", "text/plain", null, bytes));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(document.articles().get(0).getHeadline()).isEqualTo(TextNormalizer.normalize(title(sample)));
    }
}
