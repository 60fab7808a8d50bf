package dev.newsroom.ingest.parse;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One raw document as received, the parser's only input.
 *
 * @param documentId   the producer's id (the raw record key), used in error messages and lineage
 * @param source       the source name, copied to {@code Article.source} and used in fallback ids
 * @param contentType  declared MIME type, may carry {@code ;charset=}; nullable. Confirmed by sniffing.
 * @param uri          where the document came from; the base for relative links; nullable
 * @param charset      charset declared by the transport; nullable
 * @param headers      transport headers, names lower-cased (e.g. {@code content-language})
 * @param payload      the bytes exactly as received
 * @param receivedAt   when the producer received it
 * @param forcedFormat parse as this format instead of sniffing; {@code null} to auto-detect
 */
public record RawInput(String documentId, String source, String contentType, String uri, String charset,
                       Map<String, String> headers, byte[] payload, Instant receivedAt, InputFormat forcedFormat) {

    public RawInput {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        receivedAt = receivedAt == null ? Instant.EPOCH : receivedAt;
    }

    /** A document with only the fields most callers have: id, source, content type, URI and bytes. */
    public static RawInput of(String documentId, String source, String contentType, String uri, byte[] payload) {
        return new RawInput(documentId, source, contentType, uri, null, Map.of(), payload, Instant.now(), null);
    }

    /** This input with its format forced (as {@code newsroom parse --type} does). */
    public RawInput withForcedFormat(InputFormat format) {
        return new RawInput(documentId, source, contentType, uri, charset, headers, payload, receivedAt, format);
    }

    /** This input with a transport-declared charset. */
    public RawInput withCharset(String declaredCharset) {
        return new RawInput(documentId, source, contentType, uri, declaredCharset, headers, payload, receivedAt, forcedFormat);
    }

    /** A header value by lower-case name, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }
}
