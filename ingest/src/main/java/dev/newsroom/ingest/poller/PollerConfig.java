package dev.newsroom.ingest.poller;

import dev.newsroom.ingest.parse.document.FullTextMode;
import dev.newsroom.platform.config.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the poller runs and which feeds it polls.
 *
 * <p>Read from properties ({@link #load(Path)}, {@link #from(Map)}); only keys starting with {@code poller.}
 * are looked at, so the poller's settings can share a file with the service's Kafka settings:
 *
 * <pre>
 * poller.feeds.akhbar.url=https://akhbar.example/feed/
 * poller.feeds.akhbar.interval=10m
 * poller.feeds.akhbar.source=akhbar.example
 * poller.feeds.cms.url=http://cms.internal:8080/rss
 * poller.feeds.cms.allow-private=true
 * poller.feeds.cms.content-type=application/rss+xml
 * poller.feeds.cms.fetch-full-text=never
 * poller.interval=5m
 * poller.max-response-bytes=10MB
 * poller.fetch-full-text=auto
 * poller.full-text.per-host-interval=1s
 * </pre>
 *
 * <p>Durations are {@code <number><unit>} with unit {@code ms}, {@code s}, {@code m}, {@code h} or {@code d},
 * or ISO-8601 ({@code PT5M}); sizes are bytes with an optional {@code KB}, {@code MB} or {@code GB} (powers
 * of 1024). Unknown {@code poller.*} keys are errors, so a typo does not silently fall back to a default.
 *
 * @param feeds            the feeds, in name order
 * @param requestTimeout   the most one poll of a feed may take, redirects and body included
 * @param connectTimeout   the most one TCP/TLS connection may take to open
 * @param maxResponseBytes the largest body accepted, counted both as received and after decompression
 * @param maxRedirects     redirects followed per poll; one more is an error
 * @param backoffBase      the wait after a feed's first consecutive error; doubles with each further one
 * @param backoffMax       the longest wait between attempts of a failing feed
 * @param userAgent        the {@code User-Agent} header
 * @param fullText         how the pages of teaser items are fetched
 */
public record PollerConfig(List<FeedConfig> feeds, Duration requestTimeout, Duration connectTimeout,
        long maxResponseBytes, int maxRedirects, Duration backoffBase, Duration backoffMax, String userAgent,
        FullTextSettings fullText) {

    public static final String PREFIX = "poller.";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The largest document ingest accepts. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;
    /** Bodies are held in memory and produced as one record: anything near this is already far too large. */
    public static final long MAX_RESPONSE_BYTES_CEILING = 1024L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(1);

    private static final String FEEDS = PREFIX + "feeds.";
    private static final List<String> FEED_FIELDS = List.of("allow-private", "content-type", "fetch-full-text",
            "interval", "source", "url");
    private static final List<String> GLOBAL_KEYS = List.of("backoff.base", "backoff.max", "connect-timeout",
            "contact", "fetch-full-text", "full-text.cache-bytes", "full-text.max-page-bytes",
            "full-text.max-pages-per-document", "full-text.max-pages-per-poll", "full-text.per-host-interval",
            "full-text.refresh-after", "full-text.robots-ttl", "interval", "max-redirects", "max-response-bytes",
            "request-timeout", "user-agent");
    private static final Pattern FEED_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?");
    private static final Pattern CONTENT_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+\\s*(;.*)?");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e]+");

    public PollerConfig {
        feeds = List.copyOf(feeds);
        if (maxResponseBytes <= 0 || maxResponseBytes > MAX_RESPONSE_BYTES_CEILING) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + MAX_RESPONSE_BYTES_CEILING);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(fullText, "fullText");
    }

    /** Reads a properties file (UTF-8). */
    public static PollerConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        try {
            return from(settings);
        } catch (PollerConfigException e) {
            List<String> problems = e.problems().stream().map(problem -> file + ": " + problem).toList();
            throw new PollerConfigException(problems);
        }
    }

    /**
     * Reads the {@code poller.*} keys of a service configuration.
     *
     * @throws PollerConfigException listing every problem found
     */
    public static PollerConfig from(Map<String, ?> settings) {
        return new Parser(settings).parse();
    }

    /** The default {@code User-Agent}: {@code newsroom-poller/<version>}, plus {@code (+<contact>)} if given. */
    public static String defaultUserAgent(Optional<String> contact) {
        return "newsroom-poller/" + version() + contact.map(c -> " (+" + c + ")").orElse("");
    }

    private static String version() {
        try (InputStream in = PollerConfig.class.getResourceAsStream(
                "/META-INF/maven/dev.newsroom/newsroom-ingest/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                String version = pom.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // Falls through to the manifest, then to "dev": a version is only a courtesy to feed owners.
        }
        String fromManifest = PollerConfig.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "dev";
    }

    private static final class Parser {

        private final Map<String, String> settings = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();

        Parser(Map<String, ?> raw) {
            raw.forEach((key, value) -> {
                if (key.startsWith(PREFIX) && value != null) {
                    settings.put(key, value.toString().trim());
                }
            });
        }

        PollerConfig parse() {
            Map<String, Map<String, String>> feedSettings = new TreeMap<>();
            settings.forEach((key, value) -> {
                if (key.startsWith(FEEDS)) {
                    String rest = key.substring(FEEDS.length());
                    int dot = rest.lastIndexOf('.');
                    String name = dot < 0 ? "" : rest.substring(0, dot);
                    String field = rest.substring(dot + 1);
                    if (name.isEmpty() || !FEED_NAME.matcher(name).matches()) {
                        problems.add(key + ": expected poller.feeds.<name>.<setting>, where the name uses only "
                                + "letters, digits, '.', '_' and '-'");
                    } else if (!FEED_FIELDS.contains(field)) {
                        problems.add("feed '" + name + "': unknown setting '" + field + "' (" + key + "); known: "
                                + String.join(", ", FEED_FIELDS));
                    } else {
                        feedSettings.computeIfAbsent(name, n -> new TreeMap<>()).put(field, value);
                    }
                } else if (!GLOBAL_KEYS.contains(key.substring(PREFIX.length()))) {
                    problems.add(key + ": unknown setting; known: poller.feeds.<name>.{" + String.join(",", FEED_FIELDS)
                            + "} and poller.{" + String.join(",", GLOBAL_KEYS) + "}");
                }
            });

            Duration interval = global("interval", DEFAULT_INTERVAL, Parser::duration);
            Duration requestTimeout = global("request-timeout", DEFAULT_REQUEST_TIMEOUT, Parser::duration);
            Duration connectTimeout = global("connect-timeout", DEFAULT_CONNECT_TIMEOUT, Parser::duration);
            long maxResponseBytes = global("max-response-bytes", DEFAULT_MAX_RESPONSE_BYTES, Parser::size);
            int maxRedirects = global("max-redirects", DEFAULT_MAX_REDIRECTS, Parser::wholeNumber);
            Duration backoffBase = global("backoff.base", DEFAULT_BACKOFF_BASE, Parser::duration);
            Duration backoffMax = global("backoff.max", DEFAULT_BACKOFF_MAX, Parser::duration);
            if (backoffMax.compareTo(backoffBase) < 0) {
                problems.add(PREFIX + "backoff.max: " + settings.get(PREFIX + "backoff.max")
                        + " is shorter than poller.backoff.base (" + backoffBase + ")");
            }
            Optional<String> contact = Optional.ofNullable(global("contact", null, Parser::headerText));
            String userAgent = global("user-agent", defaultUserAgent(contact), Parser::headerText);
            FullTextMode fullTextMode = global("fetch-full-text", FullTextMode.AUTO, FullTextMode::of);
            FullTextSettings fullText = new FullTextSettings(
                    global("full-text.per-host-interval", FullTextSettings.DEFAULT_PER_HOST_INTERVAL, Parser::duration),
                    global("full-text.max-pages-per-poll", FullTextSettings.DEFAULT_MAX_PAGES_PER_POLL,
                            Parser::wholeNumber),
                    global("full-text.max-page-bytes", FullTextSettings.DEFAULT_MAX_PAGE_BYTES, Parser::size),
                    global("full-text.cache-bytes", FullTextSettings.DEFAULT_CACHE_BYTES, Parser::size),
                    global("full-text.refresh-after", FullTextSettings.DEFAULT_REFRESH_AFTER, Parser::duration),
                    global("full-text.robots-ttl", FullTextSettings.DEFAULT_ROBOTS_TTL, Parser::duration),
                    global("full-text.max-pages-per-document", FullTextSettings.DEFAULT_MAX_PAGES_PER_DOCUMENT,
                            Parser::size));

            List<FeedConfig> feeds = new ArrayList<>();
            feedSettings.forEach((name, fields) -> feed(name, fields, interval, fullTextMode).ifPresent(feeds::add));
            if (!problems.isEmpty()) {
                throw new PollerConfigException(problems);
            }
            return new PollerConfig(feeds, requestTimeout, connectTimeout, maxResponseBytes, maxRedirects,
                    backoffBase, backoffMax, userAgent, fullText);
        }

        private Optional<FeedConfig> feed(String name, Map<String, String> fields, Duration defaultInterval,
                FullTextMode defaultFullText) {
            int before = problems.size();
            URI url = null;
            String rawUrl = fields.get("url");
            if (rawUrl == null || rawUrl.isEmpty()) {
                problems.add("feed '" + name + "': url is required (" + FEEDS + name + ".url)");
            } else {
                url = field(name, "url", rawUrl, Parser::url);
            }
            Duration interval = fields.containsKey("interval")
                    ? field(name, "interval", fields.get("interval"), Parser::duration)
                    : defaultInterval;
            boolean allowPrivate = fields.containsKey("allow-private")
                    && Boolean.TRUE.equals(field(name, "allow-private", fields.get("allow-private"), Parser::bool));
            String source = fields.containsKey("source")
                    ? field(name, "source", fields.get("source"), Parser::nonBlank)
                    : FeedConfig.defaultSource(name);
            Optional<String> contentType = fields.containsKey("content-type")
                    ? Optional.ofNullable(field(name, "content-type", fields.get("content-type"), Parser::contentType))
                    : Optional.empty();
            FullTextMode fullText = fields.containsKey("fetch-full-text")
                    ? field(name, "fetch-full-text", fields.get("fetch-full-text"), FullTextMode::of)
                    : defaultFullText;
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new FeedConfig(name, url, interval, allowPrivate, source, contentType, fullText));
        }

        private <T> T global(String key, T fallback, Function<String, T> parse) {
            String value = settings.get(PREFIX + key);
            if (value == null) {
                return fallback;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + key + ": " + e.getMessage());
                return fallback;
            }
        }

        private <T> T field(String feed, String field, String value, Function<String, T> parse) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                problems.add("feed '" + feed + "': " + field + ": " + e.getMessage() + " (" + FEEDS + feed + "."
                        + field + ")");
                return null;
            }
        }

        static Duration duration(String value) {
            return Durations.parsePositive(value);
        }

        static long size(String value) {
            Matcher matcher = SIZE.matcher(value.toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a size such as 10MB, 512KB or 1048576");
            }
            String unit = matcher.group(2) == null ? "b" : matcher.group(2);
            long multiplier = switch (unit.charAt(0)) {
                case 'k' -> 1024L;
                case 'm' -> 1024L * 1024;
                case 'g' -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            long bytes;
            try {
                bytes = Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is too large");
            }
            if (bytes <= 0) {
                throw new IllegalArgumentException("'" + value + "' must be more than zero bytes");
            }
            if (bytes > MAX_RESPONSE_BYTES_CEILING) {
                throw new IllegalArgumentException("'" + value + "' is more than 1GB, more than a Kafka record can "
                        + "carry");
            }
            return bytes;
        }

        static int wholeNumber(String value) {
            try {
                int redirects = Integer.parseInt(value);
                if (redirects >= 0) {
                    return redirects;
                }
            } catch (NumberFormatException e) {
                // Reported below with the rule the value breaks.
            }
            throw new IllegalArgumentException("'" + value + "' is not a whole number of zero or more");
        }

        static URI url(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + value + "' is not a URL: " + e.getReason());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("'" + value + "' is not an http or https URL");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("'" + value + "' has no host name");
            }
            return uri;
        }

        static Boolean bool(String value) {
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("'" + value + "' is neither true nor false");
        }

        static String nonBlank(String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return value;
        }

        static String contentType(String value) {
            if (!CONTENT_TYPE.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a content type such as "
                        + "application/rss+xml or text/html; charset=utf-8");
            }
            return value;
        }

        static String headerText(String value) {
            if (!HEADER_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' must be printable ASCII on one line");
            }
            return value;
        }
    }
}
