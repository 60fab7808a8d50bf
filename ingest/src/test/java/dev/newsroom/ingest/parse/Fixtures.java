package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Shared inputs for the parser tests: the project's samples, a lineage base, and small helpers. */
public final class Fixtures {

    public static final Path SAMPLES = Path.of("..", "samples");
    public static final String SEED = "000_5ae1655f0e8fde34.txt";

    public static final List<String> SEED_HEADINGS = List.of(
            "هجوم تدمر: تفاصيل الحادثة وما خلفها",
            "ردود الفعل الأولية والتصريحات الرسمية",
            "تحليل الخبراء: تحول في السياسة الأمريكية تجاه سوريا؟",
            "تسريع الدعم العسكري الأمريكي المحتمل",
            "السياق الإقليمي وتداعيات الهجوم",
            "إغلاق الطريق وتكثيف التحليقات الجوية",
            "مستقبل التعاون السوري الأمريكي: نظرة مستقبلية");

    public static final DocumentParser PARSER = new DocumentParser(ParserLimits.defaults());

    private Fixtures() {
    }

    public static byte[] sample(String name) {
        try {
            return Files.readAllBytes(SAMPLES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sampleText(String name) {
        return new String(sample(name), StandardCharsets.UTF_8);
    }

    /** When the test "stream processor" stamps its records. */
    public static final Instant INGESTED_AT = Instant.parse("2026-11-28T10:00:00Z");

    public static Lineage lineage() {
        return Lineage.newBuilder()
                .setRawTopic("newsroom.raw.v1")
                .setRawPartition(3)
                .setRawOffset(42L)
                .setDocumentId("doc-1")
                .setItemIndex(0)
                .setFormat("")
                .setIngestedAt(INGESTED_AT)
                .build();
    }

    public static RawInput input(String id, String contentType, String uri, byte[] payload) {
        return RawInput.of(id, "test-source", contentType, uri, payload);
    }

    public static RawInput input(String id, String contentType, String payload) {
        return input(id, contentType, null, payload.getBytes(StandardCharsets.UTF_8));
    }

    public static ParsedDocument parse(RawInput input) {
        return PARSER.parse(input, lineage());
    }

    public static ParsedDocument parse(String contentType, String payload) {
        return parse(input("doc-1", contentType, payload));
    }

    public static Article single(String contentType, String payload) {
        ParsedDocument document = parse(contentType, payload);
        if (document.articles().size() != 1) {
            throw new AssertionError("expected one article, got " + document.articles().size() + ": " + document.rejectedItems());
        }
        return document.articles().get(0);
    }

    public static List<String> texts(Article article, BlockKind kind) {
        return article.getBlocks().stream().filter(b -> b.getKind() == kind).map(BodyBlock::getText).toList();
    }

    public static String allText(Article article) {
        StringBuilder text = new StringBuilder(article.getHeadline()).append('\n');
        article.getBlocks().forEach(b -> text.append(b.getText()).append('\n'));
        return text.toString();
    }
}
