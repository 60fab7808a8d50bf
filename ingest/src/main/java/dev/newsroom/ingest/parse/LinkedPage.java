package dev.newsroom.ingest.parse;

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
 * @param payload     the page's bytes, as received or {@linkplain #reduced() reduced}
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

    /**
     * This page reduced to what completing an item reads from it, as UTF-8 HTML: the head's title, meta tags, JSON-LD
     * and canonical links, the few elements outside the article that carry its metadata (headline, times, authors,
     * tags) and the article element the extractor finds. Whole news pages are mostly scripts, styles, menus and
     * related-story lists; the reduced page keeps raw records small while giving the same article.
     *
     * @throws RejectedDocumentException when the page is not an HTML page, cannot be decoded or holds no article; the
     *                                   message names the page and the reason
     */
    public LinkedPage reduced() {
        return PageReducer.reduce(this);
    }
}
