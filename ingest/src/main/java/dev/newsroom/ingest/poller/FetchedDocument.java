package dev.newsroom.ingest.poller;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A feed body as the server sent it, decompressed.
 *
 * @param uri        the URL it finally came from, after redirects
 * @param headers    the response headers, names lower-cased, first value of each
 * @param body       the decompressed body
 * @param receivedAt when the body was complete
 * @param validators what to send next time to fetch it only if it changed
 */
public record FetchedDocument(URI uri, Map<String, String> headers, byte[] body, Instant receivedAt,
        Validators validators) {

    public FetchedDocument {
        headers = Map.copyOf(headers);
    }

    /** A response header by its lower-case name. */
    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }
}
