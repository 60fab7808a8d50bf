package dev.newsroom.schemas.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics and waits until every partition can really take writes.
 *
 * <p>Producing right after a topic is created can lose the first batch silently even with {@code acks=all}
 * and idempotence (KAFKA-15591: NOT_LEADER_OR_FOLLOWER, then OUT_OF_ORDER_SEQUENCE_NUMBER until the batch
 * expires). So creation is only done once describe shows a leader for every partition and ListOffsets answers
 * for each of them.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    /**
     * A topic to ensure: name, partitions, replication factor and topic-level settings. A replication factor of
     * {@link #CLUSTER_DEFAULT_REPLICATION} leaves it to the cluster's {@code default.replication.factor}, so that one
     * setting of the cluster, not of every client, decides it: 1 on a single broker, 3 on a cluster of three.
     */
    public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> config) {

        /** The replication factor that means "the cluster's {@code default.replication.factor}", as Kafka spells it. */
        public static final short CLUSTER_DEFAULT_REPLICATION = -1;

        public TopicSpec {
            if (replicationFactor != CLUSTER_DEFAULT_REPLICATION && replicationFactor < 1) {
                throw new IllegalArgumentException("Replication factor of " + name + " must be "
                        + CLUSTER_DEFAULT_REPLICATION + " (the cluster's default.replication.factor) or at least 1, not "
                        + replicationFactor);
            }
        }

        public NewTopic toNewTopic() {
            Optional<Short> replicas = replicationFactor == CLUSTER_DEFAULT_REPLICATION ? Optional.empty() : Optional.of(replicationFactor);
            return new NewTopic(name, Optional.of(partitions), replicas).configs(config);
        }
    }

    private final Admin admin;
    private final Duration timeout;

    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Creates the topics that are missing (existing ones are left as they are) and waits until all are ready. */
    public void ensure(Collection<TopicSpec> topics) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> names = topics.stream().map(TopicSpec::name).collect(Collectors.toSet());
        try {
            Set<String> existing = admin.listTopics().names().get(remaining(deadline), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(TopicSpec::toNewTopic)
                    .toList();
            if (!missing.isEmpty()) {
                create(missing, deadline);
            }
            awaitWritable(names, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topics " + names + " within " + timeout.toSeconds()
                    + " s: " + rootMessage(e), e);
        }
    }

    private void create(List<NewTopic> missing, long deadline)
            throws InterruptedException, ExecutionException, TimeoutException {
        var results = admin.createTopics(missing).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get(remaining(deadline), TimeUnit.MILLISECONDS);
                LOG.info("Created topic {}", entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private void awaitWritable(Set<String> names, long deadline) throws InterruptedException, TimeoutException {
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                        .get(remaining(deadline), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                boolean leadersKnown = true;
                for (TopicDescription description : descriptions.values()) {
                    for (TopicPartitionInfo partition : description.partitions()) {
                        leadersKnown &= partition.leader() != null && !partition.leader().isEmpty();
                        partitions.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest());
                    }
                }
                if (leadersKnown) {
                    admin.listOffsets(partitions).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
                    return;
                }
            } catch (ExecutionException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new TimeoutException("partitions of " + new ArrayList<>(names) + " not writable yet"
                + (last == null ? "" : ": " + rootMessage(last)));
    }

    private static long remaining(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
