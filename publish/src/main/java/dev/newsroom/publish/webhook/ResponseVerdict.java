package dev.newsroom.publish.webhook;

import dev.newsroom.publish.outlet.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a webhook response means for the delivery, following Standard Webhooks' status handling: 2xx delivered;
 * 410 Gone disables the outlet; 408 and 429 and everything else that is not a 4xx (3xx, 5xx) is tried again;
 * any other 4xx is the request's fault and will not get better, so the delivery is parked at once.
 */
public enum ResponseVerdict {
    DELIVERED, RETRY, PARK, DISABLE_OUTLET;

    public static ResponseVerdict of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        if (status == 410) {
            return DISABLE_OUTLET;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return PARK;
        }
        return RETRY;
    }

    /**
     * The wait a 429 or 503 asks for in its {@code Retry-After} (seconds or an HTTP date), at most
     * {@link RetrySchedule#RETRY_AFTER_CAP}; empty for other statuses or an unreadable header.
     */
    public static Optional<Duration> retryAfter(int status, String header, Instant now) {
        if ((status != 429 && status != 503) || header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        Duration wait;
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } else {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(now, at);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(RetrySchedule.RETRY_AFTER_CAP) > 0 ? RetrySchedule.RETRY_AFTER_CAP : wait);
    }
}
