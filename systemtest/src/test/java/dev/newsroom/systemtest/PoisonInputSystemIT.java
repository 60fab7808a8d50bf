package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.check.ProgressWatch;
import dev.newsroom.systemtest.check.Verdict.KindCounts;
import dev.newsroom.systemtest.scenario.Scenario;
import dev.newsroom.systemtest.scenario.SystemTestSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 6: a tenth of the stream is bad input of every kind the raw topic sees (malformed XML, an undecodable
 * charset, 20 MB payloads, DOCTYPE bombs, random bytes, valid Avro under a schema id no registry issued). Each must
 * become a dead letter with its reason, and the good documents must flow at the speed they are sent: ingest keeps
 * up with the load instead of choking on the bad ones.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PoisonInputSystemIT {

    private static final double POISON_SHARE = 0.10;
    /** One bad input in this many is a 20 MB payload: several per run at the default size. */
    private static final int OVERSIZED_EVERY = 25;
    /**
     * How long after the last document was acknowledged ingest may still need for its article versions: a few
     * commit intervals and one 20 MB record's worth of work on a busy machine, not a backlog.
     */
    private static final Duration INGEST_TRAIL_LIMIT = Duration.ofSeconds(30);
    /** Longest time without a new article version while documents came in: a bad input must not hold anything up. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(10);

    @Test
    void poisonIsDeadLetteredWithItsReasonAndTheRestFlowsAtTheLoadRate() {
        try (Scenario scenario = Scenario.open("poison-input", "10% bad inputs of every kind, one in "
                + OVERSIZED_EVERY + " of them 20 MB", 1, POISON_SHARE, OVERSIZED_EVERY);
             ProgressWatch watch = new ProgressWatch(scenario.pipeline().cluster().bootstrapServers(),
                     List.of(scenario.pipeline().topics().name(TopicId.ARTICLES)))) {
            String articles = scenario.pipeline().topics().name(TopicId.ARTICLES);
            long began = System.nanoTime();
            scenario.startLoad();
            scenario.awaitLoad(1.0);
            long sent = System.nanoTime();
            Scenario.Outcome outcome = scenario.finish();
            assertBalanced(outcome);

            var counts = outcome.verdict().counts();
            assertThat(counts.bad()).as("bad inputs by kind").extracting(KindCounts::kind)
                    .contains("MALFORMED_XML", "UNDECODABLE_CHARSET", "OVERSIZED", "DOCTYPE_BOMB", "RANDOM_BYTES",
                            "UNKNOWN_SCHEMA_ID");
            assertThat(counts.bad()).allSatisfy(kind -> assertThat(kind.deadLettered()).as(kind.kind())
                    .isEqualTo(kind.sent()));
            List<Long> arrivals = watch.arrivals(articles);
            assertThat(arrivals).as("article versions seen as they came").hasSize((int) counts.expectedArticles());
            Duration trail = Duration.ofNanos(arrivals.get(arrivals.size() - 1) - sent);
            double loadSeconds = (sent - began) / 1e9;
            double perSecond = arrivals.stream().filter(t -> t <= sent).count() / loadSeconds;
            double expectedPerSecond = counts.expectedArticles() / (double) scenario.documents() * SystemTestSettings.rate();
            Duration stall = watch.longestGap(articles, began, sent);
            System.out.printf("ingest: %.1f article versions/s while the load ran %.0f s (%.1f/s due at the sent"
                    + " rate); longest pause %.1f s; the last came %.1f s after the last document%n", perSecond,
                    loadSeconds, expectedPerSecond, stall.toMillis() / 1000.0, trail.toMillis() / 1000.0);
            assertThat(stall).as("longest pause in ingest's output while the load ran").isLessThan(STALL_LIMIT);
            assertThat(trail).as("ingest's last article version after the last document was acknowledged")
                    .isLessThan(INGEST_TRAIL_LIMIT);
        }
    }
}
