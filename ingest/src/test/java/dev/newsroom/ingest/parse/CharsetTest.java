package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.newsroom.ingest.parse.Fixtures.SEED_HEADINGS;
import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static dev.newsroom.ingest.parse.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decoding follows the evidence: BOM, declarations, then detection; wrong declarations are corrected when the bytes are clear. */
class CharsetTest {

    /** The seed text without characters the legacy Arabic code pages cannot encode (curly quotes). */
    private static final String SEED = Fixtures.sampleText(Fixtures.SEED).replace('“', '"').replace('”', '"');

    private static void assertIsTheSeed(ParsedDocument document) {
        Article article = document.articles().get(0);
        assertThat(texts(article, BlockKind.HEADING)).containsExactlyElementsOf(SEED_HEADINGS);
        assertThat(texts(article, BlockKind.PARAGRAPH)).hasSize(10).first().asString().startsWith("في خضم التوترات");
    }

    @ParameterizedTest(name = "{0} declared as {1}")
    @CsvSource({
            "windows-1256, windows-1256",
            "windows-1256, ",
            "windows-1256, UTF-8",
            "windows-1256, ISO-8859-1",
            "ISO-8859-6, ISO-8859-6",
            "ISO-8859-6, "})
    void legacyArabicEncodingsOfTheSeedDecode(String encoding, String declared) {
        Charset charset = Charset.forName(encoding);
        byte[] bytes = SEED.getBytes(charset);
        String contentType = declared == null ? "text/plain" : "text/plain; charset=" + declared;
        ParsedDocument document = parse(input("legacy", contentType, null, bytes));
        assertThat(document.charset()).isEqualTo(charset);
        assertIsTheSeed(document);
    }

    @Test
    void utf8ArabicDeclaredAsLatin1IsReadAsUtf8() {
        ParsedDocument document = parse(input("mislabelled", "text/plain; charset=ISO-8859-1", null, SEED.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertIsTheSeed(document);
    }

    @Test
    void transportCharsetFieldWinsOverTheContentTypeParameter() {
        RawInput raw = input("field", "text/plain; charset=UTF-8", null, SEED.getBytes(Charset.forName("ISO-8859-6"))).withCharset("ISO-8859-6");
        assertThat(parse(raw).charset()).isEqualTo(Charset.forName("ISO-8859-6"));
    }

    @Test
    void metaCharsetInsideTheHtmlIsHonoured() {
        String page = "<html><head><meta charset=\"windows-1256\"><title>t</title></head><body><article><p>"
                + SEED.substring(0, 600) + "</p></article></body></html>";
        ParsedDocument document = parse(input("meta", "text/html", null, page.getBytes(Charset.forName("windows-1256"))));
        assertThat(document.charset()).isEqualTo(Charset.forName("windows-1256"));
        assertThat(document.articles().get(0).getBlocks().get(0).getText()).startsWith("في خضم التوترات");
    }

    @Test
    void xmlDeclarationEncodingIsHonoured() {
        String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-6\"?><rss version=\"2.0\"><channel><title>t</title><item><title>"
                + "هجوم تدمر</title><description>" + SEED.substring(0, 300) + "</description></item></channel></rss>";
        ParsedDocument document = parse(input("xmldecl", "application/rss+xml", null, rss.getBytes(Charset.forName("ISO-8859-6"))));
        assertThat(document.charset()).isEqualTo(Charset.forName("ISO-8859-6"));
        assertThat(document.articles().get(0).getHeadline()).isEqualTo("هجوم تدمر");
    }

    @Test
    void byteOrderMarksDecide() {
        byte[] utf16 = ("\uFEFF" + SEED).getBytes(StandardCharsets.UTF_16LE);
        ParsedDocument document = parse(input("bom16", "text/plain; charset=ISO-8859-1", null, utf16));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertIsTheSeed(document);
        byte[] utf8 = ("\uFEFF" + "Hello world, this is a plain text story with enough words.").getBytes(StandardCharsets.UTF_8);
        assertThat(parse(input("bom8", "text/plain", null, utf8)).articles().get(0).getHeadline()).startsWith("Hello world");
    }

    @Test
    void latinTextInWindows1252IsReadCorrectly() {
        String french = "Le président a annoncé une réforme. Les syndicats réclament des garanties après l'été.";
        ParsedDocument document = parse(input("fr", "text/plain; charset=windows-1252", null, french.getBytes(Charset.forName("windows-1252"))));
        assertThat(document.articles().get(0).getBlocks().get(0).getText()).isEqualTo(french);
    }

    @Test
    void arabicBytesDeclaredUtf8ButUndecodableAsArabicAreRejected() {
        byte[] bytes = SEED.getBytes(Charset.forName("windows-1256"));
        for (int i = 0; i < bytes.length; i += 7) {
            bytes[i] = (byte) (0x01 + i % 8);
        }
        assertThatThrownBy(() -> parse(input("broken", "text/plain; charset=UTF-8", null, bytes)))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE);
                    assertThat(e.getMessage()).startsWith("Document 'broken' (text/plain; charset=UTF-8) cannot be decoded as text: ")
                            .contains("not valid UTF-8 as declared");
                });
    }

    @Test
    void unknownDeclaredCharsetFallsBackToTheEvidence() {
        ParsedDocument document = parse(input("bogus", "text/plain; charset=x-no-such-charset", null, SEED.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
    }
}
