package dev.newsroom.ingest.poller;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.FullTextMode;
import dev.newsroom.ingest.parse.document.LinkedPage;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.page.PageReducer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages of a feed document's teaser items, for the poller to carry in the raw document.
 *
 * <p>Which items: {@link DocumentParser#linksToComplete} under the feed's {@code fetch-full-text}, the same rule ingest
 * applies. Each page comes from the {@link PageCache} while it is younger than {@code refresh-after}; otherwise, if
 * the site's robots.txt allows it, from the network through the {@link FeedFetcher} (the feed's address rules, redirect
 * and size limits, user agent), at most {@code max-pages-per-poll} requests a poll, each host paced by the
 * {@link HostPacer}, conditionally when a cached copy exists (a 304 keeps it). Pages are stored
 * {@linkplain PageReducer#reduce reduced}.
 *
 * <p>Every document carries the pages of all its current teaser items, not only new ones, so an item that was
 * completed stays completed in the next version of the feed instead of falling back to its teaser: items whose page
 * the feed's last document carried are served first under the request cap, and a cached page outlives a failed
 * refresh. A page that cannot be had is logged with the reason and counted; its item stays a teaser.
 */
final class LinkedPageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(LinkedPageFetcher.class);

    /**
     * What completing one document did.
     *
     * @param pages       the pages to carry, in item order
     * @param fetched     pages received from the network (new or changed)
     * @param notModified pages a conditional request confirmed (304)
     * @param fromCache   pages taken from the cache without a request
     * @param failed      pages that could not be had (robots.txt, HTTP errors, refused addresses, not an article …)
     * @param deferred    pages left for a later poll by {@code max-pages-per-poll} or {@code max-pages-per-document}
     * @param lastFailure the last failure's reason, naming the page
     */
    record Outcome(List<LinkedPage> pages, int fetched, int notModified, int fromCache, int failed, int deferred,
            Optional<String> lastFailure) {

        static final Outcome NONE = new Outcome(List.of(), 0, 0, 0, 0, 0, Optional.empty());
    }

    private final FullTextSettings settings;
    private final FeedFetcher fetcher;
    private final RobotsTxt robots;
    private final HostPacer pacer;
    private final PageCache cache;
    private final DocumentParser parser;
    private final Clock clock;

    LinkedPageFetcher(FullTextSettings settings, FeedFetcher fetcher, RobotsTxt robots, HostPacer pacer,
            PageCache cache, DocumentParser parser, Clock clock) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.robots = robots;
        this.pacer = pacer;
        this.cache = cache;
        this.parser = parser;
        this.clock = clock;
    }

    /**
     * The pages for the teaser items of {@code document}, a new version of {@code feed}.
     *
     * @param carriedLastTime the links whose pages the feed's previous document carried
     * @throws InterruptedException when the poller closes meanwhile
     */
    Outcome pagesFor(FeedConfig feed, RawInput document, Set<String> carriedLastTime) throws InterruptedException {
        if (feed.fullText() == FullTextMode.NEVER) {
            return Outcome.NONE;
        }
        List<String> links;
        try {
            links = parser.linksToComplete(document, feed.fullText());
        } catch (RejectedDocumentException e) {
            LOG.debug("feed '{}': no teaser items looked for, the document is not readable: {}", feed.name(),
                    e.getMessage());
            return Outcome.NONE;
        }
        Tally tally = new Tally(feed);
        List<String> order = new ArrayList<>(links);
        order.sort(Comparator.comparing(link -> !carriedLastTime.contains(link)));
        int requestsLeft = settings.maxPagesPerPoll();
        Map<String, LinkedPage> found = new HashMap<>();
        for (String link : order) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("the poller is closing");
            }
            Optional<PageCache.Entry> cached = cache.get(link);
            Optional<LinkedPage> cachedPage = cached.flatMap(PageCache.Entry::page);
            if (cached.isPresent() && isFresh(cached.get())) {
                if (cachedPage.isPresent()) {
                    found.put(link, cachedPage.get());
                    tally.fromCache++;
                }
                continue;
            }
            if (requestsLeft == 0) {
                cachedPage.ifPresentOrElse(page -> {
                    found.put(link, page);
                    tally.fromCache++;
                }, () -> tally.deferred++);
                continue;
            }
            Optional<URI> uri = uri(link);
            if (uri.isEmpty()) {
                tally.skip(link, "it is not a URL the poller can request", true);
                continue;
            }
            Optional<String> refusal = fetcher.refusal(feed, uri.get());
            if (refusal.isPresent()) {
                tally.skip(link, refusal.get(), true);
                continue;
            }
            RobotsTxt.Verdict verdict = robots.check(feed, uri.get());
            if (!verdict.allowed()) {
                // A site's policy rather than a fault: logged without alarm, and checked again next time.
                tally.skip(link, verdict.reason(), false);
                continue;
            }
            pacer.awaitTurn(uri.get());
            requestsLeft--;
            FetchResult result = fetcher.fetchPage(feed, uri.get(),
                    cachedPage.isPresent() ? cached.get().validators() : Validators.NONE);
            Optional<LinkedPage> page = take(link, result, cached, tally);
            page.ifPresent(p -> found.put(link, p));
        }
        List<LinkedPage> pages = new ArrayList<>();
        long bytes = 0;
        for (String link : links) {
            LinkedPage page = found.get(link);
            if (page == null) {
                continue;
            }
            if (bytes + page.payload().length > settings.maxPagesPerDocument()) {
                tally.deferred++;
                LOG.warn("feed '{}': page {} left out: the document already carries {} bytes of pages "
                        + "(poller.full-text.max-pages-per-document); its item stays a teaser", feed.name(), link,
                        bytes);
                continue;
            }
            bytes += page.payload().length;
            pages.add(page);
        }
        return new Outcome(pages, tally.fetched, tally.notModified, tally.fromCache, tally.failed, tally.deferred,
                tally.lastFailure);
    }

    private Optional<LinkedPage> take(String link, FetchResult result, Optional<PageCache.Entry> cached, Tally tally) {
        Instant now = clock.instant();
        Optional<LinkedPage> cachedPage = cached.flatMap(PageCache.Entry::page);
        if (result instanceof FetchResult.Fetched fetched) {
            FetchedDocument document = fetched.document();
            String contentType = document.header("content-type").orElse(null);
            LinkedPage whole = new LinkedPage(link, document.uri().toString(), contentType,
                    contentType == null ? null : RawDocuments.charsetOf(contentType).orElse(null), document.body(),
                    document.receivedAt());
            try {
                LinkedPage reduced = PageReducer.reduce(whole);
                cache.put(link, PageCache.Entry.of(reduced, document.validators(), now));
                tally.fetched++;
                return Optional.of(reduced);
            } catch (RejectedDocumentException e) {
                tally.fail(link, e.getMessage(), Optional.empty());
                return Optional.empty();
            }
        }
        if (result instanceof FetchResult.NotModified && cachedPage.isPresent()) {
            cache.put(link, cached.get().confirmedAt(now));
            tally.notModified++;
            return cachedPage;
        }
        if (result instanceof FetchResult.NotModified) {
            tally.fail(link, "answered 304 Not Modified to a request that was not conditional", Optional.empty());
            return Optional.empty();
        }
        FetchResult.Failed failed = (FetchResult.Failed) result;
        boolean transientFailure = failed.status() == 0 || failed.status() >= 500 || failed.status() == 429;
        if (transientFailure && cachedPage.isPresent()) {
            // The page we had stays carried: a server hiccup must not turn a completed item back into a teaser.
            tally.fail(link, failed.reason() + "; the cached copy is carried instead", cachedPage);
            return cachedPage;
        }
        tally.fail(link, failed.reason(), Optional.empty());
        return Optional.empty();
    }

    private boolean isFresh(PageCache.Entry entry) {
        return Duration.between(entry.checkedAt(), clock.instant()).compareTo(settings.refreshAfter()) < 0;
    }

    private static Optional<URI> uri(String link) {
        try {
            URI uri = new URI(link);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * One document's counts. Failures are logged as they happen; those of a request are also remembered in the cache,
     * so the page is not asked for again before {@code refresh-after}. A page skipped by a rule (robots.txt, the
     * address rules) is not: the rule is checked again each time, and robots.txt has its own cache.
     */
    private final class Tally {

        private final FeedConfig feed;
        int fetched;
        int notModified;
        int fromCache;
        int failed;
        int deferred;
        Optional<String> lastFailure = Optional.empty();

        Tally(FeedConfig feed) {
            this.feed = feed;
        }

        void skip(String link, String reason, boolean warn) {
            String message = failure(link, reason);
            if (warn) {
                LOG.warn("{}; its item stays a teaser", message);
            } else {
                LOG.info("{}; its item stays a teaser", message);
            }
        }

        void fail(String link, String reason, Optional<LinkedPage> kept) {
            String message = failure(link, reason);
            if (kept.isEmpty()) {
                cache.put(link, PageCache.Entry.failed(reason, clock.instant()));
                LOG.warn("{}; its item stays a teaser", message);
            } else {
                LOG.warn(message);
            }
        }

        private String failure(String link, String reason) {
            failed++;
            String message = "feed '" + feed.name() + "': page " + link + " not fetched: " + reason;
            lastFailure = Optional.of(message);
            return message;
        }
    }
}
