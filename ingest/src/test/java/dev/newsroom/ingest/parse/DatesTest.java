package dev.newsroom.ingest.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates as feeds and pages write them, to UTC. */
class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sun, 14 Dec 2025 07:30:00 +0000|2025-12-14T07:30:00Z",
            "Sun, 14 Dec 2025 07:30:00 GMT|2025-12-14T07:30:00Z",
            "Sun, 14 Dec 2025 02:30:00 EST|2025-12-14T07:30:00Z",
            "Sun, 14 Dec 2025 09:30:00 CEST|2025-12-14T07:30:00Z",
            "Mon, 14 Dec 2025 10:30 +03:00|2025-12-14T07:30:00Z",
            "14 Dec 25 07:30:00 Z|2025-12-14T07:30:00Z",
            "Sunday, 14 December 2025 07:30:00 UT|2025-12-14T07:30:00Z",
            "14 décembre 2025|2025-12-14T00:00:00Z",
            "December 14, 2025 7:30 AM|2025-12-14T07:30:00Z",
            "2025-12-14T10:30:00+03:00|2025-12-14T07:30:00Z",
            "2025-12-14T07:30:00.123456Z|2025-12-14T07:30:00.123456Z",
            "2025-12-14T10:30:00+0300|2025-12-14T07:30:00Z",
            "2025-12-14 07:30:00|2025-12-14T07:30:00Z",
            "2025-12-14T07:30|2025-12-14T07:30:00Z",
            "2025-12-14|2025-12-14T00:00:00Z",
            "20251214T073000Z|2025-12-14T07:30:00Z",
            "٢٠٢٥-١٢-١٤T١٠:٣٠:٠٠+٠٣:٠٠|2025-12-14T07:30:00Z",
            "۲۰۲۵-۱۲-۱۴|2025-12-14T00:00:00Z",
            "1765697400|2025-12-14T07:30:00Z"})
    void parsesToUtc(String raw, String expected) {
        assertThat(Dates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-13-45", "Sun, 32 Foo 2025 07:30:00 +0000", "not a date at all, really"})
    void nonDatesGiveNull(String raw) {
        assertThat(Dates.parse(raw)).isNull();
    }
}
