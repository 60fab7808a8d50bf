package dev.newsroom.publish.outlet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When failed webhook deliveries are tried again: the first attempt is immediate, and after failed attempt
 * {@code n} the next waits {@code delays[n-1]}, spread by up to {@code ±jitter} of itself so that receivers
 * recovering from an outage are not hit by every sender in the same second. After the last delay's attempt the
 * delivery is parked.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    /** In the spirit of Svix and Stripe: quick retries for blips, then hours for outages (about 10 h 43 min). */
    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6)), 0.2);

    /** A receiver's Retry-After is honoured up to this, so a typo on their side cannot park our queue for a week. */
    public static final Duration RETRY_AFTER_CAP = Duration.ofHours(6);

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be at least 0 and below 1, not " + jitter);
        }
        if (delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
            throw new IllegalArgumentException("every delay must be positive");
        }
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * How long to wait after failed attempt {@code attempt} (1-based), or empty when it was the last one.
     *
     * @param random uniform in [0, 1)
     */
    public Optional<Duration> delayAfter(int attempt, DoubleSupplier random) {
        if (attempt < 1 || attempt > delays.size()) {
            return Optional.empty();
        }
        long base = delays.get(attempt - 1).toMillis();
        long spread = Math.round(base * jitter * (2 * random.getAsDouble() - 1));
        return Optional.of(Duration.ofMillis(Math.max(1, base + spread)));
    }
}
