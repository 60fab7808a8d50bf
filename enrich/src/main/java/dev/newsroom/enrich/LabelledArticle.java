package dev.newsroom.enrich;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.TextDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An item of a labelled evaluation set as ingest would hand it on, so that it is enriched like real articles. */
final class LabelledArticle {

    private LabelledArticle() {
    }

    /**
     * @param headline the item's headline; without one the first piece stands in for it, as ingest derives one
     * @param pieces   the text cut as the set's texts read best: one paragraph block each
     */
    static Article of(String id, String language, String headline, List<String> pieces, Instant ingestedAt) {
        List<String> blocksText = new ArrayList<>();
        for (String piece : pieces) {
            if (!piece.isBlank()) {
                blocksText.add(piece.strip());
            }
        }
        boolean derived = headline == null || headline.isBlank();
        String title = derived ? (blocksText.isEmpty() ? id : blocksText.get(0)) : headline.strip();
        List<BodyBlock> blocks = new ArrayList<>();
        for (String text : derived && !blocksText.isEmpty() ? blocksText.subList(1, blocksText.size()) : blocksText) {
            blocks.add(BodyBlock.newBuilder().setKind(BlockKind.PARAGRAPH).setLevel(0).setText(text).setHtml(text)
                    .build());
        }
        return Article.newBuilder()
                .setId(id)
                .setVersion(1)
                .setSource("labelled-set")
                .setLanguage(language)
                .setDirection(language.startsWith("ar") ? TextDirection.rtl : TextDirection.ltr)
                .setHeadline(title)
                .setHeadlineDerived(derived)
                .setBlocks(blocks)
                .setBodyHtml("")
                .setContentHash("0".repeat(64))
                .setLineage(Lineage.newBuilder().setRawTopic("labelled").setRawPartition(0).setRawOffset(0)
                        .setDocumentId(id).setFormat("text").setIngestedAt(ingestedAt).build())
                .build();
    }
}
