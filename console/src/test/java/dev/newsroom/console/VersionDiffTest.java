package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.TextDirection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    @Test
    void aFirstVersionIsSaidToBeOne() {
        assertThat(VersionDiff.changes(null, article(1, "Headline", "One.", "Two."))).containsExactly("first version");
        assertThat(VersionDiff.paragraphsAdded(null, article(1, "Headline", "One."))).isEmpty();
    }

    @Test
    void changedFieldsAndParagraphsAreNamed() {
        Article first = article(1, "Attack near Palmyra", "One.", "Two.");
        Article second = article(2, "Attack near Palmyra kills three", "One.", "Two, corrected.");

        assertThat(VersionDiff.changes(first, second)).containsExactly("headline", "body");
        assertThat(VersionDiff.paragraphsAdded(first, second)).containsExactly("Two, corrected.");
        assertThat(VersionDiff.paragraphsAdded(second, first)).containsExactly("Two.");
        assertThat(VersionDiff.changes(first, article(2, "Attack near Palmyra", "One.", "Two.")))
                .containsExactly("no visible change");
    }

    private static Article article(int version, String headline, String... paragraphs) {
        return Article.newBuilder()
                .setId("a").setVersion(version).setSource("akhbar.example").setCanonicalUrl(null)
                .setAltIds(List.<AltId>of()).setLanguage("en").setDirection(TextDirection.ltr)
                .setHeadline(headline).setHeadlineDerived(false).setByline(List.of())
                .setPublishedAt(null).setUpdatedAt(null)
                .setBlocks(Arrays.stream(paragraphs).map(p -> new BodyBlock(BlockKind.PARAGRAPH, p, p, 0))
                        .toList())
                .setBodyHtml("").setSummary(null).setMedia(List.of()).setCategories(List.of())
                .setContentHash(headline).setLineage(Lineage.newBuilder().setRawTopic("raw").setRawPartition(0)
                        .setRawOffset(0L).setDocumentId("d").setItemIndex(0).setFormat("text")
                        .setIngestedAt(Instant.EPOCH).setIngestVersion("t").build())
                .build();
    }
}
