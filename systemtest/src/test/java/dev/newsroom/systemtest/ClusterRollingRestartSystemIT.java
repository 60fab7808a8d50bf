package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.systemtest.cluster.BrokerProcess;
import dev.newsroom.systemtest.cluster.Cluster;
import dev.newsroom.systemtest.cluster.Replicas;
import dev.newsroom.systemtest.scenario.ClusterSettings;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cluster scenario 2: a rolling restart of the three brokers, as an upgrade does it: each in turn stopped with
 * SIGTERM (a controlled shutdown that hands its leaderships over first), started again, and the next one only once no
 * partition is under-replicated, then leadership moved back to the preferred replicas. The services are left alone;
 * the books must balance.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterRollingRestartSystemIT {

    @Test
    void aRollingRestartOfEveryBrokerLosesAndRepeatsNothing() {
        Cluster cluster = Scenario.replicatedCluster();
        try (Scenario scenario = Scenario.open(cluster, "cluster-rolling-restart", "rolling restart of the three"
                        + " brokers mid-stream: SIGTERM, start, wait for every replica in sync, next", 1, 0.03, 0,
                ClusterSettings.documents());
             StageStalls stalls = new StageStalls(scenario)) {
            scenario.startLoad();
            scenario.awaitLoad(0.1);
            for (BrokerProcess broker : cluster.brokers()) {
                scenario.event("SIGTERM " + broker.name() + " (pid " + broker.pid() + ")");
                long stopping = System.nanoTime();
                boolean clean = broker.stop();
                Duration stop = Duration.ofNanos(System.nanoTime() - stopping);
                assertThat(clean).as(broker.name() + " stopped by itself within a minute of SIGTERM").isTrue();
                broker.start();
                scenario.event(broker.name() + " stopped in " + stop.toSeconds() + " s, started again (pid "
                        + broker.pid() + ")");
                Duration caughtUp = Replicas.awaitFullyReplicated(cluster, Duration.ofMinutes(3));
                Replicas.electPreferredLeaders(cluster);
                scenario.event("no partition under-replicated " + caughtUp.toSeconds()
                        + " s later; preferred leaders elected");
            }
            Scenario.Outcome outcome = scenario.finish();
            stalls.report("cluster-rolling-restart");
            assertBalanced(outcome);
        }
    }
}
