package dev.newsroom.ingest.poller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.RawDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawDocumentsTest {

    private static final byte[] BODY = "<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);
    private static final FetchedDocument FETCHED = new FetchedDocument(URI.create("https://akhbar.example/feed/"),
            Map.of("content-type", "text/xml; charset=windows-1256", "etag", "\"v1\""), BODY,
            Instant.parse("2026-11-28T09:00:00.123456Z"), Validators.NONE);

    @Test
    void takesTypeAndCharsetFromTheResponseUnlessTheFeedForcesThem() {
        FeedConfig plain = feed("akhbar", Optional.empty());
        FeedConfig forced = feed("akhbar", Optional.of("application/rss+xml; charset=\"utf-8\""));
        FeedConfig forcedWithoutCharset = feed("akhbar", Optional.of("application/rss+xml"));

        RawDocument asServed = RawDocuments.of(plain, FETCHED, RawDocuments.bodyHash(BODY));
        RawDocument asForced = RawDocuments.of(forced, FETCHED, RawDocuments.bodyHash(BODY));
        RawDocument forcedTypeServedCharset = RawDocuments.of(forcedWithoutCharset, FETCHED,
                RawDocuments.bodyHash(BODY));

        assertThat(asServed.getContentType()).isEqualTo("text/xml; charset=windows-1256");
        assertThat(asServed.getCharset()).isEqualTo("windows-1256");
        assertThat(asForced.getContentType()).isEqualTo("application/rss+xml; charset=\"utf-8\"");
        assertThat(asForced.getCharset()).isEqualTo("utf-8");
        assertThat(forcedTypeServedCharset.getContentType()).isEqualTo("application/rss+xml");
        assertThat(forcedTypeServedCharset.getCharset()).isEqualTo("windows-1256");
        assertThat(asServed.getHeaders()).isEqualTo(FETCHED.headers());
        assertThat(asServed.getReceivedAt()).isEqualTo(Instant.parse("2026-11-28T09:00:00.123Z"));
    }

    @Test
    void theIdIsTheFeedAndTheBodyHashSoTheSameBodyAlwaysGetsTheSameId() {
        String id = RawDocuments.of(feed("akhbar", Optional.empty()), FETCHED, RawDocuments.bodyHash(BODY))
                .getDocumentId();

        assertThat(id).isEqualTo("poller:akhbar:" + RawDocuments.bodyHash(BODY.clone()));
        assertThat(id).matches("poller:akhbar:[0-9a-f]{16}");
        assertThat(RawDocuments.bodyHash("<rss/>".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(RawDocuments.bodyHash(BODY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            text/html; charset=UTF-8           | UTF-8
            text/html;charset="ISO-8859-1"     | ISO-8859-1
            text/html; q=1; CHARSET = utf-8    | utf-8
            application/rss+xml                |
            text/html; charset=                |
            """)
    void charsetIsTheParameterOfTheContentType(String contentType, String charset) {
        assertThat(RawDocuments.charsetOf(contentType)).isEqualTo(Optional.ofNullable(charset));
    }

    private static FeedConfig feed(String name, Optional<String> contentType) {
        return new FeedConfig(name, URI.create("https://akhbar.example/feed/"), Duration.ofMinutes(5), false,
                FeedConfig.defaultSource(name), contentType);
    }
}
