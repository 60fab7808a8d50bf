package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;

import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.cluster.BrokerProcess;
import dev.newsroom.systemtest.cluster.Cluster;
import dev.newsroom.systemtest.cluster.Replicas;
import dev.newsroom.systemtest.scenario.ClusterSettings;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cluster scenario 1: on three brokers at replication 3 ({@code min.insync.replicas} 2), the broker leading the most
 * partitions of the stages' inputs is killed with {@code kill -9} mid-stream and started again after 20 s. Its
 * partitions' leadership moves to the in-sync followers; the services, left alone, carry on against the two
 * survivors. Nothing lost, nothing published twice, every webhook delivery once per id, and the books balanced.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterLeaderKillSystemIT {

    @Test
    void killingTheLeaderOfMostInputPartitionsLosesAndRepeatsNothing() throws InterruptedException {
        Cluster cluster = Scenario.replicatedCluster();
        Duration down = ClusterSettings.brokerDown();
        try (Scenario scenario = Scenario.open(cluster, "cluster-leader-kill", "kill -9 of the broker leading the"
                        + " most input partitions mid-stream, restarted after " + down.toSeconds() + " s", 1, 0.03, 0,
                ClusterSettings.documents());
             StageStalls stalls = new StageStalls(scenario)) {
            var topics = scenario.pipeline().topics();
            List<String> inputs = List.of(topics.name(TopicId.RAW), topics.name(TopicId.ARTICLES),
                    topics.name(TopicId.ENRICHED));
            scenario.startLoad();
            scenario.awaitLoad(0.3);
            Map<Integer, Integer> leaders = Replicas.leaders(cluster, inputs);
            int node = leaders.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            BrokerProcess broker = cluster.node(node);
            scenario.event("input partitions led per node " + leaders + "; kill -9 " + broker.name() + " (pid "
                    + broker.pid() + ")");
            broker.kill();
            Thread.sleep(down.toMillis());
            broker.start();
            scenario.event(broker.name() + " (pid " + broker.pid() + ") restarted on its data directory");
            Duration caughtUp = Replicas.awaitFullyReplicated(cluster, Duration.ofMinutes(3));
            scenario.event("every partition fully replicated again " + caughtUp.toSeconds() + " s later; leaders "
                    + Replicas.leaders(cluster, inputs));
            Scenario.Outcome outcome = scenario.finish();
            stalls.report("cluster-leader-kill");
            assertBalanced(outcome);
        }
    }
}
