package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.check.ProgressWatch;
import dev.newsroom.systemtest.check.Verdict;
import dev.newsroom.systemtest.check.Verdict.OutletCounts;
import dev.newsroom.systemtest.receiver.WebhookSite;
import dev.newsroom.systemtest.receiver.WebhookSite.Request;
import dev.newsroom.systemtest.scenario.Scenario;
import dev.newsroom.systemtest.scenario.SystemTestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 5: the {@code partner} webhook site goes down (connection refused) mid-stream for the configured outage
 * ({@code newsroom.systemtest.webhook-outage}, 45 s by default: longer than the load, so the outage spans the
 * stream), then answers 503 with {@code Retry-After}, then 200. Every delivery must arrive, in order per article,
 * and the other outlets, the {@code site} webhook and the {@code wire} Kafka topic, must not wait for it.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class WebhookOutageSystemIT {

    private static final Duration UNAVAILABLE = Duration.ofSeconds(20);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** The wire outlet may trail the published log by a few commit intervals, never by the outage. */
    private static final Duration WIRE_LAG_LIMIT = Duration.ofSeconds(10);

    @Test
    void aWebhookOutageLosesNothingAndHoldsUpNoOtherOutlet() throws InterruptedException {
        Duration outage = SystemTestSettings.webhookOutage();
        try (Scenario scenario = Scenario.open("webhook-outage", "partner webhook site refusing connections for "
                + outage.toSeconds() + " s mid-stream, then 503 with Retry-After " + RETRY_AFTER.toSeconds()
                + " s for " + UNAVAILABLE.toSeconds() + " s, then 200", 1, 0.03, 0);
             ProgressWatch watch = new ProgressWatch(scenario.pipeline().cluster().bootstrapServers(), List.of(
                     scenario.pipeline().topics().name(TopicId.PUBLISHED), scenario.pipeline().wireTopic()))) {
            WebhookSite partner = scenario.pipeline().partner();
            scenario.startLoad();
            scenario.awaitLoad(0.1);
            partner.down();
            long down = System.nanoTime();
            scenario.event("partner site down: connections refused");
            Thread.sleep(outage.toMillis());
            long up = System.nanoTime();
            Verdict atEnd = scenario.checkNow();
            scenario.event("end of the outage: " + Scenario.progress(atEnd));
            partner.unavailable(RETRY_AFTER);
            scenario.event("partner site answering 503 with Retry-After: " + RETRY_AFTER.toSeconds());
            Thread.sleep(UNAVAILABLE.toMillis());
            partner.up();
            scenario.event("partner site answering 200");
            Scenario.Outcome outcome = scenario.finish();
            assertBalanced(outcome);

            Duration wireLag = watch.worstLag(scenario.pipeline().topics().name(TopicId.PUBLISHED),
                    scenario.pipeline().wireTopic(), down, up);
            System.out.printf("wire outlet trailed the published log by at most %.1f s during the outage%n",
                    wireLag.toMillis() / 1000.0);
            assertThat(wireLag).as("wire (Kafka outlet) behind the published log during the outage")
                    .isLessThan(WIRE_LAG_LIMIT);
            OutletCounts site = outlet(atEnd, "site");
            boolean allPublished = atEnd.counts().published() == atEnd.counts().expectedPublished();
            assertThat(site.delivered()).as("site webhook deliveries by the end of the partner's outage, of "
                    + site.due() + " due (all published: " + allPublished + ")")
                    .isGreaterThanOrEqualTo(allPublished ? site.due() : site.due() * 9 / 10);
            OutletCounts partnerCounts = outlet(outcome.verdict(), "partner");
            assertThat(partnerCounts.refused()).as("partner requests answered 503").isPositive();
            assertThat(shortestWaitAfter503(partner)).as("shortest wait after a 503 before the same delivery came"
                    + " again").isGreaterThanOrEqualTo(RETRY_AFTER.minusMillis(500));
        }
    }

    private static OutletCounts outlet(Verdict verdict, String name) {
        return verdict.counts().outlets().stream().filter(o -> o.outlet().equals(name)).findFirst().orElseThrow();
    }

    private static Duration shortestWaitAfter503(WebhookSite site) {
        Map<String, List<Request>> byId = new HashMap<>();
        for (Request request : site.requests()) {
            byId.computeIfAbsent(request.webhookId(), id -> new ArrayList<>()).add(request);
        }
        Duration shortest = Duration.ofDays(1);
        for (List<Request> requests : byId.values()) {
            requests.sort(Comparator.comparing(Request::at));
            for (int i = 0; i + 1 < requests.size(); i++) {
                if (requests.get(i).answered() == 503) {
                    Duration wait = Duration.between(requests.get(i).at(), requests.get(i + 1).at());
                    shortest = wait.compareTo(shortest) < 0 ? wait : shortest;
                }
            }
        }
        return shortest;
    }
}
