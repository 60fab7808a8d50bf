package dev.newsroom.ingest.poller;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the poller may fetch a page, by its site's robots.txt as RFC 9309 reads it: the group of our user agent's
 * product token ({@code newsroom-poller}), else {@code *}; the longest matching Allow or Disallow wins, Allow on a tie.
 * crawler-commons parses and matches; this class fetches (through the {@link FeedFetcher}, so with the same address
 * checks, redirects and limits) and caches.
 *
 * <ul>
 *   <li>fetched: its rules, trusted for {@code poller.full-text.robots-ttl} (24 h by default, RFC 9309's ceiling);</li>
 *   <li>HTTP 400–499 other than 429 ("unavailable"): no rules, every page allowed, for as long;</li>
 *   <li>HTTP 5xx, 429, no answer, refused address, more redirects than allowed, larger than 512 KiB
 *       ("unreachable"): every page disallowed, asked again after {@value #UNREACHABLE_RETRY_MINUTES} minutes (or the
 *       TTL if shorter).</li>
 * </ul>
 * The feed itself is not subject to robots.txt: an operator configured it by name.
 */
final class RobotsTxt {

    /** Whether a page may be fetched, and if not, why. */
    record Verdict(boolean allowed, String reason) {
    }

    private static final long UNREACHABLE_RETRY_MINUTES = 10;
    private static final Pattern PRODUCT_TOKEN = Pattern.compile("^([A-Za-z_-]+)");

    private record Rules(SimpleRobotRules rules, Instant expires, String unreachable) {
    }

    private final FeedFetcher fetcher;
    private final HostPacer pacer;
    private final Clock clock;
    private final Duration ttl;
    private final List<String> agent;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Rules> byOrigin = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    RobotsTxt(FeedFetcher fetcher, HostPacer pacer, Clock clock, Duration ttl, String userAgent) {
        this.fetcher = fetcher;
        this.pacer = pacer;
        this.clock = clock;
        this.ttl = ttl;
        this.agent = List.of(productToken(userAgent));
    }

    /** The lower-case product token robots.txt groups are matched by: "newsroom-poller" for "newsroom-poller/1.0". */
    static String productToken(String userAgent) {
        Matcher matcher = PRODUCT_TOKEN.matcher(userAgent.strip());
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "newsroom-poller";
    }

    /** Whether {@code page}, linked from {@code feed}, may be fetched; fetches its site's robots.txt when needed. */
    Verdict check(FeedConfig feed, URI page) throws InterruptedException {
        String origin = origin(page);
        Rules rules = byOrigin.get(origin);
        if (rules == null || !clock.instant().isBefore(rules.expires())) {
            synchronized (locks.computeIfAbsent(origin, o -> new Object())) {
                rules = byOrigin.get(origin);
                if (rules == null || !clock.instant().isBefore(rules.expires())) {
                    rules = fetch(feed, origin);
                    byOrigin.put(origin, rules);
                }
            }
        }
        if (rules.rules().isAllowed(page.toString())) {
            return new Verdict(true, null);
        }
        return new Verdict(false, rules.unreachable() != null
                ? "robots.txt of " + origin + " is unreachable (" + rules.unreachable() + "), so no page of the site "
                        + "is fetched until it can be read"
                : "robots.txt of " + origin + " disallows it for " + agent.get(0));
    }

    private Rules fetch(FeedConfig feed, String origin) throws InterruptedException {
        URI robots = URI.create(origin + "/robots.txt");
        pacer.awaitTurn(robots);
        FetchResult result = fetcher.fetchRobots(feed, robots);
        Instant now = clock.instant();
        if (result instanceof FetchResult.Fetched fetched) {
            FetchedDocument document = fetched.document();
            SimpleRobotRules rules = parser.parseContent(robots.toString(), document.body(),
                    document.header("content-type").orElse("text/plain"), agent);
            return new Rules(rules, now.plus(ttl), null);
        }
        FetchResult.Failed failed = (FetchResult.Failed) result;
        int status = failed.status();
        boolean unavailable = (status >= 400 && status < 500 && status != 429) || (status >= 200 && status < 300);
        if (unavailable) {
            return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now.plus(ttl), null);
        }
        Duration retry = Duration.ofMinutes(UNREACHABLE_RETRY_MINUTES);
        return new Rules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE),
                now.plus(retry.compareTo(ttl) < 0 ? retry : ttl), failed.reason());
    }

    private static String origin(URI page) {
        String scheme = page.getScheme().toLowerCase(Locale.ROOT);
        int port = page.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String host = page.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (defaultPort ? "" : ":" + port);
    }
}
