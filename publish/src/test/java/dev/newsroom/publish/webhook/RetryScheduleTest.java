package dev.newsroom.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.publish.outlet.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    @Test
    void theDefaultScheduleGrowsFromSecondsToHoursOverNineAttempts() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;

        assertThat(schedule.maxAttempts()).isEqualTo(9);
        assertThat(schedule.delayAfter(1, () -> 0.5)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2, () -> 0.5)).contains(Duration.ofSeconds(30));
        assertThat(schedule.delayAfter(8, () -> 0.5)).contains(Duration.ofHours(6));
        assertThat(schedule.delayAfter(9, () -> 0.5)).as("the ninth attempt was the last").isEmpty();
        for (int attempt = 2; attempt <= 8; attempt++) {
            assertThat(schedule.delays().get(attempt - 1)).isGreaterThan(schedule.delays().get(attempt - 2));
        }
    }

    @Test
    void jitterSpreadsEachDelayWithinItsBandAndCoversIt() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(10)), 0.2);
        Random random = new Random(20261128L);
        long shortest = Long.MAX_VALUE;
        long longest = 0;

        for (int i = 0; i < 2_000; i++) {
            long delay = schedule.delayAfter(1, random::nextDouble).orElseThrow().toMillis();
            shortest = Math.min(shortest, delay);
            longest = Math.max(longest, delay);
        }

        assertThat(shortest).isBetween(8_000L, 8_100L);
        assertThat(longest).isBetween(11_900L, 12_000L);
        assertThat(schedule.delayAfter(1, () -> 0.0)).contains(Duration.ofSeconds(8));
        assertThat(new RetrySchedule(List.of(Duration.ofSeconds(10)), 0).delayAfter(1, () -> 0.9))
                .contains(Duration.ofSeconds(10));
    }

    @Test
    void aScheduleWithoutDelaysTriesOnceAndBadSchedulesAreRefused() {
        assertThat(new RetrySchedule(List.of(), 0.2).maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), 0.2)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(1)), 1.0)).hasMessageContaining("jitter");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"200, DELIVERED", "204, DELIVERED", "301, RETRY", "400, PARK", "401, PARK", "404, PARK",
            "408, RETRY", "409, PARK", "410, DISABLE_OUTLET", "413, PARK", "422, PARK", "429, RETRY", "500, RETRY",
            "502, RETRY", "503, RETRY", "504, RETRY"})
    void statusesAreHandledAsStandardWebhooksRecommends(int status, ResponseVerdict verdict) {
        assertThat(ResponseVerdict.of(status)).isEqualTo(verdict);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateOnlyFor429And503AndCapped() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        assertThat(ResponseVerdict.retryAfter(429, "120", now)).contains(Duration.ofMinutes(2));
        assertThat(ResponseVerdict.retryAfter(503, "Sat, 28 Nov 2026 10:05:00 GMT", now)).contains(Duration.ofMinutes(5));
        assertThat(ResponseVerdict.retryAfter(503, "Sat, 28 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(ResponseVerdict.retryAfter(429, "999999", now)).contains(RetrySchedule.RETRY_AFTER_CAP);
        assertThat(ResponseVerdict.retryAfter(500, "120", now)).isEmpty();
        assertThat(ResponseVerdict.retryAfter(429, "soon", now)).isEmpty();
        assertThat(ResponseVerdict.retryAfter(429, null, now)).isEmpty();
    }
}
