package dev.newsroom.ingest.parse.document;

/**
 * A document that yields nothing. The message names the document id, its declared content type (or forced format)
 * and the reason in words; it goes verbatim into the dead letter.
 */
public class RejectedDocumentException extends RuntimeException {

    /** Why a document was rejected. */
    public enum Reason {
        /** No bytes, or only whitespace. */
        EMPTY,
        /** Larger than {@link ParserLimits#maxPayloadBytes()}; not parsed at all. */
        TOO_LARGE,
        /** Structurally broken: XML that is not well-formed, JSON that does not parse, a feed without its required parts. */
        MALFORMED,
        /** XML with a DOCTYPE or entity declarations (XXE, entity expansion); never parsed. */
        UNSAFE_XML,
        /** Bytes that are not text in any charset the evidence supports (binary data, wrong charset beyond repair). */
        UNDECODABLE,
        /** Text, but not a format ingest understands (e.g. JSON that is neither JSON Feed nor ninjs). */
        UNSUPPORTED_FORMAT,
        /** Parsed fine, but nothing in it is an article (an HTML page of links, a feed whose items are all empty). */
        NO_ARTICLE,
        /** A feed with more items than {@link ParserLimits#maxItems()}. */
        TOO_MANY_ITEMS,
        /** Ingest itself failed on the document (a defect); the dead letter keeps it for a re-drive after the fix. */
        PARSER_FAILURE
    }

    private final Reason reason;

    public RejectedDocumentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectedDocumentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
