package dev.newsroom.ingest.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @ParameterizedTest(name = "failure {0} waits {1}..{2} s")
    @CsvSource({"1, 15, 30", "2, 30, 60", "3, 60, 120", "4, 120, 240", "7, 960, 1920", "8, 1800, 3600",
            "9, 1800, 3600", "1000, 1800, 3600"})
    void doublesFromTheBaseUpToTheMaximumWithJitterInTheUpperHalf(int failures, long lowest, long highest) {
        assertThat(backoff.delay(failures, 0.0)).isEqualTo(Duration.ofSeconds(lowest));
        assertThat(backoff.delay(failures, 0.999_999)).isBetween(Duration.ofSeconds(highest - 1),
                Duration.ofSeconds(highest));
    }

    @Test
    void jitterSpreadsFeedsThatFailedTogether() {
        Random random = new Random(42);
        long distinct = random.doubles(50).mapToObj(r -> backoff.delay(3, r)).distinct().count();

        assertThat(distinct).isGreaterThan(40);
    }
}
