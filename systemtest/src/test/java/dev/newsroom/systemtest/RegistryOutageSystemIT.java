package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.registry.ApicurioRegistry;
import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 4: the schema registry is away for 30 s mid-stream. The registry is a process of its own (Apicurio, not
 * part of the broker process), so stopping it makes exactly the registry unavailable: connections to its port are
 * refused, as when its host goes away; no proxy is needed. The stream carries records under schema ids no registry
 * issued, whose lookups during the outage fail for want of a registry, not for want of the id: those must wait and
 * be retried, not be dead-lettered; every dead letter must have its true reason, and the account must balance.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class RegistryOutageSystemIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void aRegistryOutageDelaysButDeadLettersNothing() throws InterruptedException {
        try (Scenario scenario = Scenario.open("registry-outage",
                "schema registry stopped for " + OUTAGE.toSeconds() + " s mid-stream, then started on its store",
                1, 0.05, 0)) {
            scenario.startLoad();
            scenario.awaitLoad(0.25);
            ApicurioRegistry registry = scenario.pipeline().cluster().registry();
            scenario.event("registry stopped");
            long down = System.nanoTime();
            registry.stop();
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
            scenario.event("registry starting again");
            registry.start();
            scenario.event("registry up: it was away " + (System.nanoTime() - down) / 1_000_000_000 + " s");
            PipelineUnderTest.awaitRunning(scenario.pipeline().all());
            Scenario.Outcome outcome = scenario.finish();
            assertBalanced(outcome);
            var counts = outcome.verdict().counts();
            assertThat(counts.documentLetters()).as("documents dead-lettered: only the bad ones, each for its own"
                    + " reason (checked one by one in the balance)").isEqualTo(counts.expectedDocumentLetters());
            assertThat(counts.itemLetters()).as("feed items dead-lettered").isEqualTo(counts.expectedItemLetters());
        }
    }
}
