package dev.newsroom.ingest.poller;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one feed (or a page one of its items links to, or a site's robots.txt): a conditional GET that follows
 * redirects itself, so that every hop is checked by the {@link AddressGuard} and counted, within a total time limit
 * and a size limit enforced while the body streams in.
 *
 * <h2>DNS rebinding</h2>
 * {@code java.net.http} offers no way to connect to an address we choose while keeping the host name for TLS
 * and {@code Host}, so the address the guard approved cannot be pinned. Writing our own HTTP/1.1 and TLS client
 * to pin it would trade a narrow, documented gap for a large amount of security-sensitive parsing code; we keep
 * the JDK client and narrow the gap instead:
 * <ol>
 *   <li>each hop's host is resolved and checked right before its request;</li>
 *   <li>the JVM caches successful lookups (30 s by default, {@code networkaddress.cache.ttl}), so the client's
 *       own lookup a moment later normally gets the very answer that was checked;</li>
 *   <li>when the response headers arrive the host is checked again. A lookup the client made after the cached
 *       answer expired is itself cached for longer than a request may last (30 s against 20 s by default), so
 *       this second check sees what the client connected to; if that is not public the response is dropped
 *       unread.</li>
 * </ol>
 * What remains: an attacker who controls a feed's DNS and wins the race at a cache expiry can make the poller
 * send one GET (no body, no credentials) to an internal address; the answer is never read or produced. A DNS
 * cache shorter than the request timeout weakens the last safeguard and is logged as a warning. No proxy is
 * used, because behind a proxy the proxy resolves the host and none of these checks would mean anything.
 *
 * <p>Thread-safe: one fetcher serves every feed.
 */
public final class FeedFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedFetcher.class);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5";
    private static final String ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    private static final String ACCEPT_ROBOTS = "text/plain, */*;q=0.5";
    /** RFC 9309: crawlers must read at least 500 KiB of a robots.txt; a larger one is treated as unreachable. */
    static final long MAX_ROBOTS_BYTES = 512 * 1024;
    private static final List<String> KEPT_HEADERS = List.of("etag", "last-modified", "content-language",
            "content-type");
    private static final Set<String> DECODABLE = Set.of("identity", "", "gzip", "x-gzip", "deflate");
    private static final int READ_CHUNK = 8192;
    private static final int INITIAL_BUFFER = 64 * 1024;
    /** What the JDK caches successful lookups for when {@code networkaddress.cache.ttl} is not set. */
    private static final long DEFAULT_DNS_CACHE_TTL_SECONDS = 30;

    private final HttpClient client;
    private final AddressGuard guard;
    private final Clock clock;
    private final Duration requestTimeout;
    private final long maxResponseBytes;
    private final long maxPageBytes;
    private final int maxRedirects;
    private final String userAgent;
    private final ScheduledThreadPoolExecutor deadlines;

    public FeedFetcher(PollerConfig config) {
        this(config, new AddressGuard(), Clock.systemUTC());
    }

    FeedFetcher(PollerConfig config, AddressGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.requestTimeout = config.requestTimeout();
        this.maxResponseBytes = config.maxResponseBytes();
        this.maxPageBytes = config.fullText().maxPageBytes();
        this.maxRedirects = config.maxRedirects();
        this.userAgent = config.userAgent();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(config.connectTimeout())
                .build();
        this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "newsroom-poller-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
        warnIfDnsCacheTooShort(requestTimeout);
    }

    /**
     * Polls {@code feed} once. While the fetcher is open this never throws: every failure, including a refused
     * address, is a {@link FetchResult.Failed} naming the feed and the reason.
     *
     * @param validators what the last successful poll of this feed returned, or {@link Validators#NONE}
     */
    public FetchResult fetch(FeedConfig feed, Validators validators) {
        return fetch(new Target(feed, feed.url(), maxResponseBytes, "max-response-bytes", ACCEPT), validators);
    }

    /**
     * Fetches a page a teaser item of {@code feed} links to, by the same rules as the feed (address checks on every
     * hop, redirects, time limit, user agent), within {@code poller.full-text.max-page-bytes}.
     */
    FetchResult fetchPage(FeedConfig feed, URI page, Validators validators) {
        return fetch(new Target(feed, page, maxPageBytes, "full-text.max-page-bytes", ACCEPT_PAGE), validators);
    }

    /** Fetches a host's robots.txt for the pages of {@code feed}, by the same rules as the feed. */
    FetchResult fetchRobots(FeedConfig feed, URI robots) {
        return fetch(new Target(feed, robots, MAX_ROBOTS_BYTES, "the robots.txt limit", ACCEPT_ROBOTS),
                Validators.NONE);
    }

    private FetchResult fetch(Target target, Validators validators) {
        FeedConfig feed = target.feed();
        Attempt attempt = new Attempt(target, System.nanoTime() + requestTimeout.toNanos());
        URI uri = target.uri();
        try {
            for (int redirects = 0; ; redirects++) {
                guard.check(uri, feed.allowPrivate());
                HttpResponse<InputStream> response = client.send(request(uri, validators, attempt),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    recheckAfterConnect(feed, uri);
                    int status = response.statusCode();
                    LOG.debug("feed '{}': {} answered {}", feed.name(), uri, status);
                    if (isRedirect(status)) {
                        if (redirects == maxRedirects) {
                            return attempt.failed("more than " + maxRedirects + " redirects (max-redirects), the last "
                                    + "from " + uri);
                        }
                        uri = redirectTarget(uri, status, response.headers());
                        continue;
                    }
                    if (status == 304) {
                        return new FetchResult.NotModified(uri, attempt.bytesReceived());
                    }
                    if (status == 200 || status == 203) {
                        return read(attempt, uri, response, body);
                    }
                    Optional<Duration> retryAfter = status == 429 || status == 503
                            ? retryAfter(response.headers(), clock)
                            : Optional.empty();
                    return attempt.failed("HTTP " + status + " from " + uri
                            + retryAfter.map(d -> " (Retry-After " + d.toSeconds() + " s)").orElse(""), retryAfter,
                            status);
                }
            }
        } catch (AddressRefusedException e) {
            return attempt.failed(refused(feed, e));
        } catch (InvalidRedirectException e) {
            return attempt.failed(e.getMessage());
        } catch (UnknownHostException e) {
            return attempt.failed("cannot resolve the host of " + uri + " (" + e.getMessage() + ")");
        } catch (HttpConnectTimeoutException e) {
            return attempt.failed("could not connect to " + uri + " within the connect timeout");
        } catch (HttpTimeoutException e) {
            return attempt.failed("no response from " + uri + " within " + human(requestTimeout)
                    + " (request-timeout)");
        } catch (IOException e) {
            return attempt.failed(describe(e, uri));
        } catch (IllegalArgumentException e) {
            return attempt.failed("cannot request " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return attempt.failed("interrupted while fetching " + uri);
        }
    }

    /**
     * Why {@code uri} may not be requested for {@code feed} by the address rules, or empty if it may: the check every
     * request makes, for callers that want to know before spending anything else on a URL.
     */
    Optional<String> refusal(FeedConfig feed, URI uri) {
        try {
            guard.check(uri, feed.allowPrivate());
            return Optional.empty();
        } catch (AddressRefusedException e) {
            return Optional.of(refused(feed, e));
        } catch (UnknownHostException e) {
            return Optional.of("cannot resolve the host of " + uri + " (" + e.getMessage() + ")");
        }
    }

    private static String refused(FeedConfig feed, AddressRefusedException e) {
        return "refused " + e.getMessage() + "; only public addresses are polled unless the feed sets "
                + PollerConfig.PREFIX + "feeds." + feed.name() + ".allow-private=true";
    }

    private HttpRequest request(URI uri, Validators validators, Attempt attempt) throws HttpTimeoutException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(attempt.remaining())
                .header("User-Agent", userAgent)
                .header("Accept", attempt.target.accept())
                .header("Accept-Encoding", "gzip, deflate");
        validators.etag().ifPresent(etag -> request.header("If-None-Match", etag));
        validators.lastModified().ifPresent(date -> request.header("If-Modified-Since", date));
        return request.build();
    }

    /** See the class documentation: catches a lookup by the client that differs from the checked one. */
    private void recheckAfterConnect(FeedConfig feed, URI uri) throws AddressRefusedException, UnknownHostException {
        if (feed.allowPrivate()) {
            return;
        }
        try {
            guard.check(uri, false);
        } catch (AddressRefusedException e) {
            throw new AddressRefusedException(e.getMessage() + " (it resolved to a public address just before the "
                    + "request: possible DNS rebinding; the response was discarded)");
        }
    }

    private FetchResult read(Attempt attempt, URI uri, HttpResponse<InputStream> response, InputStream body)
            throws IOException {
        HttpHeaders headers = response.headers();
        long limit = attempt.target.maxBytes();
        OptionalLong declared = headers.firstValueAsLong("content-length");
        if (declared.isPresent() && declared.getAsLong() > limit) {
            return attempt.failed(uri + " declares " + declared.getAsLong() + " bytes, more than " + limit + " ("
                    + attempt.target.limitName() + ")");
        }
        String encoding = headers.firstValue("content-encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        if (!DECODABLE.contains(encoding)) {
            return attempt.failed(uri + " sent Content-Encoding '" + encoding + "', which the poller does not "
                    + "accept");
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            timedOut.set(true);
            closeQuietly(body);
        }, Math.max(0, attempt.deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        BoundedInputStream wire = new BoundedInputStream(body, limit);
        attempt.wire = wire;
        byte[] bytes;
        try (InputStream decoded = decode(encoding, wire)) {
            bytes = readAtMost(decoded, limit);
        } catch (BoundedInputStream.LimitExceededException e) {
            return attempt.failed(tooLarge(uri, attempt.target));
        } catch (IOException e) {
            if (timedOut.get()) {
                return attempt.failed(timeout(uri));
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
        if (timedOut.get()) {
            return attempt.failed(timeout(uri));
        }
        if (wire.exceeded()) {
            return attempt.failed(tooLarge(uri, attempt.target));
        }
        if (bytes.length == 0) {
            return attempt.failed(uri + " answered HTTP " + response.statusCode() + " with an empty body",
                    Optional.empty(), response.statusCode());
        }
        Map<String, String> kept = new HashMap<>();
        for (String name : KEPT_HEADERS) {
            headers.firstValue(name).ifPresent(value -> kept.put(name, value));
        }
        Validators validators = new Validators(headers.firstValue("etag"), headers.firstValue("last-modified"));
        FetchedDocument document = new FetchedDocument(uri, kept, bytes, clock.instant(), validators);
        return new FetchResult.Fetched(document, attempt.bytesReceived());
    }

    /**
     * The decompressed body. The buffer grows to at most one byte past the limit: reading that byte is what
     * makes {@link BoundedInputStream} fail, so nothing beyond it is ever held.
     */
    private static byte[] readAtMost(InputStream decoded, long limit) throws IOException {
        BoundedInputStream in = new BoundedInputStream(decoded, limit);
        byte[] buffer = new byte[(int) Math.min(limit + 1, INITIAL_BUFFER)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1, 2L * buffer.length));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                return Arrays.copyOf(buffer, length);
            }
            length += n;
        }
    }

    private static InputStream decode(String encoding, InputStream wire) throws IOException {
        switch (encoding) {
            case "gzip":
            case "x-gzip":
                return new GZIPInputStream(wire, READ_CHUNK);
            case "deflate":
                return inflating(wire);
            default:
                return wire;
        }
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: tell them apart by the header. */
    private static InputStream inflating(InputStream wire) throws IOException {
        BufferedInputStream in = new BufferedInputStream(wire, READ_CHUNK);
        in.mark(2);
        int cmf = in.read();
        int flg = in.read();
        in.reset();
        boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        return new InflaterInputStream(in, inflater, READ_CHUNK) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI from, int status, HttpHeaders headers) throws InvalidRedirectException {
        String location = headers.firstValue("location")
                .orElseThrow(() -> new InvalidRedirectException(from + " answered HTTP " + status
                        + " without a Location header"));
        try {
            return from.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InvalidRedirectException(from + " redirects to '" + location + "', which is not a valid URL");
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> value = headers.firstValue("retry-after").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.get())));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String tooLarge(URI uri, Target target) {
        return "the body of " + uri + " is larger than " + target.maxBytes() + " bytes (" + target.limitName()
                + "); abandoned";
    }

    private String timeout(URI uri) {
        return "fetching " + uri + " took longer than " + human(requestTimeout) + " (request-timeout); abandoned";
    }

    private static String describe(IOException e, URI uri) {
        if (e instanceof ConnectException) {
            return "could not connect to " + uri + messageOf(e);
        }
        if (e instanceof SSLException) {
            return "TLS with " + uri + " failed" + messageOf(e);
        }
        if (e instanceof EOFException) {
            return uri + " closed the connection before the response was complete";
        }
        return "reading " + uri + " failed: " + e.getClass().getSimpleName() + messageOf(e);
    }

    private static String messageOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return ": " + cause.getMessage();
            }
        }
        return "";
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("Closing an abandoned response body failed", e);
        }
    }

    private static void warnIfDnsCacheTooShort(Duration requestTimeout) {
        String configured = Security.getProperty("networkaddress.cache.ttl");
        if (configured == null) {
            configured = System.getProperty("sun.net.inetaddr.ttl");
        }
        long ttlSeconds = DEFAULT_DNS_CACHE_TTL_SECONDS;
        if (configured != null) {
            try {
                ttlSeconds = Long.parseLong(configured.trim());
            } catch (NumberFormatException e) {
                LOG.debug("Unreadable networkaddress.cache.ttl '{}'", configured);
            }
        }
        if (ttlSeconds >= 0 && ttlSeconds < requestTimeout.toSeconds()) {
            LOG.warn("The JVM caches DNS answers for {} s, less than the poller's request timeout ({} s): the check "
                    + "when a response arrives may no longer see the address the HTTP client connected to, which "
                    + "widens the DNS rebinding window (see FeedFetcher)", ttlSeconds, requestTimeout.toSeconds());
        }
    }

    /** Stops the deadline timer. Fetches still running afterwards lose their body time limit. */
    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    /** What one request is for: a feed, a page of one of its items, or a robots.txt. */
    private record Target(FeedConfig feed, URI uri, long maxBytes, String limitName, String accept) {
    }

    /** One request's deadline and byte count. */
    private static final class Attempt {

        private final Target target;
        private final long deadlineNanos;
        private BoundedInputStream wire;

        Attempt(Target target, long deadlineNanos) {
            this.target = target;
            this.deadlineNanos = deadlineNanos;
        }

        Duration remaining() throws HttpTimeoutException {
            long nanos = deadlineNanos - System.nanoTime();
            if (nanos <= 0) {
                throw new HttpTimeoutException("request timed out");
            }
            return Duration.ofNanos(nanos);
        }

        long bytesReceived() {
            return wire == null ? 0 : wire.count();
        }

        FetchResult.Failed failed(String reason) {
            return failed(reason, Optional.empty(), 0);
        }

        FetchResult.Failed failed(String reason, Optional<Duration> retryAfter, int status) {
            return new FetchResult.Failed(target.feed().name(), reason, retryAfter, bytesReceived(), status);
        }
    }

    /** A redirect the fetcher cannot follow. */
    private static final class InvalidRedirectException extends Exception {
        InvalidRedirectException(String message) {
            super(message);
        }
    }
}
