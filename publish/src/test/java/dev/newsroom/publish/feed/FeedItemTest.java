package dev.newsroom.publish.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedItemTest {

    private static final Instant FALLBACK = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void aTimeReadsAsInstantParseReadsItAndFallsBackWhenItCannot() {
        for (String text : new String[] {"2026-11-28T10:00:00Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z",
                "2026-11-28T24:00:00Z", "2026-12-31T23:59:60Z", "2026-11-28T10:00:00.250Z"}) {
            assertThat(FeedItem.time(text, FALLBACK)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : new String[] {"2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-28T10:60:00Z",
                "2026-11-28 10:00:00Z", "2026-11-28T10:00:0xZ", "yesterday", ""}) {
            assertThat(FeedItem.time(text, FALLBACK)).as(text).isEqualTo(FALLBACK);
        }
        assertThat(FeedItem.time(null, FALLBACK)).isEqualTo(FALLBACK);
    }
}
