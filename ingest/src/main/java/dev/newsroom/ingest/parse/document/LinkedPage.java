package dev.newsroom.ingest.parse.document;

import java.time.Instant;
import java.util.Objects;

/**
 * A page fetched from a feed item's link, carried with the feed so that the parser can complete the item without going
 * to the network (a replay gives the same articles).
 *
 * @param url         the item's link as resolved from the feed: the parser finds the item's page by it
 * @param fetchedUrl  where the page finally came from, after redirects; the base for its relative links
 * @param contentType MIME type the server declared, may carry {@code ;charset=}; nullable
 * @param charset     charset the server declared; nullable
 * @param payload     the page's bytes, as received or {@linkplain dev.newsroom.ingest.parse.page.PageReducer#reduce reduced}
 * @param fetchedAt   when the bytes were received
 */
public record LinkedPage(String url, String fetchedUrl, String contentType, String charset, byte[] payload,
                         Instant fetchedAt) {

    public LinkedPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(payload, "payload");
        fetchedUrl = fetchedUrl == null ? url : fetchedUrl;
        fetchedAt = fetchedAt == null ? Instant.EPOCH : fetchedAt;
    }
}
