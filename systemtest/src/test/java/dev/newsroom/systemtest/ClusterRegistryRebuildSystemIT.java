package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.registry.ApicurioRegistry;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.cluster.Cluster;
import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.cluster.ServiceProcess;
import dev.newsroom.systemtest.scenario.ClusterSettings;
import dev.newsroom.systemtest.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cluster scenario 4: the registry keeps its schemas in Kafka (Apicurio's kafkasql storage, its journal topic at
 * replication 3), so it has no state of its own. Mid-stream its process is killed with {@code kill -9}, its data
 * directory wiped, and it is started again: it must rebuild every subject under the same ids from Kafka alone. The
 * enrich service is restarted after it, so that it looks its schemas up again from the rebuilt registry. Nothing may
 * be dead-lettered for the registry's absence, and the books must balance.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterRegistryRebuildSystemIT {

    @Test
    void aRegistryRestartedEmptyRebuildsEverySchemaFromKafka() throws IOException {
        Cluster cluster = Scenario.replicatedCluster();
        try (Scenario scenario = Scenario.open(cluster, "cluster-registry-rebuild", "registry killed with -9"
                        + " mid-stream and restarted on an empty data directory (schemas in Kafka); enrich restarted"
                        + " after it", 1, 0.05, 0, ClusterSettings.documents());
             StageStalls stalls = new StageStalls(scenario)) {
            scenario.startLoad();
            scenario.awaitLoad(0.3);
            // Once publish has written, every stage has registered its subjects, all of which the rebuild must restore.
            String published = scenario.pipeline().topics().name(TopicId.PUBLISHED) + "-value";
            Scenario.awaitCondition("every stage's subjects registered",
                    () -> subjectIds(cluster).containsKey(published), Duration.ofMinutes(3));
            ApicurioRegistry registry = cluster.registry();
            Map<String, Integer> before = subjectIds(cluster);
            long pid = RegistryKill.kill(registry);
            scenario.event("registry (pid " + pid + ") killed with -9, holding " + before.size() + " subjects");
            Path dataDir = registry.logFile().getParent();
            Path keptLog = dataDir.resolveSibling("registry-before-rebuild.log");
            Files.move(registry.logFile(), keptLog, StandardCopyOption.REPLACE_EXISTING);
            deleteTree(dataDir);
            scenario.event("registry data directory deleted; starting it again");
            registry.start();
            scenario.event("registry ready again");
            // Services register further subjects as they first write to a topic, so the registry may hold more.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(subjectIds(cluster))
                    .as("every subject back under the same id, rebuilt from Kafka").containsAllEntriesOf(before));
            scenario.event("registry holds all " + before.size() + " subjects again, under the same ids");
            ServiceProcess enrich = scenario.pipeline().instances("enrich").get(0);
            enrich.stop(Duration.ofSeconds(15));
            enrich.start();
            PipelineUnderTest.awaitRunning(List.of(enrich));
            scenario.event(enrich + " restarted against the rebuilt registry and RUNNING");
            Scenario.Outcome outcome = scenario.finish();
            stalls.report("cluster-registry-rebuild");
            assertBalanced(outcome);
            var counts = outcome.verdict().counts();
            assertThat(counts.documentLetters()).as("documents dead-lettered: only the bad ones")
                    .isEqualTo(counts.expectedDocumentLetters());
            assertThat(counts.itemLetters()).as("feed items dead-lettered").isEqualTo(counts.expectedItemLetters());
        }
    }

    /** Every subject's latest schema id, read from a client with nothing cached. */
    private static Map<String, Integer> subjectIds(Cluster cluster) {
        SchemaRegistryClient client = new SchemaRegistryClient(cluster.schemaRegistryUrl());
        Map<String, Integer> ids = new TreeMap<>();
        client.subjects().forEach(subject -> ids.put(subject, client.latest(subject).id()));
        return ids;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
