package dev.newsroom.ingest.poller;

import dev.newsroom.ingest.parse.document.FullTextMode;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One feed to poll.
 *
 * @param name         the feed's name in the configuration; part of document ids and the default source
 * @param url          where to fetch it (http or https)
 * @param interval     time between the end of one poll and the start of the next, when the last one worked
 * @param allowPrivate let this feed, and its redirects, reach loopback, private and other non-public addresses
 * @param source       the {@code source} written on its raw documents, {@code poller:<name>} unless configured
 * @param contentType  a content type to declare instead of the response's, for servers that send a wrong one
 * @param fullText     which items are completed from the page their link points to; the pages are fetched with
 *                     the feed's {@code allowPrivate}
 */
public record FeedConfig(String name, URI url, Duration interval, boolean allowPrivate, String source,
        Optional<String> contentType, FullTextMode fullText) {

    public FeedConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(fullText, "fullText");
    }

    /** A feed whose teaser items are completed under {@link FullTextMode#AUTO}. */
    public FeedConfig(String name, URI url, Duration interval, boolean allowPrivate, String source,
            Optional<String> contentType) {
        this(name, url, interval, allowPrivate, source, contentType, FullTextMode.AUTO);
    }

    /** The source written when none is configured. */
    public static String defaultSource(String feedName) {
        return "poller:" + feedName;
    }
}
