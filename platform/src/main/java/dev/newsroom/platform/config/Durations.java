package dev.newsroom.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar for durations in settings, outlet files, poller files and command-line options: ISO 8601
 * ({@code PT30S}, {@code P1D}) or one or more numbers with a unit, {@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d} or {@code w} ({@code 500ms}, {@code 30s}, {@code 1h30m}, {@code 2w}); case and spaces do not matter.
 * Java's {@link Duration#parse} alone would make operators write {@code PT5M} for five minutes.
 */
public final class Durations {

    /** What every error message offers as examples. */
    public static final String EXAMPLES = "500ms, 30s, 5m, 1h30m, 2d or PT30S";

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PARTS = Pattern.compile("(\\d+(ms|s|m|h|d|w))+");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : WHITESPACE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw notADuration(text);
            }
        }
        if (!PARTS.matcher(value).matches()) {
            throw notADuration(text);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofDays(Math.multiplyExact(7, amount));
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return total;
    }

    /** Like {@link #parse}, for settings that make no sense at zero or below (intervals, timeouts). */
    public static Duration parsePositive(String text) {
        Duration duration = parse(text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' must be longer than zero");
        }
        return duration;
    }

    /** A duration the way this grammar writes it, for messages: {@code 10s}, {@code 1m30s}, {@code 250ms}. */
    public static String describe(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration rest = duration.abs();
        long days = rest.toDays();
        if (days > 0) {
            text.append(days).append('d');
        }
        append(text, rest.toHoursPart(), "h");
        append(text, rest.toMinutesPart(), "m");
        append(text, rest.toSecondsPart(), "s");
        append(text, rest.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration such as " + EXAMPLES);
    }
}
