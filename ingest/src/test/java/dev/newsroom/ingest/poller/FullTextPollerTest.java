package dev.newsroom.ingest.poller;

import static dev.newsroom.ingest.poller.FeedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.LinkedPage;
import dev.newsroom.schemas.RawDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Teaser items completed by the poller: the pages their links point to fetched (robots.txt, per-host pacing, the
 * address rules, conditional requests, a cache) and carried in the raw document, against a real HTTP server, on a
 * scheduler and clock the test drives.
 */
class FullTextPollerTest {

    private static final String STORY = "The council met for six hours on Tuesday and agreed, after a long and often "
            + "bitter debate about the cost of the new bridge over the river, to put the question to the voters in a "
            + "referendum next spring, the mayor's office said in a statement late in the evening.";

    private final FeedServer server = new FeedServer();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();
    /** Every request the server saw, with the virtual time it arrived at. */
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private FeedPoller poller;

    private record Seen(String host, String path, Instant at) {
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        server.close();
    }

    @Test
    void aTeaserItemsPageIsCarriedReducedInTheRawDocument() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        page("/story-1", "Bridge vote", Map.of());
        feed("/feed.xml", () -> rss(
                item("Bridge vote", server.uri("/story-1"), "The council agreed to a referendum…"),
                item("Full story", server.uri("/story-2"), STORY + " " + STORY + " " + STORY),
                item("No link", null, "Short.")));
        poller = poller(Map.of());

        poller.start();
        scheduler.runNext();

        RawDocument document = single();
        assertThat(document.getLinkedPages()).singleElement().satisfies(page -> {
            assertThat(page.getUrl()).isEqualTo(server.uri("/story-1").toString());
            assertThat(page.getFetchedUrl()).isEqualTo(server.uri("/story-1").toString());
            assertThat(page.getContentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(page.getFetchedAt()).isEqualTo(scheduler.clock().instant());
            assertThat(text(page)).contains(STORY).contains("<meta property=\"og:title\" content=\"Bridge vote\">")
                    .doesNotContain("window.tracking").doesNotContain("Another story");
        });
        assertThat(paths()).containsExactly("/feed.xml", "/robots.txt", "/story-1");
        assertThat(server.requests("/story-1").get(0).header("User-Agent")).startsWith("newsroom-poller/");
        PollerStats.PageStats pages = poller.stats().feed("local").pages();
        assertThat(pages.fetched()).isEqualTo(1);
        assertThat(pages.failed()).isZero();
    }

    @Test
    void robotsTxtIsHonouredOurGroupFirstLongestMatchWinningAndFetchedOncePerHost() {
        robots("/robots.txt", """
                User-agent: *
                Disallow: /open/

                User-agent: newsroom-poller
                Disallow: /members/
                Allow: /members/free/
                """);
        page("/members/paid", "Paid", Map.of());
        page("/members/free/story", "Free", Map.of());
        page("/open/story", "Open", Map.of());
        AtomicReference<String> extra = new AtomicReference<>("");
        feed("/feed.xml", () -> rss(
                item("Paid", server.uri("/members/paid"), null),
                item("Free", server.uri("/members/free/story"), null),
                item("Open", server.uri("/open/story"), null) + extra.get()));
        poller = poller(Map.of());

        poller.start();
        scheduler.runNext();
        extra.set(item("Later", server.uri("/open/later"), null));
        page("/open/later", "Later", Map.of());
        scheduler.runNext();

        assertThat(server.requests("/members/paid")).isEmpty();
        assertThat(server.requests("/members/free/story")).hasSize(1);
        assertThat(server.requests("/open/story")).as("the * group does not apply to us").hasSize(1);
        assertThat(server.requests("/robots.txt")).as("cached for a day").hasSize(1);
        assertThat(sink.documents().get(1).getLinkedPages()).extracting(LinkedPage::getUrl).containsExactly(
                server.uri("/members/free/story").toString(), server.uri("/open/story").toString(),
                server.uri("/open/later").toString());
        assertThat(poller.stats().feed("local").pages().lastFailure()).hasValueSatisfying(failure -> assertThat(failure)
                .isEqualTo("feed 'local': page " + server.uri("/members/paid") + " not fetched: robots.txt of "
                        + "http://127.0.0.1:" + server.port() + " disallows it for newsroom-poller"));
    }

    @Test
    void aMissingRobotsTxtAllowsEverythingAndAnUnreachableOneNothing() {
        try (FeedServer broken = new FeedServer()) {
            server.on("/robots.txt", exchange -> respond(exchange, 404, Map.of(), new byte[0]));
            page("/story", "Story", Map.of());
            broken.on("/robots.txt", exchange -> respond(exchange, 503, Map.of(), new byte[0]));
            broken.on("/story", exchange -> respond(exchange, 200, Map.of("Content-Type", "text/html"),
                    pageHtml("Story").getBytes(StandardCharsets.UTF_8)));
            feed("/feed.xml", () -> rss(item("A", server.uri("/story"), null), item("B", broken.uri("/story"), null)));
            poller = poller(Map.of());

            poller.start();
            scheduler.runNext();

            assertThat(single().getLinkedPages()).extracting(LinkedPage::getUrl)
                    .containsExactly(server.uri("/story").toString());
            assertThat(broken.requests("/story")).isEmpty();
            assertThat(poller.stats().feed("local").pages().lastFailure()).hasValueSatisfying(failure ->
                    assertThat(failure).contains("robots.txt of http://127.0.0.1:" + broken.port() + " is unreachable")
                            .contains("HTTP 503"));
        }
    }

    @Test
    void requestsToOneHostAreSpacedByTheIntervalWhileOtherHostsGoAhead() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        for (int i = 1; i <= 3; i++) {
            page("/a" + i, "A" + i, Map.of());
        }
        for (int i = 1; i <= 2; i++) {
            page("/b" + i, "B" + i, Map.of());
        }
        URI other = URI.create("http://localhost:" + server.port());
        feed("/feed.xml", () -> rss(
                item("a1", server.uri("/a1"), null), item("b1", other.resolve("/b1"), null),
                item("a2", server.uri("/a2"), null), item("b2", other.resolve("/b2"), null),
                item("a3", server.uri("/a3"), null)));
        poller = poller(Map.of("poller.full-text.per-host-interval", "1s"));
        Instant start = scheduler.clock().instant();

        poller.start();
        scheduler.runNext();

        assertThat(single().getLinkedPages()).hasSize(5);
        for (String host : List.of("127.0.0.1", "localhost")) {
            List<Instant> times = seen.stream().filter(s -> s.host().equals(host) && !s.path().equals("/feed.xml"))
                    .map(Seen::at).toList();
            assertThat(times).as("robots.txt and pages of %s", host).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).as("gap %d at %s", i, host)
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
        assertThat(Duration.between(start, scheduler.clock().instant()))
                .as("the two hosts are paced separately: 3 s, not the 6 s of one queue for all")
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(sleeps).allSatisfy(sleep -> assertThat(sleep).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aCachedPageIsCarriedByTheNextVersionOfTheFeedWithoutAskingAgain() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        page("/story-1", "One", Map.of());
        page("/story-2", "Two", Map.of());
        AtomicReference<String> items = new AtomicReference<>(item("One", server.uri("/story-1"), null));
        feed("/feed.xml", () -> rss(items.get()));
        poller = poller(Map.of());

        poller.start();
        scheduler.runNext();
        items.set(item("Two", server.uri("/story-2"), null) + item("One", server.uri("/story-1"), null));
        scheduler.runNext();

        assertThat(sink.documents()).hasSize(2);
        LinkedPage first = sink.documents().get(0).getLinkedPages().get(0);
        List<LinkedPage> second = sink.documents().get(1).getLinkedPages();
        assertThat(second).extracting(LinkedPage::getUrl).containsExactly(server.uri("/story-2").toString(),
                server.uri("/story-1").toString());
        assertThat(second.get(1)).as("the same bytes and time, so ingest sees no change").isEqualTo(first);
        assertThat(server.requests("/story-1")).hasSize(1);
        assertThat(poller.stats().feed("local").pages()).satisfies(pages -> {
            assertThat(pages.fetched()).isEqualTo(2);
            assertThat(pages.fromCache()).isEqualTo(1);
        });
    }

    @Test
    void aStalePageIsRevalidatedWithItsValidatorsAndA304KeepsIt() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        page("/story", "Story", Map.of("ETag", "\"p1\"", "Last-Modified", "Sat, 28 Nov 2026 08:00:00 GMT"));
        AtomicReference<String> title = new AtomicReference<>("first");
        feed("/feed.xml", () -> rss(item(title.get(), server.uri("/story"), null)));
        poller = poller(Map.of("poller.full-text.refresh-after", "1m"));

        poller.start();
        scheduler.runNext();
        title.set("second");
        scheduler.runNext();

        List<FeedServer.Request> requests = server.requests("/story");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo("\"p1\"");
        assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo("Sat, 28 Nov 2026 08:00:00 GMT");
        assertThat(sink.documents().get(1).getLinkedPages()).isEqualTo(sink.documents().get(0).getLinkedPages());
        assertThat(poller.stats().feed("local").pages().notModified()).isEqualTo(1);
    }

    @Test
    void aPageLinkToAPrivateAddressIsRefusedAndTheFeedStillProduced() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        page("/story", "Story", Map.of());
        feed("/feed.xml", () -> rss(item("Metadata", URI.create("http://169.254.169.254/latest/meta-data/"), null),
                item("Story", server.uri("/story"), null)));
        PollerConfig config = PollerConfig.from(Map.of("poller.feeds.local.url", server.uri("/feed.xml").toString()));
        AddressGuard loopbackAsPublic = new AddressGuard(InetAddress::getAllByName, Set.of(loopback()));
        poller = new FeedPoller(config, new FeedFetcher(config, loopbackAsPublic, scheduler.clock()), sink, scheduler,
                scheduler.clock(), this::sleep);

        poller.start();
        scheduler.runNext();

        assertThat(single().getLinkedPages()).extracting(LinkedPage::getUrl)
                .containsExactly(server.uri("/story").toString());
        assertThat(poller.stats().feed("local").pages().lastFailure()).hasValue("feed 'local': page "
                + "http://169.254.169.254/latest/meta-data/ not fetched: refused http://169.254.169.254/latest/meta-data/: "
                + "host 169.254.169.254 is a link-local address; only public addresses are polled unless the feed sets "
                + "poller.feeds.local.allow-private=true");
    }

    @Test
    void pagesThatFailLeaveTheirItemsTeasersAndAreNotAskedForAgainAtOnce() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        server.on("/gone", exchange -> respond(exchange, 404, Map.of(), new byte[0]));
        server.on("/huge", exchange -> respond(exchange, 200, Map.of("Content-Type", "text/html"),
                ("<html><body><p>" + "x".repeat(4096) + "</p></body></html>").getBytes(StandardCharsets.UTF_8)));
        server.on("/menu", exchange -> respond(exchange, 200, Map.of("Content-Type", "text/html"),
                "<html><body><nav><a href=/a>A</a></nav></body></html>".getBytes(StandardCharsets.UTF_8)));
        AtomicReference<String> title = new AtomicReference<>("first");
        feed("/feed.xml", () -> rss(item(title.get(), server.uri("/gone"), null), item("Huge", server.uri("/huge"), null),
                item("Menu", server.uri("/menu"), null)));
        poller = poller(Map.of("poller.full-text.max-page-bytes", "2KB"));

        poller.start();
        scheduler.runNext();
        title.set("second");
        scheduler.runNext();

        assertThat(sink.documents()).hasSize(2).allSatisfy(document -> assertThat(document.getLinkedPages()).isEmpty());
        assertThat(server.requests("/gone")).hasSize(1);
        assertThat(server.requests("/huge")).hasSize(1);
        assertThat(server.requests("/menu")).hasSize(1);
        PollerStats.PageStats pages = poller.stats().feed("local").pages();
        assertThat(pages.failed()).isEqualTo(3);
        assertThat(pages.lastFailure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("feed 'local': page " + server.uri("/menu") + " not fetched: ").contains("without an article"));
        assertThat(poller.stats().feed("local").errors()).as("the feed itself is fine").isZero();
    }

    @Test
    void theRequestCapLeavesPagesForTheNextPollWhichCarriesThemAll() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        for (int i = 1; i <= 3; i++) {
            page("/s" + i, "S" + i, Map.of());
        }
        AtomicReference<String> title = new AtomicReference<>("first");
        feed("/feed.xml", () -> rss(item(title.get(), server.uri("/s1"), null), item("2", server.uri("/s2"), null),
                item("3", server.uri("/s3"), null)));
        poller = poller(Map.of("poller.full-text.max-pages-per-poll", "2"));

        poller.start();
        scheduler.runNext();
        title.set("second");
        scheduler.runNext();

        assertThat(sink.documents().get(0).getLinkedPages()).hasSize(2);
        assertThat(sink.documents().get(1).getLinkedPages()).extracting(LinkedPage::getUrl).containsExactly(
                server.uri("/s1").toString(), server.uri("/s2").toString(), server.uri("/s3").toString());
        assertThat(poller.stats().feed("local").pages().deferred()).isEqualTo(1);
    }

    @Test
    void aFeedSetToNeverFetchesNoPages() {
        robots("/robots.txt", "User-agent: *\nAllow: /\n");
        page("/story", "Story", Map.of());
        feed("/feed.xml", () -> rss(item("Story", server.uri("/story"), null)));
        poller = poller(Map.of("poller.feeds.local.fetch-full-text", "never"));

        poller.start();
        scheduler.runNext();

        assertThat(single().getLinkedPages()).isEmpty();
        assertThat(paths()).containsExactly("/feed.xml");
    }

    private RawDocument single() {
        assertThat(sink.documents()).hasSize(1);
        return sink.documents().get(0);
    }

    private List<String> paths() {
        return seen.stream().map(Seen::path).toList();
    }

    private FeedPoller poller(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("poller.feeds.local.url", server.uri("/feed.xml").toString());
        all.put("poller.feeds.local.allow-private", "true");
        PollerConfig config = PollerConfig.from(all);
        return new FeedPoller(config, new FeedFetcher(config, new AddressGuard(), scheduler.clock()), sink, scheduler,
                scheduler.clock(), this::sleep);
    }

    private void sleep(Duration duration) {
        sleeps.add(duration);
        scheduler.advance(duration);
    }

    private void feed(String path, java.util.function.Supplier<String> rss) {
        server.on(path, exchange -> {
            record(exchange.getRequestHeaders().getFirst("Host"), path);
            respond(exchange, 200, Map.of("Content-Type", "application/rss+xml; charset=utf-8"),
                    rss.get().getBytes(StandardCharsets.UTF_8));
        });
    }

    private void robots(String path, String text) {
        server.on(path, exchange -> {
            record(exchange.getRequestHeaders().getFirst("Host"), path);
            respond(exchange, 200, Map.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.UTF_8));
        });
    }

    private void page(String path, String title, Map<String, String> validators) {
        server.on(path, exchange -> {
            record(exchange.getRequestHeaders().getFirst("Host"), path);
            String etag = validators.get("ETag");
            if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(exchange, 304, validators, new byte[0]);
                return;
            }
            Map<String, String> headers = new HashMap<>(validators);
            headers.put("Content-Type", "text/html; charset=utf-8");
            respond(exchange, 200, headers, pageHtml(title).getBytes(StandardCharsets.UTF_8));
        });
    }

    private void record(String hostHeader, String path) {
        String host = hostHeader == null ? "" : hostHeader.substring(0, hostHeader.lastIndexOf(':'));
        seen.add(new Seen(host, path, scheduler.clock().instant()));
    }

    static String pageHtml(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>" + title + " | News</title>"
                + "<meta property=\"og:title\" content=\"" + title + "\">"
                + "<script>window.tracking = {};</script></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/city\">City</a></nav>"
                + "<article><h1>" + title + "</h1><p>" + STORY + "</p><p>" + STORY + "</p></article>"
                + "<aside class=\"related\"><ul><li><a href=\"/x\">Another story</a></li></ul></aside></body></html>";
    }

    static String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>" + String.join("", items)
                + "</channel></rss>";
    }

    static String item(String title, URI link, String description) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (description == null ? "" : "<description>" + description + "</description>") + "</item>";
    }

    private static String text(LinkedPage page) {
        ByteBuffer payload = page.getPayload().duplicate();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
