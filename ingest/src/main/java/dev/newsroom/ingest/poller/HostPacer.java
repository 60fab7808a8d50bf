package dev.newsroom.ingest.poller;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps requests to one host at least {@code poller.full-text.per-host-interval} apart, across every feed: a feed of
 * thirty teasers from one site does not fetch thirty pages at once, and two feeds of the same site share its budget.
 * Each caller is given the host's next free slot and waits for it, so requests keep the order they asked in.
 */
final class HostPacer {

    /** Waits; the seam that lets tests move a virtual clock instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Hosts whose next slot lies this far in the past are forgotten, so the table stays small. */
    private static final int PRUNE_ABOVE_HOSTS = 1_000;

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> nextSlot = new HashMap<>();

    HostPacer(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Returns once a request to {@code uri}'s host may go out. */
    void awaitTurn(URI uri) throws InterruptedException {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Instant slot;
        synchronized (this) {
            Instant next = nextSlot.get(host);
            slot = next == null || next.isBefore(now) ? now : next;
            nextSlot.put(host, slot.plus(interval));
            if (nextSlot.size() > PRUNE_ABOVE_HOSTS) {
                nextSlot.values().removeIf(free -> free.isBefore(now));
            }
        }
        Duration wait = Duration.between(now, slot);
        if (!wait.isZero() && !wait.isNegative()) {
            sleeper.sleep(wait);
        }
    }
}
