package dev.newsroom.ingest.parse.document;

/**
 * Bounds on what one document may cost.
 *
 * <p>A feed with more than {@code maxItems} items is rejected whole ({@link RejectedDocumentException.Reason#TOO_MANY_ITEMS})
 * rather than truncated: truncation would silently lose stories, a rejection lands in the dead-letter topic where an
 * operator sees it and can re-drive it with a higher limit.
 *
 * @param maxPayloadBytes payloads larger than this are rejected before any parsing
 * @param maxItems        most items one feed may hold (inclusive)
 * @param ingestVersion   version of the parsing rules, written to {@code Lineage.ingestVersion}
 */
public record ParserLimits(int maxPayloadBytes, int maxItems, String ingestVersion) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    public static final int DEFAULT_MAX_ITEMS = 10_000;
    public static final String DEFAULT_INGEST_VERSION = "parse-1";

    public ParserLimits {
        if (maxPayloadBytes <= 0 || maxItems <= 0) {
            throw new IllegalArgumentException("limits must be positive: maxPayloadBytes=" + maxPayloadBytes + ", maxItems=" + maxItems);
        }
        ingestVersion = ingestVersion == null ? "" : ingestVersion;
    }

    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_ITEMS, DEFAULT_INGEST_VERSION);
    }

    public ParserLimits withMaxPayloadBytes(int bytes) {
        return new ParserLimits(bytes, maxItems, ingestVersion);
    }

    public ParserLimits withMaxItems(int items) {
        return new ParserLimits(maxPayloadBytes, items, ingestVersion);
    }

    public ParserLimits withIngestVersion(String version) {
        return new ParserLimits(maxPayloadBytes, maxItems, version);
    }
}
