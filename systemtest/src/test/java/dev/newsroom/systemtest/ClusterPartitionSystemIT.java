package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.cluster.BrokerProcess;
import dev.newsroom.systemtest.cluster.Cluster;
import dev.newsroom.systemtest.cluster.Isolation;
import dev.newsroom.systemtest.cluster.Replicas;
import dev.newsroom.systemtest.scenario.ClusterSettings;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cluster scenario 3: one broker cut off from clients and peers by our own TCP proxies on loopback (its listeners
 * as everyone sees them, and the quorum as it sees it), first dropped, then slowed, then restored. While dropped, the
 * quorum must fence it and move its leaderships to the replicas in sync, and the broker itself, reached on a listener
 * of its own side of the cut, must not take a write it cannot replicate: a write there fails, and it is gone once the
 * partition heals. The pipeline carries on against the other two, and the books must balance.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterPartitionSystemIT {

    private static final Duration SLOW_LATENCY = Duration.ofMillis(250);
    private static final String ISOLATED_WRITE = "written to the isolated broker alone";

    @Test
    void anIsolatedBrokerLosesItsLeadershipAndTakesNoWriteItCannotReplicate() throws Exception {
        Cluster cluster = Scenario.replicatedCluster();
        Isolation isolation = cluster.isolation().orElseThrow();
        int node = isolation.nodeId();
        Duration phase = ClusterSettings.partitionPhase();
        try (Scenario scenario = Scenario.open(cluster, "cluster-partition", "node " + node + " cut off by a proxy"
                        + " for " + phase.toSeconds() + " s, slowed by " + SLOW_LATENCY.toMillis() + " ms for "
                        + phase.toSeconds() + " s, then restored", 1, 0.03, 0, ClusterSettings.documents());
             StageStalls stalls = new StageStalls(scenario)) {
            var topics = scenario.pipeline().topics();
            String probe = scenario.pipeline().prefix() + ".partition-probe";
            createProbe(cluster, probe, node);
            List<String> watched = List.of(topics.name(TopicId.RAW), topics.name(TopicId.ARTICLES),
                    topics.name(TopicId.ENRICHED), probe);
            String others = cluster.brokers().stream().filter(broker -> broker != cluster.node(node))
                    .map(BrokerProcess::bootstrapServers).collect(Collectors.joining(","));
            scenario.startLoad();
            scenario.awaitLoad(0.3);
            scenario.event("partitions led per node " + Replicas.leaders(cluster, watched) + "; dropping every link"
                    + " of node " + node);
            long cut = System.nanoTime();
            isolation.drop();
            try {
                Scenario.awaitCondition("leadership to leave node " + node,
                        () -> !Replicas.leaders(others, watched).containsKey(node),
                        phase.plus(Duration.ofMinutes(1)));
                Duration moved = Duration.ofNanos(System.nanoTime() - cut);
                scenario.event("leadership left node " + node + " " + moved.toMillis() / 1000.0
                        + " s after the cut: " + Replicas.leaders(others, watched));
                scenario.event("the probe's leader as node " + node + " itself sees it: "
                        + ownView(isolation, probe) + "; writing to it there with acks=all");
                Throwable refused = catchThrowable(() -> writeAlone(isolation, probe));
                assertThat(refused).as("an acks=all write to the isolated broker")
                        .isInstanceOf(ExecutionException.class);
                scenario.event("the isolated broker did not take an acks=all write: " + refused.getCause());
                sleepUntil(cut + phase.toNanos());
                isolation.slow(SLOW_LATENCY);
                long slowed = System.nanoTime();
                scenario.event("links of node " + node + " slowed by " + SLOW_LATENCY.toMillis() + " ms each way");
                sleepUntil(slowed + phase.toNanos());
            } finally {
                isolation.restore();
            }
            scenario.event("links of node " + node + " restored");
            Duration caughtUp = Replicas.awaitFullyReplicated(cluster, Duration.ofMinutes(3));
            Replicas.electPreferredLeaders(cluster);
            scenario.event("every partition fully replicated again " + caughtUp.toSeconds() + " s later;"
                    + " preferred leaders elected: " + Replicas.leaders(cluster, watched));
            assertThat(read(cluster, probe)).as("the probe topic after the partition healed")
                    .containsExactly("written before the cut");
            Scenario.Outcome outcome = scenario.finish();
            stalls.report("cluster-partition");
            assertBalanced(outcome);
        }
    }

    /** One partition led by {@code node} by preference, and one record in it written before the cut. */
    private static void createProbe(Cluster cluster, String probe, int node) throws Exception {
        List<Integer> replicas = new ArrayList<>(List.of(node));
        IntStream.rangeClosed(1, Cluster.REPLICAS).filter(id -> id != node).forEach(replicas::add);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(probe, Map.of(0, replicas)))).all().get(60, TimeUnit.SECONDS);
        }
        Scenario.awaitCondition("node " + node + " to lead " + probe,
                () -> Replicas.leaders(cluster, List.of(probe)).containsKey(node), Duration.ofSeconds(60));
        try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers(), Duration.ofSeconds(60))) {
            producer.send(new ProducerRecord<>(probe, 0, "probe", "written before the cut")).get(60, TimeUnit.SECONDS);
        }
    }

    private static String ownView(Isolation isolation, String probe) {
        try {
            return "led per node " + Replicas.leaders(isolation.directBootstrapServers(), List.of(probe));
        } catch (IllegalStateException e) {
            return "no answer (" + e.getMessage() + ")";
        }
    }

    /** A write with acks=all on the isolated broker's own side of the cut; throws if it is refused. */
    private static void writeAlone(Isolation isolation, String probe) throws Exception {
        try (KafkaProducer<String, String> producer = producer(isolation.directBootstrapServers(),
                Duration.ofSeconds(15))) {
            producer.send(new ProducerRecord<>(probe, 0, "probe", ISOLATED_WRITE)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers, Duration deliveryTimeout) {
        int timeout = (int) deliveryTimeout.toMillis();
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                // an idempotent producer would first need a producer id, which the cut-off broker cannot get
                // from the quorum: the write itself is what is under test
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 5_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> read(Cluster cluster, String probe) {
        TopicPartition partition = new TopicPartition(probe, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), Duration.ofSeconds(30)).get(partition);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition, Duration.ofSeconds(30)) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
