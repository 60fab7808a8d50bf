package dev.newsroom.ingest.parse.document;

import java.time.Instant;
import java.util.List;
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
 * @param linkedPages  pages fetched from the links of the document's teaser items; each completes the item whose
 *                     link is its {@link LinkedPage#url()}
 */
public record RawInput(String documentId, String source, String contentType, String uri, String charset,
                       Map<String, String> headers, byte[] payload, Instant receivedAt, InputFormat forcedFormat,
                       List<LinkedPage> linkedPages) {

    public RawInput {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        receivedAt = receivedAt == null ? Instant.EPOCH : receivedAt;
        linkedPages = linkedPages == null ? List.of() : List.copyOf(linkedPages);
    }

    /** A document without linked pages. */
    public RawInput(String documentId, String source, String contentType, String uri, String charset,
                    Map<String, String> headers, byte[] payload, Instant receivedAt, InputFormat forcedFormat) {
        this(documentId, source, contentType, uri, charset, headers, payload, receivedAt, forcedFormat, List.of());
    }

    /** A document with only the fields most callers have: id, source, content type, URI and bytes. */
    public static RawInput of(String documentId, String source, String contentType, String uri, byte[] payload) {
        return new RawInput(documentId, source, contentType, uri, null, Map.of(), payload, Instant.now(), null);
    }

    /** This input with its format forced (as {@code newsroom parse --type} does). */
    public RawInput withForcedFormat(InputFormat format) {
        return new RawInput(documentId, source, contentType, uri, charset, headers, payload, receivedAt, format, linkedPages);
    }

    /** This input with a transport-declared charset. */
    public RawInput withCharset(String declaredCharset) {
        return new RawInput(documentId, source, contentType, uri, declaredCharset, headers, payload, receivedAt, forcedFormat,
                linkedPages);
    }

    /** This input carrying {@code pages}, fetched from its items' links. */
    public RawInput withLinkedPages(List<LinkedPage> pages) {
        return new RawInput(documentId, source, contentType, uri, charset, headers, payload, receivedAt, forcedFormat, pages);
    }

    /** The page fetched from {@code link}, or {@code null}. */
    public LinkedPage linkedPage(String link) {
        if (link == null) {
            return null;
        }
        for (LinkedPage page : linkedPages) {
            if (page.url().equals(link)) {
                return page;
            }
        }
        return null;
    }

    /** A header value by lower-case name, or {@code null}. */
    public String header(String name) {
        return headers.get(name);
    }
}
