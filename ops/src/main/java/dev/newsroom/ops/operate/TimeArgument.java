package dev.newsroom.ops.operate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time as operators write it: an ISO 8601 instant ({@code 2026-11-28T09:30:00Z}, an offset such as
 * {@code +02:00}, or none, meaning UTC), a date ({@code 2026-11-28}, its start in UTC), {@code now}, or a
 * duration meaning "that long ago" ({@code PT2H}, {@code P1D}, {@code 2h}, {@code 90m}, {@code 1h30m}, {@code 7d}).
 */
public final class TimeArgument implements ITypeConverter<Instant> {

    public static final String HELP = "an ISO 8601 instant or date (2026-11-28T09:30:00Z, 2026-11-28), now, or a"
            + " duration ago (PT2H, 2h, 90m, 7d)";

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");
    private static final Pattern SHORT_DURATIONS = Pattern.compile("(\\d+(ms|s|m|h|d|w))+");

    private final Clock clock;

    public TimeArgument() {
        this(Clock.systemUTC());
    }

    TimeArgument(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        return parse(value, clock);
    }

    public static Instant parse(String value, Clock clock) {
        String text = value.trim();
        if (text.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        Duration ago = duration(text);
        if (ago != null) {
            if (ago.isNegative()) {
                throw new TypeConversionException("'" + value + "' is a negative duration; durations mean that long"
                        + " ago");
            }
            return clock.instant().minus(ago);
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a time: use " + HELP);
        }
    }

    private static Duration duration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p") || lower.startsWith("-p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + text + "' is not an ISO 8601 duration such as PT2H or P1D");
            }
        }
        if (!SHORT_DURATIONS.matcher(lower).matches()) {
            return null;
        }
        Duration total = Duration.ZERO;
        Matcher part = SHORT_DURATION.matcher(lower);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
        }
        return total;
    }
}
