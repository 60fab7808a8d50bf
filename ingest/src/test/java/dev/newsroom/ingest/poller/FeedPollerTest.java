package dev.newsroom.ingest.poller;

import static dev.newsroom.ingest.poller.FeedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newsroom.schemas.RawDocument;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller's schedule and memory, against a real HTTP server, on a scheduler the test drives. */
class FeedPollerTest {

    private static final byte[] RSS = "<rss version=\"2.0\"><channel><title>أخبار المثال</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);
    private static final String LAST_MODIFIED = "Sat, 28 Nov 2026 08:00:00 GMT";

    private final FeedServer server = new FeedServer();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingSink sink = new RecordingSink();
    private final CountDownLatch release = new CountDownLatch(1);
    private FeedPoller poller;

    @AfterEach
    void stop() {
        release.countDown();
        if (poller != null) {
            poller.close();
        }
        server.close();
    }

    @Test
    void producesTheFeedOnceAndNothingWhileItAnswersNotModified() {
        server.on("/feed.xml", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(exchange, 304, Map.of("ETag", "\"v1\""), new byte[0]);
            } else {
                respond(exchange, 200, Map.of("ETag", "\"v1\"", "Last-Modified", LAST_MODIFIED), RSS);
            }
        });
        poller = poller(Map.of("poller.feeds.local.url", server.uri("/feed.xml").toString()));

        poller.start();
        scheduler.runNext();
        scheduler.runNext();
        scheduler.runNext();

        assertThat(sink.documents()).hasSize(1);
        assertThat(server.requests("/feed.xml")).hasSize(3);
        FeedServer.Request conditional = server.requests("/feed.xml").get(1);
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        PollerStats.FeedStats stats = poller.stats().feed("local");
        assertThat(stats.fetches()).isEqualTo(3);
        assertThat(stats.documents()).isEqualTo(1);
        assertThat(stats.notModified()).isEqualTo(2);
        assertThat(stats.errors()).isZero();
        assertThat(stats.bytesReceived()).isEqualTo(RSS.length);
        assertThat(scheduler.lastDelay()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theRawDocumentCarriesWhatTheFeedSent() {
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of(
                "Content-Type", "application/rss+xml; charset=UTF-8",
                "ETag", "\"v1\"",
                "Last-Modified", LAST_MODIFIED,
                "Content-Language", "ar",
                "Server", "test"), RSS));
        server.on("/moved", exchange -> FeedServer.redirect(exchange, "/feed.xml"));
        poller = poller(Map.of("poller.feeds.akhbar.url", server.uri("/moved").toString(),
                "poller.feeds.akhbar.source", "akhbar.example"));

        poller.start();
        scheduler.runNext();

        assertThat(sink.documents()).singleElement().satisfies(document -> {
            assertThat(document.getDocumentId()).matches("poller:akhbar:[0-9a-f]{16}")
                    .isEqualTo("poller:akhbar:" + RawDocuments.bodyHash(RSS));
            assertThat(document.getSource()).isEqualTo("akhbar.example");
            assertThat(document.getContentType()).isEqualTo("application/rss+xml; charset=UTF-8");
            assertThat(document.getCharset()).isEqualTo("UTF-8");
            assertThat(document.getUri()).isEqualTo(server.uri("/feed.xml").toString());
            assertThat(document.getReceivedAt()).isEqualTo(scheduler.clock().instant());
            assertThat(document.getPayload()).isEqualTo(ByteBuffer.wrap(RSS));
            assertThat(document.getHeaders()).containsOnly(
                    Map.entry("content-type", "application/rss+xml; charset=UTF-8"),
                    Map.entry("etag", "\"v1\""),
                    Map.entry("last-modified", LAST_MODIFIED),
                    Map.entry("content-language", "ar"));
        });
    }

    @Test
    void anUnchangedBodyFromAServerWithoutValidatorsIsNotProducedAgain() {
        AtomicReference<String> title = new AtomicReference<>("first");
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of(),
                ("<rss><channel><title>" + title.get() + "</title></channel></rss>").getBytes(StandardCharsets.UTF_8)));
        poller = poller(Map.of("poller.feeds.local.url", server.uri("/feed.xml").toString()));

        poller.start();
        scheduler.runNext();
        scheduler.runNext();
        title.set("second");
        scheduler.runNext();

        assertThat(sink.documents()).extracting(RawDocument::getDocumentId).hasSize(2).doesNotHaveDuplicates();
        assertThat(poller.stats().feed("local").unchanged()).isEqualTo(1);
    }

    @Test
    void backsOffExponentiallyAfterErrorsAndReturnsToItsIntervalOnceTheFeedWorks() {
        AtomicInteger failuresLeft = new AtomicInteger(4);
        server.on("/feed.xml", exchange -> {
            if (failuresLeft.getAndDecrement() > 0) {
                respond(exchange, 500, Map.of(), new byte[0]);
            } else {
                respond(exchange, 200, Map.of(), RSS);
            }
        });
        poller = poller(Map.of("poller.feeds.local.url", server.uri("/feed.xml").toString(),
                "poller.feeds.local.interval", "10m"));

        poller.start();
        scheduler.runNext();
        Duration first = scheduler.lastDelay();
        scheduler.runNext();
        Duration second = scheduler.lastDelay();
        scheduler.runNext();
        Duration third = scheduler.lastDelay();
        scheduler.runNext();
        Duration fourth = scheduler.lastDelay();
        PollerStats.FeedStats failing = poller.stats().feed("local");
        scheduler.runNext();

        assertThat(first).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(second).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(third).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
        assertThat(fourth).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(240));
        assertThat(failing.consecutiveFailures()).isEqualTo(4);
        assertThat(failing.lastError()).hasValue("feed 'local': HTTP 500 from " + server.uri("/feed.xml"));
        assertThat(scheduler.lastDelay()).isEqualTo(Duration.ofMinutes(10));
        PollerStats.FeedStats recovered = poller.stats().feed("local");
        assertThat(recovered.errors()).isEqualTo(4);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.documents()).isEqualTo(1);
        assertThat(recovered.lastSuccessAt()).hasValue(scheduler.clock().instant());
    }

    @Test
    void waitsAsLongAsRetryAfterAsksOn503And429() {
        String inThreeHours = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                scheduler.clock().instant().plus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC));
        server.on("/busy.xml", exchange -> respond(exchange, 503, Map.of("Retry-After", "600"), new byte[0]));
        server.on("/limited.xml", exchange -> respond(exchange, 429, Map.of("Retry-After", inThreeHours),
                new byte[0]));
        server.on("/greedy.xml", exchange -> respond(exchange, 429, Map.of("Retry-After", "31536000"), new byte[0]));

        assertThat(delayAfterOneFailedPoll("/busy.xml")).isEqualTo(Duration.ofMinutes(10));
        assertThat(delayAfterOneFailedPoll("/limited.xml")).isEqualTo(Duration.ofHours(3));
        assertThat(delayAfterOneFailedPoll("/greedy.xml")).as("a year is capped").isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aDocumentTheSinkRefusesIsFetchedAgainInFullNextTime() {
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of("ETag", "\"v1\""), RSS));
        AtomicInteger refusals = new AtomicInteger(1);
        RawDocumentSink flaky = document -> {
            if (refusals.getAndDecrement() > 0) {
                throw new KafkaException("broker unavailable");
            }
            sink.accept(document);
        };
        PollerConfig config = PollerConfig.from(Map.of("poller.feeds.local.url", server.uri("/feed.xml").toString(),
                "poller.feeds.local.allow-private", "true"));
        poller = new FeedPoller(config, new FeedFetcher(config, new AddressGuard(), scheduler.clock()), flaky,
                scheduler, scheduler.clock());

        poller.start();
        scheduler.runNext();
        Duration afterRefusal = scheduler.lastDelay();
        scheduler.runNext();

        assertThat(afterRefusal).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(poller.stats().feed("local").lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("feed 'local': could not hand the document on").contains("broker unavailable"));
        assertThat(server.requests("/feed.xml").get(1).header("If-None-Match")).isNull();
        assertThat(sink.documents()).hasSize(1);
    }

    @Test
    void aFeedRefusedByTheAddressGuardIsAnErrorLikeAnyOther() {
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of(), RSS));
        PollerConfig config = PollerConfig.from(Map.of("poller.feeds.local.url", server.uri("/feed.xml").toString()));
        poller = new FeedPoller(config, new FeedFetcher(config, new AddressGuard(), scheduler.clock()), sink,
                scheduler, scheduler.clock());

        poller.start();
        scheduler.runNext();

        assertThat(sink.documents()).isEmpty();
        assertThat(server.requests("/feed.xml")).isEmpty();
        assertThat(poller.stats().feed("local").lastError()).hasValueSatisfying(error -> assertThat(error)
                .contains("host 127.0.0.1 is a loopback address")
                .contains("poller.feeds.local.allow-private=true"));
    }

    @Test
    void aSlowFeedDoesNotDelayAFastOneAndCloseStopsBoth() {
        server.on("/slow.xml", exchange -> {
            stall();
            respond(exchange, 200, Map.of(), RSS);
        });
        server.on("/fast.xml", exchange -> respond(exchange, 200, Map.of(), RSS));
        PollerConfig config = PollerConfig.from(Map.of(
                "poller.feeds.slow.url", server.uri("/slow.xml").toString(),
                "poller.feeds.slow.allow-private", "true",
                "poller.feeds.fast.url", server.uri("/fast.xml").toString(),
                "poller.feeds.fast.allow-private", "true",
                "poller.feeds.fast.interval", "20ms",
                "poller.request-timeout", "1m"));
        FeedPoller realPoller = new FeedPoller(config, sink);
        poller = realPoller;

        realPoller.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> realPoller.stats().feed("fast").fetches() >= 5);
        assertThat(realPoller.stats().feed("slow").fetches()).isEqualTo(1);
        assertThat(realPoller.stats().feed("slow").documents()).isZero();
        assertThat(sink.documents()).extracting(RawDocument::getSource).containsOnly("poller:fast");

        assertTimeoutPreemptively(Duration.ofSeconds(10), realPoller::close);
        long fastFetchesAtClose = realPoller.stats().feed("fast").fetches();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> realPoller.stats().feed("fast").fetches() == fastFetchesAtClose);
        assertThat(sink.documents()).extracting(RawDocument::getSource).containsOnly("poller:fast");
    }

    private Duration delayAfterOneFailedPoll(String path) {
        PollerConfig config = PollerConfig.from(Map.of("poller.feeds.local.url", server.uri(path).toString(),
                "poller.feeds.local.allow-private", "true"));
        ManualScheduler own = new ManualScheduler();
        try (FeedPoller once = new FeedPoller(config, new FeedFetcher(config, new AddressGuard(), own.clock()), sink,
                own, own.clock())) {
            once.start();
            own.runNext();
            return own.lastDelay();
        }
    }

    private FeedPoller poller(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        settings.keySet().stream()
                .filter(key -> key.endsWith(".url"))
                .forEach(key -> all.put(key.replace(".url", ".allow-private"), "true"));
        PollerConfig config = PollerConfig.from(all);
        return new FeedPoller(config, new FeedFetcher(config, new AddressGuard(), scheduler.clock()), sink, scheduler,
                scheduler.clock());
    }

    private void stall() throws IOException {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stall interrupted");
        }
    }
}
