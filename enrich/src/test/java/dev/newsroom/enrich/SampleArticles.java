package dev.newsroom.enrich;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.TextDirection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link Article} records from the plain-text samples in {@code src/test/resources/samples}: first
 * block the headline, then one block per blank-line-separated paragraph; a short line with no final
 * punctuation is a subheading.
 */
final class SampleArticles {
    private SampleArticles() {
    }

    static String text(String name) {
        try (InputStream in = SampleArticles.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article article(String name, String declaredLanguage) {
        return article(name, declaredLanguage, null, List.of());
    }

    static Article article(String name, String declaredLanguage, String summary, List<String> categories) {
        List<String> parts = new ArrayList<>();
        for (String part : text(name).split("\\n\\s*\\n")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return fromParts(name, declaredLanguage, parts.get(0), parts.subList(1, parts.size()), summary, categories);
    }

    static Article fromParts(String id, String declaredLanguage, String headline, List<String> paragraphs,
                             String summary, List<String> categories) {
        List<BodyBlock> blocks = new ArrayList<>();
        for (String p : paragraphs) {
            boolean heading = p.length() < 90 && !p.matches("(?s).*[.!؟»”\"]$");
            blocks.add(BodyBlock.newBuilder().setKind(heading ? BlockKind.HEADING : BlockKind.PARAGRAPH)
                    .setLevel(heading ? 2 : 0).setText(p).setHtml(p).build());
        }
        boolean rtl = declaredLanguage != null && declaredLanguage.startsWith("ar");
        return Article.newBuilder()
                .setId(id)
                .setVersion(1)
                .setSource("test")
                .setLanguage(declaredLanguage)
                .setDirection(rtl ? TextDirection.rtl : TextDirection.ltr)
                .setHeadline(headline)
                .setBlocks(blocks)
                .setBodyHtml("")
                .setSummary(summary)
                .setCategories(categories)
                .setContentHash("0".repeat(64))
                .setLineage(Lineage.newBuilder().setRawTopic("raw").setRawPartition(0).setRawOffset(0)
                        .setDocumentId(id).setFormat("text").setIngestedAt(Instant.parse("2025-12-14T08:00:00Z"))
                        .build())
                .build();
    }
}
