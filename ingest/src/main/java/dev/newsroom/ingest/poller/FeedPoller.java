package dev.newsroom.ingest.poller;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.schemas.RawDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every configured feed on its own interval and hands what changed to a {@link RawDocumentSink}.
 *
 * <p>Per feed: a conditional GET with the validators of the last document handed on (a 304 produces nothing);
 * a body identical to the last one handed on produces nothing either; after an error the feed waits with
 * exponential backoff and jitter ({@code poller.backoff.*}), or as long as a 429/503 {@code Retry-After} asks
 * (up to 24 h), and returns to its interval after the next poll that works.
 * Validators are only remembered once the sink took the document, so a document the sink refused is fetched
 * again in full.
 *
 * <p>Before a changed feed is handed on, the pages of its teaser items are fetched and carried in it
 * ({@link LinkedPageFetcher}: robots.txt, per-host pacing, a shared page cache, conditional requests), so that ingest
 * completes those items without going to the network.
 *
 * <p>Each feed polls on its own thread, so a feed stalled on a slow server delays no other. The sink is not
 * owned: close it after the poller.
 */
public final class FeedPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    /** A server cannot switch a feed off for longer than this by asking us to come back later. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final FeedFetcher fetcher;
    private final RawDocumentSink sink;
    private final PollScheduler scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final LinkedPageFetcher pages;
    private final Map<String, FeedState> feeds = new LinkedHashMap<>();
    private boolean started;
    private volatile boolean closed;

    /** A poller for {@code config}'s feeds producing to {@code sink}; nothing happens until {@link #start()}. */
    public FeedPoller(PollerConfig config, RawDocumentSink sink) {
        this(config, new FeedFetcher(config), sink, new ExecutorPollScheduler(Math.max(1, config.feeds().size())),
                Clock.systemUTC());
    }

    FeedPoller(PollerConfig config, FeedFetcher fetcher, RawDocumentSink sink, PollScheduler scheduler,
            Clock clock) {
        this(config, fetcher, sink, scheduler, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    /** @param sleeper how the per-host pacing of page requests waits */
    FeedPoller(PollerConfig config, FeedFetcher fetcher, RawDocumentSink sink, PollScheduler scheduler,
            Clock clock, HostPacer.Sleeper sleeper) {
        this.fetcher = fetcher;
        this.sink = sink;
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
        FullTextSettings fullText = config.fullText();
        HostPacer pacer = new HostPacer(fullText.perHostInterval(), clock, sleeper);
        this.pages = new LinkedPageFetcher(fullText, fetcher,
                new RobotsTxt(fetcher, pacer, clock, fullText.robotsTtl(), config.userAgent()), pacer,
                new PageCache(fullText.cacheBytes()), new DocumentParser(), clock);
        config.feeds().forEach(feed -> feeds.put(feed.name(), new FeedState(feed)));
    }

    /** Polls every feed once now, then each on its interval. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("The feed poller is closed");
        }
        if (started) {
            return;
        }
        started = true;
        LOG.info("Polling {} feed(s): {}", feeds.size(), feeds.keySet());
        feeds.values().forEach(state -> schedule(state, Duration.ZERO));
    }

    public PollerStats stats() {
        Map<String, PollerStats.FeedStats> snapshot = new LinkedHashMap<>();
        feeds.forEach((name, state) -> snapshot.put(name, state.snapshot()));
        return new PollerStats(snapshot);
    }

    /**
     * Stops polling: waiting polls are dropped, running ones interrupted. Once this returns, nothing more reaches
     * the sink.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!scheduler.shutdown(CLOSE_TIMEOUT)) {
                LOG.warn("Feed polls still running {} s after close; abandoning them", CLOSE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fetcher.close();
        }
    }

    private void schedule(FeedState state, Duration delay) {
        try {
            scheduler.schedule(() -> poll(state), delay);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                LOG.error("feed '{}': could not schedule its next poll; it stops being polled", state.feed.name(), e);
            }
        }
    }

    private void poll(FeedState state) {
        if (closed) {
            return;
        }
        Optional<Duration> next;
        try {
            next = pollOnce(state);
        } catch (RuntimeException e) {
            // Whatever went wrong (the sink, most likely), this feed keeps its schedule.
            next = closed ? Optional.empty() : Optional.of(failed(state, "feed '" + state.feed.name()
                    + "': could not hand the document on: " + e, Optional.empty()));
        }
        next.ifPresent(delay -> schedule(state, delay));
    }

    /** The wait until this feed's next poll, or empty if the poller closed meanwhile. */
    private Optional<Duration> pollOnce(FeedState state) {
        FeedConfig feed = state.feed;
        state.fetches.incrementAndGet();
        FetchResult result = fetcher.fetch(feed, state.validators);
        state.bytesReceived.addAndGet(result.bytesReceived());
        if (closed) {
            // Closing interrupted this poll or raced it: the outcome says nothing about the feed.
            return Optional.empty();
        }
        if (result instanceof FetchResult.Fetched fetched) {
            FetchedDocument document = fetched.document();
            String hash = RawDocuments.bodyHash(document.body());
            if (hash.equals(state.lastBodyHash)) {
                state.unchanged.incrementAndGet();
                LOG.debug("feed '{}': unchanged body from {}", feed.name(), document.uri());
            } else {
                Optional<RawDocument> completed = withPages(state, RawDocuments.of(feed, document, hash));
                if (completed.isEmpty() || closed) {
                    return Optional.empty();
                }
                RawDocument raw = completed.get();
                sink.accept(raw);
                state.documents.incrementAndGet();
                state.lastBodyHash = hash;
                state.carriedPages = raw.getLinkedPages().stream().map(page -> page.getUrl())
                        .collect(Collectors.toUnmodifiableSet());
                LOG.info("feed '{}': produced {} ({} bytes, {} linked page(s)) from {}", feed.name(),
                        raw.getDocumentId(), document.body().length, raw.getLinkedPages().size(), document.uri());
            }
            state.validators = document.validators();
            return Optional.of(succeeded(state));
        }
        if (result instanceof FetchResult.NotModified notModified) {
            state.notModified.incrementAndGet();
            LOG.debug("feed '{}': not modified at {}", feed.name(), notModified.uri());
            return Optional.of(succeeded(state));
        }
        FetchResult.Failed failed = (FetchResult.Failed) result;
        return Optional.of(failed(state, failed.message(), failed.retryAfter()));
    }

    /** {@code raw} with the pages of its teaser items, or empty if the poller closed meanwhile. */
    private Optional<RawDocument> withPages(FeedState state, RawDocument raw) {
        LinkedPageFetcher.Outcome outcome;
        try {
            outcome = pages.pagesFor(state.feed, RawDocuments.input(raw), state.carriedPages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        state.pagesFetched.addAndGet(outcome.fetched());
        state.pagesNotModified.addAndGet(outcome.notModified());
        state.pagesFromCache.addAndGet(outcome.fromCache());
        state.pagesFailed.addAndGet(outcome.failed());
        state.pagesDeferred.addAndGet(outcome.deferred());
        outcome.lastFailure().ifPresent(failure -> state.lastPageFailure = failure);
        return Optional.of(outcome.pages().isEmpty() ? raw : RawDocuments.withPages(raw, outcome.pages()));
    }

    private Duration succeeded(FeedState state) {
        if (state.consecutiveFailures > 0) {
            LOG.info("feed '{}': polling again after {} failed attempt(s)", state.feed.name(),
                    state.consecutiveFailures);
        }
        state.consecutiveFailures = 0;
        state.lastSuccessAt = clock.instant();
        return state.feed.interval();
    }

    private Duration failed(FeedState state, String message, Optional<Duration> retryAfter) {
        state.errors.incrementAndGet();
        state.lastError = message;
        int failures = state.consecutiveFailures + 1;
        state.consecutiveFailures = failures;
        Duration delay = backoff.delay(failures, ThreadLocalRandom.current().nextDouble());
        Optional<Duration> asked = retryAfter.map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
        if (asked.isPresent() && asked.get().compareTo(delay) > 0) {
            delay = asked.get();
        }
        LOG.warn("{}; attempt {} failed, next in {} s", message, failures, delay.toSeconds());
        return delay;
    }

    /**
     * One feed's memory between polls. Polls of a feed never overlap and each is scheduled by the previous one,
     * so the plain fields are only touched by one thread at a time; what {@link #stats()} reads is volatile or
     * atomic.
     */
    private static final class FeedState {

        final FeedConfig feed;
        final AtomicLong fetches = new AtomicLong();
        final AtomicLong documents = new AtomicLong();
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong bytesReceived = new AtomicLong();
        final AtomicLong pagesFetched = new AtomicLong();
        final AtomicLong pagesNotModified = new AtomicLong();
        final AtomicLong pagesFromCache = new AtomicLong();
        final AtomicLong pagesFailed = new AtomicLong();
        final AtomicLong pagesDeferred = new AtomicLong();
        volatile int consecutiveFailures;
        volatile String lastError;
        volatile String lastPageFailure;
        volatile Instant lastSuccessAt;
        Validators validators = Validators.NONE;
        String lastBodyHash;
        Set<String> carriedPages = Set.of();

        FeedState(FeedConfig feed) {
            this.feed = feed;
        }

        PollerStats.FeedStats snapshot() {
            return new PollerStats.FeedStats(fetches.get(), documents.get(), notModified.get(), unchanged.get(),
                    errors.get(), bytesReceived.get(), consecutiveFailures, Optional.ofNullable(lastError),
                    Optional.ofNullable(lastSuccessAt), new PollerStats.PageStats(pagesFetched.get(),
                            pagesNotModified.get(), pagesFromCache.get(), pagesFailed.get(), pagesDeferred.get(),
                            Optional.ofNullable(lastPageFailure)));
        }
    }
}
