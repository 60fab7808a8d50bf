package dev.newsroom.ingest.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.ingest.parse.document.FullTextMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollerConfigTest {

    @Test
    void readsTheDocumentedExampleFile() throws Exception {
        PollerConfig config = PollerConfig.load(Path.of(getClass().getResource("/poller/poller.properties").toURI()));

        assertThat(config.feeds()).containsExactly(
                new FeedConfig("akhbar", URI.create("https://akhbar.example/feed/"), Duration.ofMinutes(10), false,
                        "akhbar.example", Optional.empty()),
                new FeedConfig("cms", URI.create("http://cms.internal:8080/export/rss"), Duration.ofMinutes(5), true,
                        "poller:cms", Optional.of("application/rss+xml; charset=utf-8")));
        assertThat(config.maxResponseBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.backoffMax()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.userAgent()).matches("newsroom-poller/\\S+ \\(\\+https://newsroom.example/bots\\)");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        PollerConfig config = PollerConfig.from(Map.of("poller.feeds.a.url", "https://a.example/rss"));

        assertThat(config.feeds().get(0).interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.feeds().get(0).allowPrivate()).isFalse();
        assertThat(config.feeds().get(0).source()).isEqualTo("poller:a");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxResponseBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.maxRedirects()).isEqualTo(5);
        assertThat(config.backoffBase()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.backoffMax()).isEqualTo(Duration.ofHours(1));
        assertThat(config.userAgent()).startsWith("newsroom-poller/").doesNotContain("(+");
    }

    @Test
    void keysOutsideThePollerAreIgnoredAndNoFeedsIsAnIdlePoller() {
        PollerConfig config = PollerConfig.from(Map.of("bootstrap.servers", "k:9092", "newsroom.topic.raw", "x"));

        assertThat(config.feeds()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"250ms, PT0.25S", "30s, PT30S", "5m, PT5M", "2h, PT2H", "1d, PT24H", "PT90S, PT1M30S"})
    void durationsTakeAUnitOrIso8601(String written, Duration expected) {
        PollerConfig config = PollerConfig.from(Map.of("poller.feeds.a.url", "https://a.example/rss",
                "poller.feeds.a.interval", written));

        assertThat(config.feeds().get(0).interval()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1048576, 1048576", "512KB, 524288", "10MB, 10485760", "10 MiB, 10485760", "1GB, 1073741824"})
    void sizesTakeBinaryUnits(String written, long expected) {
        PollerConfig config = PollerConfig.from(Map.of("poller.max-response-bytes", written));

        assertThat(config.maxResponseBytes()).isEqualTo(expected);
    }

    @Test
    void everyProblemIsReportedAtOnceNamingTheFeedAndTheSetting() {
        Map<String, String> settings = Map.of(
                "poller.feeds.akhbar.url", "ftp://akhbar.example/feed",
                "poller.feeds.akhbar.interval", "5 minutes",
                "poller.feeds.cms.allow-private", "yes",
                "poller.feeds.wire.url", "https://wire.example/rss",
                "poller.feeds.wire.intervall", "5m",
                "poller.max-redirects", "-1",
                "poller.backof.max", "1h");

        assertThatThrownBy(() -> PollerConfig.from(settings))
                .isInstanceOfSatisfying(PollerConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "poller.backof.max: unknown setting; known: poller.feeds.<name>.{allow-private,content-type,"
                                + "fetch-full-text,interval,source,url} and poller.{backoff.base,backoff.max,"
                                + "connect-timeout,contact,fetch-full-text,full-text.cache-bytes,"
                                + "full-text.max-page-bytes,full-text.max-pages-per-document,"
                                + "full-text.max-pages-per-poll,full-text.per-host-interval,full-text.refresh-after,"
                                + "full-text.robots-ttl,interval,max-redirects,max-response-bytes,request-timeout,"
                                + "user-agent}",
                        "feed 'wire': unknown setting 'intervall' (poller.feeds.wire.intervall); known: "
                                + "allow-private, content-type, fetch-full-text, interval, source, url",
                        "poller.max-redirects: '-1' is not a whole number of zero or more",
                        "feed 'akhbar': url: 'ftp://akhbar.example/feed' is not an http or https URL "
                                + "(poller.feeds.akhbar.url)",
                        "feed 'akhbar': interval: '5 minutes' is not a duration such as 500ms, 30s, 5m, 1h30m, 2d or PT30S "
                                + "(poller.feeds.akhbar.interval)",
                        "feed 'cms': url is required (poller.feeds.cms.url)",
                        "feed 'cms': allow-private: 'yes' is neither true nor false (poller.feeds.cms.allow-private)"))
                .hasMessageStartingWith("Invalid poller configuration:\n  - poller.backof.max: unknown setting");
    }

    @Test
    void fullTextDefaultsToAutoWithPoliteLimitsAndEachFeedMayChooseItsOwnMode() {
        PollerConfig defaults = PollerConfig.from(Map.of("poller.feeds.a.url", "https://a.example/rss"));
        PollerConfig chosen = PollerConfig.from(Map.ofEntries(
                Map.entry("poller.feeds.a.url", "https://a.example/rss"),
                Map.entry("poller.feeds.b.url", "https://b.example/rss"),
                Map.entry("poller.feeds.b.fetch-full-text", "never"),
                Map.entry("poller.fetch-full-text", "ALWAYS"),
                Map.entry("poller.full-text.per-host-interval", "2s"),
                Map.entry("poller.full-text.max-pages-per-poll", "5"),
                Map.entry("poller.full-text.max-page-bytes", "1MB"),
                Map.entry("poller.full-text.cache-bytes", "16MB"),
                Map.entry("poller.full-text.refresh-after", "10m"),
                Map.entry("poller.full-text.robots-ttl", "12h"),
                Map.entry("poller.full-text.max-pages-per-document", "2MB")));

        assertThat(defaults.feeds().get(0).fullText()).isEqualTo(FullTextMode.AUTO);
        assertThat(defaults.fullText()).isEqualTo(new FullTextSettings(Duration.ofSeconds(1), 30, 5L * 1024 * 1024,
                64L * 1024 * 1024, Duration.ofHours(1), Duration.ofHours(24), 8L * 1024 * 1024));
        assertThat(chosen.feeds()).extracting(FeedConfig::fullText).containsExactly(FullTextMode.ALWAYS,
                FullTextMode.NEVER);
        assertThat(chosen.fullText()).isEqualTo(new FullTextSettings(Duration.ofSeconds(2), 5, 1024L * 1024,
                16L * 1024 * 1024, Duration.ofMinutes(10), Duration.ofHours(12), 2L * 1024 * 1024));
    }

    @Test
    void aFullTextModeThatIsNoneOfTheThreeIsAnErrorNamingTheFeed() {
        assertThatThrownBy(() -> PollerConfig.from(Map.of("poller.feeds.a.url", "https://a.example/rss",
                "poller.feeds.a.fetch-full-text", "sometimes", "poller.fetch-full-text", "yes",
                "poller.full-text.max-pages-per-poll", "many")))
                .isInstanceOfSatisfying(PollerConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "poller.fetch-full-text: 'yes' is none of auto, always, never",
                        "poller.full-text.max-pages-per-poll: 'many' is not a whole number of zero or more",
                        "feed 'a': fetch-full-text: 'sometimes' is none of auto, always, never "
                                + "(poller.feeds.a.fetch-full-text)"));
    }

    @Test
    void aFileNamesItselfInEachProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("poller.properties");
        Files.writeString(file, "poller.feeds.a.url=https://a.example/rss\npoller.feeds.a.interval=0s\n");

        assertThatThrownBy(() -> PollerConfig.load(file))
                .hasMessageContaining(file + ": feed 'a': interval: '0s' must be longer than zero");
    }

    @Test
    void refusesNonsenseLimits() {
        assertThatThrownBy(() -> PollerConfig.from(Map.of("poller.max-response-bytes", "2GB",
                "poller.backoff.base", "10m", "poller.backoff.max", "1m",
                "poller.user-agent", "bot\r\nX-Injected: 1")))
                .hasMessageContaining("poller.max-response-bytes: '2GB' is more than 1GB")
                .hasMessageContaining("poller.backoff.max: 1m is shorter than poller.backoff.base (PT10M)")
                .hasMessageContaining("poller.user-agent: ")
                .hasMessageContaining("must be printable ASCII on one line");
    }

    @Test
    void feedNamesAreLimitedToWhatIdsCanCarry() {
        assertThatThrownBy(() -> PollerConfig.from(Map.of("poller.feeds.a:b.url", "https://a.example/")))
                .hasMessageContaining("poller.feeds.a:b.url: expected poller.feeds.<name>.<setting>");
    }
}
