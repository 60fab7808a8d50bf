package dev.newsroom.systemtest.load;

import java.util.List;

/**
 * One raw document the generator sends, with what the pipeline must make of it: computed by parsing the very same
 * bytes with ingest's parser and replaying its versioning in send order, or, for a bad input, the dead letter.
 *
 * @param serial         position in the stream
 * @param documentId     the raw record's key
 * @param resend         whether this repeats an earlier document id, and how
 * @param payload        the bytes; null for an {@link DocumentKind#OVERSIZED} one, made when it is sent
 * @param articles       the article versions ingest must emit for it (none for an unchanged re-send)
 * @param rejectedItems  indexes of feed items that must each become a dead letter
 */
public record GeneratedDocument(long serial, String documentId, DocumentKind kind, Resend resend, String contentType,
                                byte[] payload, List<ExpectedArticle> articles, List<Integer> rejectedItems) {

    /** Whether the document id was sent before. */
    public enum Resend {
        NO,
        /** Same document id, changed stories: a new version of each. */
        CHANGED,
        /** Byte for byte the same payload again: nothing new may come out. */
        IDENTICAL
    }

    /** One article version ingest must emit. */
    public record ExpectedArticle(String articleId, int version, String contentHash, int itemIndex) {
    }

    public boolean isPoison() {
        return kind.isPoison();
    }
}
