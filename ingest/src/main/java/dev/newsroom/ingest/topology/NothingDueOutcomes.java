package dev.newsroom.ingest.topology;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.IngestOutcome;
import dev.newsroom.schemas.IngestOutcomeKind;
import dev.newsroom.schemas.Lineage;
import java.time.Clock;

/**
 * Writes down why a raw document or one of its items rightly yields no article and no dead letter, with the raw
 * record it accounts for, so that an operator's account ({@code newsroom verify}) can tell it from a loss.
 */
final class NothingDueOutcomes {

    private final String application;
    private final Clock clock;

    NothingDueOutcomes(String application, Clock clock) {
        this.application = application;
        this.clock = clock;
    }

    /** A feed that parsed but holds no items at all. */
    IngestOutcome emptyDocument(Lineage document, String contentType) {
        return outcome(document, null, IngestOutcomeKind.EMPTY_DOCUMENT)
                .setReason("Document '" + document.getDocumentId() + "' (" + (contentType == null ? "no content type"
                        : contentType) + ") is " + formatName(document.getFormat()) + " with no items: nothing to"
                        + " ingest")
                .build();
    }

    /** An item whose content equals the last version of its article: a re-ingest with nothing new. */
    IngestOutcome unchanged(Article item, int matchingVersion, int latestVersion) {
        return outcome(item.getLineage(), item.getLineage().getItemIndex(), IngestOutcomeKind.UNCHANGED)
                .setArticleId(item.getId())
                .setVersion(matchingVersion)
                .setContentHash(item.getContentHash())
                .setReason(capitalised(describe(item.getLineage())) + " is unchanged: its content equals version "
                        + matchingVersion + " of article '" + item.getId() + "'"
                        + (matchingVersion == latestVersion ? "" : ", an earlier version; version " + latestVersion
                        + " stays the latest"))
                .build();
    }

    /**
     * An item that repeats an earlier item of the same document: the same content, or the same article id (a feed
     * that lists one story twice; the first listing is taken).
     */
    IngestOutcome duplicateItem(Article item, Article earlier) {
        int earlierIndex = earlier.getLineage().getItemIndex();
        boolean sameContent = earlier.getContentHash().equals(item.getContentHash());
        return outcome(item.getLineage(), item.getLineage().getItemIndex(), IngestOutcomeKind.DUPLICATE_ITEM)
                .setArticleId(item.getId())
                .setSameAsArticleId(earlier.getId())
                .setSameAsItemIndex(earlierIndex)
                .setContentHash(item.getContentHash())
                .setReason(capitalised(describe(item.getLineage())) + " repeats item " + earlierIndex
                        + " (article '" + earlier.getId() + "'): "
                        + (sameContent ? "the same content" + (earlier.getId().equals(item.getId()) ? ""
                        : " under the id '" + item.getId() + "'")
                        : "the same article id with other content; the document's first listing is taken"))
                .build();
    }

    private IngestOutcome.Builder outcome(Lineage lineage, Integer itemIndex, IngestOutcomeKind kind) {
        return IngestOutcome.newBuilder()
                .setRawTopic(lineage.getRawTopic())
                .setRawPartition(lineage.getRawPartition())
                .setRawOffset(lineage.getRawOffset())
                .setDocumentId(lineage.getDocumentId())
                .setItemIndex(itemIndex)
                .setFormat(lineage.getFormat())
                .setKind(kind)
                .setApplication(application)
                .setDecidedAt(clock.instant());
    }

    private static String describe(Lineage lineage) {
        String document = "document '" + lineage.getDocumentId() + "'";
        return switch (lineage.getFormat()) {
            case "html", "text" -> "the " + lineage.getFormat() + " " + document;
            default -> "item " + lineage.getItemIndex() + " of " + document;
        };
    }

    private static String formatName(String format) {
        return switch (format) {
            case "rss" -> "an RSS feed";
            case "atom" -> "an Atom feed";
            case "jsonfeed" -> "a JSON Feed";
            case "ninjs" -> "a ninjs document";
            default -> "a " + format + " document";
        };
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
