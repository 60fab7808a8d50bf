package dev.newsroom.ingest.parse.document;

/**
 * An item inside an otherwise fine document that yields no article.
 *
 * @param itemIndex position of the item in the document (0-based, as {@code Lineage.itemIndex})
 * @param reason    a sentence naming the document, its declared type and why, fit for a dead letter
 */
public record ItemRejection(int itemIndex, String reason) {
}
