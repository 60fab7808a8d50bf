package dev.newsroom.ingest.poller;

import java.time.Duration;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure a feed waits between half and all of
 * {@code min(max, base * 2^(n-1))}. The jitter spreads out feeds that failed together (one upstream outage),
 * so they do not all come back in the same second.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /**
     * @param consecutiveFailures 1 after the first failure
     * @param random              uniformly distributed in [0, 1)
     */
    Duration delay(int consecutiveFailures, double random) {
        long ceilingMillis = base.toMillis();
        for (int i = 1; i < consecutiveFailures && ceilingMillis < max.toMillis(); i++) {
            ceilingMillis *= 2;
        }
        ceilingMillis = Math.min(ceilingMillis, max.toMillis());
        long half = ceilingMillis / 2;
        return Duration.ofMillis(half + (long) (random * (ceilingMillis - half)));
    }
}
