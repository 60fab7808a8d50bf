package dev.newsroom.ingest.poller;

import java.time.Duration;
import java.util.Objects;

/**
 * How the poller fetches the pages of teaser items ({@code poller.full-text.*}).
 *
 * @param perHostInterval      the least time between two requests to one host (pages and robots.txt), across feeds
 * @param maxPagesPerPoll      page requests one poll of a feed may make; pages left over wait for its next poll
 * @param maxPageBytes         the largest page accepted, on the wire and decompressed
 * @param cacheBytes           reduced pages kept in memory across polls and feeds, least recently used dropped first
 * @param refreshAfter         how long a cached page is used without asking the server again; older ones are
 *                             revalidated with a conditional request
 * @param robotsTtl            how long a host's robots.txt is trusted before it is fetched again
 * @param maxPagesPerDocument  the most bytes of pages one raw document carries, so records stay within Kafka's limits
 */
public record FullTextSettings(Duration perHostInterval, int maxPagesPerPoll, long maxPageBytes, long cacheBytes,
        Duration refreshAfter, Duration robotsTtl, long maxPagesPerDocument) {

    public static final Duration DEFAULT_PER_HOST_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_PAGES_PER_POLL = 30;
    public static final long DEFAULT_MAX_PAGE_BYTES = 5L * 1024 * 1024;
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_REFRESH_AFTER = Duration.ofHours(1);
    /** RFC 9309 asks crawlers not to use a cached robots.txt for more than 24 hours. */
    public static final Duration DEFAULT_ROBOTS_TTL = Duration.ofHours(24);
    public static final long DEFAULT_MAX_PAGES_PER_DOCUMENT = 8L * 1024 * 1024;

    public FullTextSettings {
        Objects.requireNonNull(perHostInterval, "perHostInterval");
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        Objects.requireNonNull(robotsTtl, "robotsTtl");
        if (maxPagesPerPoll < 0 || maxPageBytes <= 0 || cacheBytes < 0 || maxPagesPerDocument < 0) {
            throw new IllegalArgumentException("full-text limits must not be negative");
        }
    }

    public static FullTextSettings defaults() {
        return new FullTextSettings(DEFAULT_PER_HOST_INTERVAL, DEFAULT_MAX_PAGES_PER_POLL, DEFAULT_MAX_PAGE_BYTES,
                DEFAULT_CACHE_BYTES, DEFAULT_REFRESH_AFTER, DEFAULT_ROBOTS_TTL, DEFAULT_MAX_PAGES_PER_DOCUMENT);
    }
}
