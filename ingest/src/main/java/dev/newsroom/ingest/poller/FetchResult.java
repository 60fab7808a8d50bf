package dev.newsroom.ingest.poller;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How one poll of a feed ended. */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.NotModified, FetchResult.Failed {

    /** Body bytes received from the network during the poll, however it ended (before decompression). */
    long bytesReceived();

    /** The feed answered with a body. */
    record Fetched(FetchedDocument document, long bytesReceived) implements FetchResult {
    }

    /** The feed answered 304: nothing changed since the validators we sent. */
    record NotModified(URI uri, long bytesReceived) implements FetchResult {
    }

    /**
     * The poll failed.
     *
     * @param feed       the feed's name
     * @param reason     what went wrong, for people: the URL involved and the rule or error
     * @param retryAfter how long the server asked us to wait ({@code Retry-After} on 429 and 503)
     * @param status     the HTTP status the server answered with, or 0 when the request got no answer (refused
     *                   address, network error, time limit, too large)
     */
    record Failed(String feed, String reason, Optional<Duration> retryAfter, long bytesReceived, int status)
            implements FetchResult {

        /** The reason with the feed's name, as logs and {@link PollerStats} show it. */
        public String message() {
            return "feed '" + feed + "': " + reason;
        }
    }
}
