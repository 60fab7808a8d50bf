package dev.newsroom.ops.operate;

import dev.newsroom.platform.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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

    /** The text as a duration, or null when it is not written as one (an instant or a date, say). */
    private static Duration duration(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            if (text.toLowerCase(Locale.ROOT).matches("-?p.*")) {
                throw new TypeConversionException("'" + text + "' is not a duration such as " + Durations.EXAMPLES);
            }
            return null;
        }
    }
}
