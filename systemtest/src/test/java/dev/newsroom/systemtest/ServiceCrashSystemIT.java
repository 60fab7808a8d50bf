package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;

import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.cluster.ServiceProcess;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 1: each service in turn is killed with {@code kill -9} in the middle of the stream (mid-transaction, with
 * webhook deliveries in flight) and started again after a pause. Exactly-once must hold across the crash: no article
 * lost, no version published twice, no webhook delivery lost (repeats only under the same webhook-id).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ServiceCrashSystemIT {

    /** How long a crashed service stays down, as an orchestrator's restart back-off would keep it. */
    private static final Duration DOWN = Duration.ofSeconds(5);

    @Test
    void killingEachServiceMidStreamLosesAndDuplicatesNothing() throws InterruptedException {
        try (Scenario scenario = Scenario.open("service-crash",
                "kill -9 of ingest, then enrich, then publish, mid-stream; each restarted after " + DOWN.toSeconds()
                        + " s", 1, 0.03, 0)) {
            scenario.startLoad();
            List<String> services = PipelineUnderTest.SERVICES;
            for (int i = 0; i < services.size(); i++) {
                scenario.awaitLoad(0.2 + 0.25 * i);
                ServiceProcess victim = scenario.pipeline().instances(services.get(i)).get(0);
                scenario.event("kill -9 " + victim);
                victim.kill();
                Thread.sleep(DOWN.toMillis());
                victim.start();
                victim.awaitRunning(PipelineUnderTest.START_TIMEOUT);
                scenario.event(victim + " restarted and RUNNING");
            }
            assertBalanced(scenario.finish());
        }
    }
}
