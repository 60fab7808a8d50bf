package dev.newsroom.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of the date formats feeds and pages actually use, to UTC instants.
 *
 * <p>Written by hand because {@code DateTimeFormatter.RFC_1123_DATE_TIME} rejects what real feeds send: zone
 * abbreviations (EST, CEST), missing seconds, two-digit years, wrong weekdays, full month names, ISO offsets without
 * a colon. Arabic-Indic and Persian digits are read as digits. A value without a zone is taken as UTC; a date
 * without a time as midnight UTC. Unparseable values give {@code null}, never an exception.
 */
final class Dates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ]+(\\d{1,2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT|UT)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?:[\\p{L}]+\\.?,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([\\p{L}]+)\\.?,?[\\s-]+(\\d{2,4})"
                    + "(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?"
                    + "\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?(?:\\s*\\(.*\\))?");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?:[\\p{L}]+\\.?,?\\s+)?([\\p{L}]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
                    + "(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?"
                    + "\\s*([A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("janvier", 1), Map.entry("janv", 1),
            Map.entry("feb", 2), Map.entry("february", 2), Map.entry("février", 2), Map.entry("fevrier", 2), Map.entry("févr", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("mars", 3),
            Map.entry("apr", 4), Map.entry("april", 4), Map.entry("avril", 4), Map.entry("avr", 4),
            Map.entry("may", 5), Map.entry("mai", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("juin", 6),
            Map.entry("jul", 7), Map.entry("july", 7), Map.entry("juillet", 7), Map.entry("juil", 7),
            Map.entry("aug", 8), Map.entry("august", 8), Map.entry("août", 8), Map.entry("aout", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9), Map.entry("septembre", 9),
            Map.entry("oct", 10), Map.entry("october", 10), Map.entry("octobre", 10),
            Map.entry("nov", 11), Map.entry("november", 11), Map.entry("novembre", 11),
            Map.entry("dec", 12), Map.entry("december", 12), Map.entry("décembre", 12), Map.entry("decembre", 12), Map.entry("déc", 12));

    private static final Map<String, Integer> ZONE_MINUTES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600), Map.entry("AST", -240), Map.entry("ADT", -180),
            Map.entry("BST", 60), Map.entry("IST", 330), Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("MET", 60),
            Map.entry("MEST", 120), Map.entry("WEST", 60), Map.entry("EET", 120), Map.entry("EEST", 180), Map.entry("MSK", 180),
            Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480),
            Map.entry("AEST", 600), Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780));

    private Dates() {
    }

    /** The instant a date string denotes, or {@code null} when it is blank or not a date. */
    static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String text = asciiDigits(raw).strip();
        if (text.isEmpty() || text.length() > 80) {
            return null;
        }
        try {
            Matcher iso = ISO.matcher(text);
            if (iso.matches()) {
                return fromIso(iso);
            }
            Matcher dmy = DAY_MONTH_YEAR.matcher(text);
            if (dmy.matches()) {
                return fromParts(dmy.group(3), dmy.group(2), dmy.group(1), dmy.group(4), dmy.group(5), dmy.group(6), dmy.group(7), dmy.group(8));
            }
            Matcher mdy = MONTH_DAY_YEAR.matcher(text);
            if (mdy.matches()) {
                return fromParts(mdy.group(3), mdy.group(1), mdy.group(2), mdy.group(4), mdy.group(5), mdy.group(6), mdy.group(7), mdy.group(8));
            }
            if (EPOCH.matcher(text).matches()) {
                long value = Long.parseLong(text);
                return text.length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Instant fromIso(Matcher m) {
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        int nanos = 0;
        if (m.group(7) != null) {
            String fraction = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(fraction);
        }
        LocalDateTime time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
        return time.toInstant(offset(m.group(8)));
    }

    private static Instant fromParts(String year, String month, String day, String hour, String minute, String second,
                                     String amPm, String zone) {
        Integer monthNumber = MONTHS.get(month.toLowerCase(Locale.ROOT));
        if (monthNumber == null) {
            return null;
        }
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            y += y < 70 ? 2000 : 1900;
        }
        LocalDate date = LocalDate.of(y, monthNumber, Integer.parseInt(day));
        if (hour == null) {
            return date.atStartOfDay().toInstant(offset(zone));
        }
        int h = Integer.parseInt(hour);
        if (amPm != null) {
            boolean pm = amPm.equalsIgnoreCase("pm");
            h = h % 12 + (pm ? 12 : 0);
        }
        LocalDateTime time = date.atTime(h, Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
        return time.toInstant(offset(zone));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.isEmpty()) {
            return ZoneOffset.UTC;
        }
        char sign = zone.charAt(0);
        if (sign == '+' || sign == '-') {
            String digits = zone.substring(1).replace(":", "");
            int hours = Integer.parseInt(digits.substring(0, 2));
            int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
            int total = hours * 60 + minutes;
            return ZoneOffset.ofTotalSeconds((sign == '-' ? -total : total) * 60);
        }
        Integer minutes = ZONE_MINUTES.get(zone.toUpperCase(Locale.ROOT));
        // RFC 2822 says single-letter military zones are unreliable and should be read as UTC; unknown names likewise.
        return ZoneOffset.ofTotalSeconds(minutes == null ? 0 : minutes * 60);
    }

    /** Arabic-Indic (U+0660..) and extended Arabic-Indic (U+06F0..) digits to ASCII. */
    static String asciiDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = c;
            if (c >= '\u0660' && c <= '\u0669') {
                ascii = (char) ('0' + (c - '\u0660'));
            } else if (c >= '\u06F0' && c <= '\u06F9') {
                ascii = (char) ('0' + (c - '\u06F0'));
            }
            if (ascii != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ascii);
            }
        }
        return out == null ? text : out.toString();
    }
}
