package dev.newsroom.ingest.poller;

import static dev.newsroom.ingest.poller.FeedServer.redirect;
import static dev.newsroom.ingest.poller.FeedServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fetcher against a real HTTP server on loopback; the feeds are allowed private unless a test says not. */
class FeedFetcherTest {

    private static final byte[] RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>أخبار</title>"
            .concat("</channel></rss>").getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private final FeedServer server = new FeedServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private FeedFetcher fetcher = fetcher(Map.of(), new AddressGuard());

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        server.close();
    }

    @Test
    void fetchesTheBodyWithTheHeadersWorthKeeping() {
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of(
                "Content-Type", "application/rss+xml; charset=UTF-8",
                "ETag", "\"v1\"",
                "Last-Modified", "Sat, 28 Nov 2026 08:00:00 GMT",
                "Content-Language", "ar",
                "Set-Cookie", "session=secret"), RSS));

        FetchResult result = fetcher.fetch(privateFeed("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            FetchedDocument document = fetched.document();
            assertThat(document.body()).isEqualTo(RSS);
            assertThat(document.uri()).isEqualTo(server.uri("/feed.xml"));
            assertThat(document.receivedAt()).isEqualTo(NOW);
            assertThat(document.headers()).containsOnly(
                    Map.entry("content-type", "application/rss+xml; charset=UTF-8"),
                    Map.entry("etag", "\"v1\""),
                    Map.entry("last-modified", "Sat, 28 Nov 2026 08:00:00 GMT"),
                    Map.entry("content-language", "ar"));
            assertThat(document.validators()).isEqualTo(new Validators(Optional.of("\"v1\""),
                    Optional.of("Sat, 28 Nov 2026 08:00:00 GMT")));
            assertThat(fetched.bytesReceived()).isEqualTo(RSS.length);
        });
        FeedServer.Request request = server.requests("/feed.xml").get(0);
        assertThat(request.header("User-Agent")).startsWith("newsroom-poller/");
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(request.header("If-None-Match")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "raw deflate"})
    void compressedBodiesArriveDecompressed(String encoding) throws IOException {
        byte[] compressed = compress(encoding, RSS);
        server.on("/feed.xml", exchange -> respond(exchange, 200,
                Map.of("Content-Encoding", encoding.replace("raw ", "")), compressed));

        FetchResult result = fetcher.fetch(privateFeed("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
            assertThat(fetched.document().body()).isEqualTo(RSS);
            assertThat(fetched.bytesReceived()).isEqualTo(compressed.length);
        });
    }

    @Test
    void refusesAnEncodingItDidNotAskFor() {
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of("Content-Encoding", "br"), RSS));

        FetchResult result = fetcher.fetch(privateFeed("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.reason())
                .isEqualTo(server.uri("/feed.xml") + " sent Content-Encoding 'br', which the poller does not accept"));
    }

    @Test
    void sendsTheValidatorsBackAndReportsNotModified() {
        server.on("/feed.xml", exchange -> respond(exchange, 304, Map.of("ETag", "\"v1\""), new byte[0]));
        Validators validators = new Validators(Optional.of("\"v1\""), Optional.of("Sat, 28 Nov 2026 08:00:00 GMT"));

        FetchResult result = fetcher.fetch(privateFeed("/feed.xml"), validators);

        assertThat(result).isInstanceOf(FetchResult.NotModified.class);
        FeedServer.Request request = server.requests("/feed.xml").get(0);
        assertThat(request.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.header("If-Modified-Since")).isEqualTo("Sat, 28 Nov 2026 08:00:00 GMT");
    }

    @Test
    void followsRedirectsUpToTheLimitAndReportsWhereTheFeedCameFrom() {
        redirectChain(5);

        FetchResult result = fetcher.fetch(privateFeed("/hop0"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
                fetched -> assertThat(fetched.document().uri()).isEqualTo(server.uri("/feed.xml")));
        assertThat(server.requests("/feed.xml")).hasSize(1);
    }

    @Test
    void refusesOneRedirectMoreThanTheLimit() {
        redirectChain(6);

        FetchResult result = fetcher.fetch(privateFeed("/hop0"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.message())
                .isEqualTo("feed 'local': more than 5 redirects (max-redirects), the last from "
                        + server.uri("/hop5")));
        assertThat(server.requests("/feed.xml")).isEmpty();
    }

    @Test
    void refusesALoopbackFeedThatIsNotExplicitlyAllowed() {
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of(), RSS));

        FetchResult result = fetcher.fetch(publicFeed("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.message())
                .isEqualTo("feed 'local': refused " + server.uri("/feed.xml") + ": host 127.0.0.1 is a loopback "
                        + "address; only public addresses are polled unless the feed sets "
                        + "poller.feeds.local.allow-private=true"));
        assertThat(server.requests("/feed.xml")).isEmpty();
    }

    @Test
    void refusesAPublicFeedRedirectingToTheCloudMetadataAddress() throws Exception {
        // The loopback server plays a public host here, so that the redirect it sends is the only thing judged.
        fetcher = fetcher(Map.of(), new AddressGuard(InetAddress::getAllByName,
                Set.of(InetAddress.getByName("127.0.0.1"))));
        server.on("/feed.xml", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));

        FetchResult result = fetcher.fetch(publicFeed("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.reason())
                .startsWith("refused http://169.254.169.254/latest/meta-data/: host 169.254.169.254 is a link-local "
                        + "address"));
        assertThat(server.requests("/feed.xml")).hasSize(1);
    }

    @Test
    void refusesRedirectsToOtherSchemesEvenForPrivateFeeds() {
        server.on("/feed.xml", exchange -> redirect(exchange, "file:///etc/passwd"));

        FetchResult result = fetcher.fetch(privateFeed("/feed.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.reason())
                .startsWith("refused file:///etc/passwd is not an http or https URL"));
    }

    @Test
    void discardsTheResponseWhenTheHostResolvesToAPrivateAddressByTheTimeItAnswers() throws Exception {
        // A rebinding DNS server: public (played by 127.0.0.1) for the check, private by the time of the answer.
        AtomicInteger lookups = new AtomicInteger();
        InetAddress standIn = InetAddress.getByName("127.0.0.1");
        InetAddress rebound = InetAddress.getByName("10.0.0.8");
        fetcher = fetcher(Map.of(), new AddressGuard(
                host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? standIn : rebound}, Set.of(standIn)));
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of(), RSS));
        FeedConfig feed = new FeedConfig("local", URI.create("http://localhost:" + server.port() + "/feed.xml"),
                Duration.ofMinutes(5), false, "poller:local", Optional.empty());

        FetchResult result = fetcher.fetch(feed, Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).contains("resolves to 10.0.0.8, a private address")
                    .contains("possible DNS rebinding; the response was discarded");
            assertThat(failed.bytesReceived()).isZero();
        });
    }

    @Test
    void abandonsAStreamedBodyLargerThanTheLimitWithoutReadingItAll() throws Exception {
        fetcher = fetcher(Map.of("poller.max-response-bytes", "1MB"), new AddressGuard());
        long twentyMegabytes = 20L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CompletableFuture<Boolean> serverGotCutOff = new CompletableFuture<>();
        server.on("/huge.xml", exchange -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < twentyMegabytes) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
                serverGotCutOff.complete(false);
            } catch (IOException e) {
                serverGotCutOff.complete(true);
            }
        });

        FetchResult result = fetcher.fetch(privateFeed("/huge.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("the body of " + server.uri("/huge.xml") + " is larger than "
                    + "1048576 bytes (max-response-bytes); abandoned");
            assertThat(failed.bytesReceived()).isBetween(1024L * 1024, 1024L * 1024 + 64 * 1024);
        });
        assertThat(serverGotCutOff.get(30, TimeUnit.SECONDS)).as("the server was cut off mid-body").isTrue();
        assertThat(written.get()).isLessThan(twentyMegabytes);
    }

    @Test
    void refusesABodyDeclaredLargerThanTheLimitWithoutReadingAnyOfIt() {
        fetcher = fetcher(Map.of("poller.max-response-bytes", "1MB"), new AddressGuard());
        server.on("/huge.xml", exchange -> {
            exchange.sendResponseHeaders(200, 20L * 1024 * 1024);
            stall();
        });

        FetchResult result = fetcher.fetch(privateFeed("/huge.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).endsWith(" declares 20971520 bytes, more than 1048576 (max-response-bytes)");
            assertThat(failed.bytesReceived()).isZero();
        });
    }

    @Test
    void stopsDecompressingAtTheLimit() throws IOException {
        fetcher = fetcher(Map.of("poller.max-response-bytes", "1MB"), new AddressGuard());
        byte[] bomb = compress("gzip", new byte[20 * 1024 * 1024]);
        server.on("/bomb.xml", exchange -> respond(exchange, 200, Map.of("Content-Encoding", "gzip"), bomb));

        FetchResult result = fetcher.fetch(privateFeed("/bomb.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).contains("is larger than 1048576 bytes");
            assertThat(failed.bytesReceived()).isLessThan(bomb.length);
        });
    }

    @Test
    void givesUpOnAServerThatNeverAnswers() {
        fetcher = fetcher(Map.of("poller.request-timeout", "500ms"), new AddressGuard());
        server.on("/stalled.xml", exchange -> stall());

        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> fetcher.fetch(privateFeed("/stalled.xml"), Validators.NONE));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.message())
                .isEqualTo("feed 'local': no response from " + server.uri("/stalled.xml")
                        + " within 500 ms (request-timeout)"));
    }

    @Test
    void givesUpOnABodyThatStopsHalfway() {
        fetcher = fetcher(Map.of("poller.request-timeout", "500ms"), new AddressGuard());
        server.on("/stalled.xml", exchange -> {
            exchange.sendResponseHeaders(200, RSS.length * 2L);
            exchange.getResponseBody().write(RSS);
            exchange.getResponseBody().flush();
            stall();
        });

        FetchResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> fetcher.fetch(privateFeed("/stalled.xml"), Validators.NONE));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("fetching " + server.uri("/stalled.xml")
                    + " took longer than 500 ms (request-timeout); abandoned");
            assertThat(failed.bytesReceived()).isEqualTo(RSS.length);
        });
    }

    @Test
    void reportsHttpErrorsWithTheWaitTheServerAskedFor() {
        String inTwoHours = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plus(Duration.ofHours(2))
                .atOffset(ZoneOffset.UTC));
        server.on("/busy.xml", exchange -> respond(exchange, 503, Map.of("Retry-After", "120"), new byte[0]));
        server.on("/limited.xml", exchange -> respond(exchange, 429, Map.of("Retry-After", inTwoHours), new byte[0]));
        server.on("/gone.xml", exchange -> respond(exchange, 404, Map.of("Retry-After", "120"), new byte[0]));

        FetchResult busy = fetcher.fetch(privateFeed("/busy.xml"), Validators.NONE);
        FetchResult limited = fetcher.fetch(privateFeed("/limited.xml"), Validators.NONE);
        FetchResult gone = fetcher.fetch(privateFeed("/gone.xml"), Validators.NONE);

        assertThat(busy).isEqualTo(new FetchResult.Failed("local", "HTTP 503 from " + server.uri("/busy.xml")
                + " (Retry-After 120 s)", Optional.of(Duration.ofSeconds(120)), 0, 503));
        assertThat(limited).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.retryAfter()).hasValue(Duration.ofHours(2)));
        assertThat(gone).isEqualTo(new FetchResult.Failed("local", "HTTP 404 from " + server.uri("/gone.xml"),
                Optional.empty(), 0, 404));
    }

    @Test
    void reportsAServerThatIsNotThere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        FeedConfig feed = new FeedConfig("local", URI.create("http://127.0.0.1:" + closedPort + "/feed.xml"),
                Duration.ofMinutes(5), true, "poller:local", Optional.empty());

        FetchResult result = fetcher.fetch(feed, Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.message())
                .startsWith("feed 'local': could not connect to http://127.0.0.1:" + closedPort + "/feed.xml"));
    }

    @Test
    void anEmptyBodyIsAFailureNotADocument() {
        server.on("/empty.xml", exchange -> respond(exchange, 200, Map.of(), new byte[0]));

        FetchResult result = fetcher.fetch(privateFeed("/empty.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> assertThat(failed.reason())
                .endsWith("answered HTTP 200 with an empty body"));
    }

    /** Holds a server thread until the test ends, like a server that has stopped sending. */
    private void stall() throws IOException {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stall interrupted");
        }
    }

    private void redirectChain(int hops) {
        for (int i = 0; i < hops; i++) {
            String next = i + 1 < hops ? "/hop" + (i + 1) : "/feed.xml";
            // Relative and absolute locations alternate: both must resolve against the hop they came from.
            String location = i % 2 == 0 ? next : server.uri(next).toString();
            server.on("/hop" + i, exchange -> redirect(exchange, location));
        }
        server.on("/feed.xml", exchange -> respond(exchange, 200, Map.of(), RSS));
    }

    private FeedConfig privateFeed(String path) {
        return new FeedConfig("local", server.uri(path), Duration.ofMinutes(5), true, "poller:local",
                Optional.empty());
    }

    private FeedConfig publicFeed(String path) {
        return new FeedConfig("local", server.uri(path), Duration.ofMinutes(5), false, "poller:local",
                Optional.empty());
    }

    private static FeedFetcher fetcher(Map<String, String> settings, AddressGuard guard) {
        Map<String, String> all = new HashMap<>(settings);
        return new FeedFetcher(PollerConfig.from(all), guard, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static byte[] compress(String encoding, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = switch (encoding) {
            case "gzip" -> new GZIPOutputStream(bytes);
            case "deflate" -> new DeflaterOutputStream(bytes);
            default -> new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, true));
        };
        try (out) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
