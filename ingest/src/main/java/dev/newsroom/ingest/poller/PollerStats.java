package dev.newsroom.ingest.poller;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of what the poller has done, per feed (in configuration order), for health and metrics.
 *
 * @param feeds counters by feed name
 */
public record PollerStats(Map<String, FeedStats> feeds) {

    public PollerStats {
        feeds = Collections.unmodifiableMap(new LinkedHashMap<>(feeds));
    }

    /** One feed's counters; throws if there is no such feed. */
    public FeedStats feed(String name) {
        FeedStats stats = feeds.get(name);
        if (stats == null) {
            throw new IllegalArgumentException("No feed named '" + name + "'; feeds: " + feeds.keySet());
        }
        return stats;
    }

    /**
     * @param fetches             polls started
     * @param documents           documents handed to the sink
     * @param notModified         polls answered 304 Not Modified
     * @param unchanged           polls whose body was the same as the last one handed on, so nothing was produced
     * @param errors              polls that failed, including documents the sink refused
     * @param bytesReceived       body bytes received from the network, before decompression
     * @param consecutiveFailures failures since the last poll that worked; drives the backoff
     * @param lastError           the most recent failure, with the feed's name and the reason
     * @param lastSuccessAt       when a poll last worked (document, 304 or unchanged body)
     * @param pages               what the documents' teaser items got from the pages their links point to
     */
    public record FeedStats(long fetches, long documents, long notModified, long unchanged, long errors,
            long bytesReceived, int consecutiveFailures, Optional<String> lastError, Optional<Instant> lastSuccessAt,
            PageStats pages) {
    }

    /**
     * Pages of a feed's teaser items, counted per document produced (an item in three versions of a feed counts three
     * times).
     *
     * @param fetched     received from the network, new or changed
     * @param notModified confirmed unchanged by a conditional request (304)
     * @param fromCache   taken from the cache without a request
     * @param failed      not had: robots.txt, HTTP errors, refused addresses, time or size limits, no article in them
     * @param deferred    left for a later poll by the per-poll or per-document limits
     * @param lastFailure the most recent failure, naming the feed, the page and the reason
     */
    public record PageStats(long fetched, long notModified, long fromCache, long failed, long deferred,
            Optional<String> lastFailure) {
    }
}
