package dev.newsroom.ingest.parse.text;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The forms the reference feed parser's documentation lists, with the values it gives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Thu, 01 Jan 04 19:48:21 GMT|2004-01-01T19:48:21Z",
            "Thu, 01 Jan 2004 19:48:21 GMT|2004-01-01T19:48:21Z",
            "01 Jan 2004|2004-01-01T00:00:00Z",
            "01 Jan 2004 00:00 GMT|2004-01-01T00:00:00Z",
            "2003-12-31T10:14:55-08:00|2003-12-31T18:14:55Z",
            "2003-12-31T10:14:55Z|2003-12-31T10:14:55Z",
            "2003|2003-01-01T00:00:00Z",
            "2003-12|2003-12-01T00:00:00Z",
            "2003-12-31|2003-12-31T00:00:00Z",
            "20031231|2003-12-31T00:00:00Z",
            "2003-335|2003-12-01T00:00:00Z",
            "Sun Jan  4 16:29:06 PST 2004|2004-01-05T00:29:06Z",
            "Thu, 31 Jun 2004 19:48:21 GMT|2004-07-01T19:48:21Z",
            "Mon, 26 January 2004 16:31:00 EST|2004-01-26T21:31:00Z",
            "Mon, 26 Jan 2004 16:31:00 ET|2004-01-26T21:31:00Z",
            "Mon, 26 Jan 2004 13:31:00 PT|2004-01-26T21:31:00Z",
            "2003-12-31T25:14:55Z|2004-01-01T01:14:55Z",
            "2003-12-31T10:61:55Z|2003-12-31T11:01:55Z",
            "2003-12-31T10:14:61Z|2003-12-31T10:15:01Z",
            "2004-07-08 23:56:58.0|2004-07-08T23:56:58Z",
            "2004-05-25 오후 11:23:17|2004-05-25T14:23:17Z",
            "2004년 05월 25일 23:23:17|2004-05-25T14:23:17Z",
            "Κυρ, 11 Ιούλ 2004 12:00:00 EST|2004-07-11T17:00:00Z",
            "2004-július-13T9:15-05:00|2004-07-13T14:15:00Z"})
    void readsTheReferenceParsersDocumentedForms(String raw, String expected) {
        assertThat(Dates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    /** Month and weekday names as feeds in other languages write them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "الأحد، 14 ديسمبر 2025 07:30|2025-12-14T07:30:00Z",
            "14 ديسمبر 2025 - 07:30 م|2025-12-14T19:30:00Z",
            "١٤ ديسمبر ٢٠٢٥م|2025-12-14T00:00:00Z",
            "14 كانون الأول 2025 10:30 +03:00|2025-12-14T07:30:00Z",
            "الأحد 14 كانون الاول 2025|2025-12-14T00:00:00Z",
            "3 آذار 2025|2025-03-03T00:00:00Z",
            "14 أغسطس 2025 09:00 ص|2025-08-14T09:00:00Z",
            "۱۴ دسامبر ۲۰۲۵|2025-12-14T00:00:00Z",
            "So, 14. Dezember 2025 08:30 +0100|2025-12-14T07:30:00Z",
            "14. März 2025 10:00 Uhr|2025-03-14T10:00:00Z",
            "domingo, 14 de diciembre de 2025 07:30|2025-12-14T07:30:00Z",
            "14 de março de 2025|2025-03-14T00:00:00Z",
            "14 dicembre 2025|2025-12-14T00:00:00Z",
            "14 december 2025 08:30 +01:00|2025-12-14T07:30:00Z",
            "14 декабря 2025 г.|2025-12-14T00:00:00Z",
            "14 Aralık 2025 Pazar|2025-12-14T00:00:00Z",
            "14 décembre 2025 à 8h30|2025-12-14T08:30:00Z",
            "2025年12月14日 16:30|2025-12-14T16:30:00Z",
            "2025/12/14 07:30|2025-12-14T07:30:00Z"})
    void readsMonthNamesInTheLanguagesFeedsUse(String raw, String expected) {
        assertThat(Dates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-13-45", "Sun, 32 Foo 2025 07:30:00 +0000", "not a date at all, really"})
    void nonDatesGiveNull(String raw) {
        assertThat(Dates.parse(raw)).isNull();
    }
}
