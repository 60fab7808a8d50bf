package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;

import dev.newsroom.systemtest.cluster.BrokerProcess;
import dev.newsroom.systemtest.cluster.Cluster;
import dev.newsroom.systemtest.cluster.Isolation;
import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.cluster.Replicas;
import dev.newsroom.systemtest.cluster.ServiceProcess;
import dev.newsroom.systemtest.scenario.ClusterSettings;
import dev.newsroom.systemtest.scenario.Scenario;
import dev.newsroom.systemtest.scenario.SystemTestSettings;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The soak, outside CI (its name matches neither failsafe's defaults nor {@code Cluster*}): the replicated cluster
 * under load for {@code newsroom.systemtest.duration} (three minutes unless set), two instances of each service, and
 * a fault schedule drawn from the seed: {@code kill -9} of a service instance, of a broker, or of the registry, or a
 * broker cut off by the proxies, one every 20 to 60 s, each undone before the next. At the end the account, the
 * timeline of faults and the longest stall of each stage.
 *
 * <pre>./mvnw -B verify -pl systemtest -am -Dit.test=ReplicatedSoak -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dnewsroom.systemtest.duration=PT1H -Dnewsroom.systemtest.rate=30</pre>
 */
class ReplicatedSoak {

    private static final Duration DEFAULT_DURATION = Duration.ofMinutes(3);

    @Test
    void nothingIsLostOrRepeatedUnderASeededScheduleOfFaults() throws InterruptedException {
        Duration duration = System.getProperty("newsroom.systemtest.duration") == null ? DEFAULT_DURATION
                : Duration.parse(System.getProperty("newsroom.systemtest.duration"));
        int documents = (int) Math.ceil(duration.toMillis() / 1000.0 * SystemTestSettings.rate());
        Random faults = new Random(SystemTestSettings.seed());
        Cluster cluster = Scenario.replicatedCluster();
        try (Scenario scenario = Scenario.open(cluster, "cluster-soak", "soak of " + duration + " at "
                        + SystemTestSettings.rate() + "/s: a seeded schedule of service, broker and registry kills and"
                        + " broker isolations", 2, 0.03, 0, documents);
             StageStalls stalls = new StageStalls(scenario)) {
            scenario.startLoad();
            int count = 0;
            while (!scenario.load().isDone()) {
                Thread.sleep(Duration.ofSeconds(20 + faults.nextInt(41)).toMillis());
                if (scenario.load().isDone()) {
                    break;
                }
                injectOne(faults, scenario, cluster);
                count++;
            }
            scenario.event(count + " faults injected; waiting for the pipeline to settle");
            Scenario.Outcome outcome = scenario.finish();
            stalls.report("cluster-soak");
            assertBalanced(outcome);
        }
    }

    private static void injectOne(Random faults, Scenario scenario, Cluster cluster) throws InterruptedException {
        switch (faults.nextInt(4)) {
            case 0 -> {
                List<ServiceProcess> all = scenario.pipeline().all();
                ServiceProcess victim = all.get(faults.nextInt(all.size()));
                scenario.event("fault: kill -9 " + victim);
                victim.kill();
                Thread.sleep(5_000);
                victim.start();
                PipelineUnderTest.awaitRunning(List.of(victim));
                scenario.event(victim + " restarted and RUNNING");
            }
            case 1 -> {
                BrokerProcess broker = cluster.brokers().get(faults.nextInt(cluster.brokers().size()));
                scenario.event("fault: kill -9 " + broker.name() + " (pid " + broker.pid() + ")");
                broker.kill();
                Thread.sleep(ClusterSettings.brokerDown().toMillis());
                broker.start();
                settleReplicas(scenario, cluster, broker.name() + " restarted");
            }
            case 2 -> {
                scenario.event("fault: kill -9 the registry");
                RegistryKill.kill(cluster.registry());
                Thread.sleep(5_000);
                cluster.registry().start();
                scenario.event("registry restarted, schemas from Kafka");
            }
            default -> {
                Isolation isolation = cluster.isolation().orElseThrow();
                scenario.event("fault: node " + isolation.nodeId() + " cut off");
                isolation.drop();
                try {
                    Thread.sleep(ClusterSettings.partitionPhase().toMillis());
                } finally {
                    isolation.restore();
                }
                settleReplicas(scenario, cluster, "node " + isolation.nodeId() + " reconnected");
            }
        }
    }

    private static void settleReplicas(Scenario scenario, Cluster cluster, String what) {
        Duration caughtUp = Replicas.awaitFullyReplicated(cluster, Duration.ofMinutes(5));
        Replicas.electPreferredLeaders(cluster);
        scenario.event(what + "; every partition in sync " + caughtUp.toSeconds() + " s later");
    }
}
