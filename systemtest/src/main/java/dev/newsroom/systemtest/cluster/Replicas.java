package dev.newsroom.systemtest.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.TopicPartitionInfo;

/** Where a replicated cluster's partitions are led and whether every replica has caught up, as the brokers say. */
public final class Replicas {

    private Replicas() {
    }

    /** Partitions of {@code topics} each node leads, by node id; a partition without a leader is not counted. */
    public static Map<Integer, Integer> leaders(Cluster cluster, Collection<String> topics) {
        return leaders(cluster.bootstrapServers(), topics);
    }

    /** As {@link #leaders(Cluster, Collection)}, as the brokers at {@code bootstrapServers} see it. */
    public static Map<Integer, Integer> leaders(String bootstrapServers, Collection<String> topics) {
        try (Admin admin = admin(bootstrapServers)) {
            Map<Integer, Integer> led = new TreeMap<>();
            for (TopicDescription topic : describe(admin, topics).values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    if (partition.leader() != null && !partition.leader().isEmpty()) {
                        led.merge(partition.leader().id(), 1, Integer::sum);
                    }
                }
            }
            return led;
        }
    }

    /** Partitions of every topic, internal ones included, with fewer replicas in sync than assigned. */
    public static int underReplicated(Cluster cluster) {
        try (Admin admin = admin(cluster)) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS);
            int under = 0;
            for (TopicDescription topic : describe(admin, names).values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    if (partition.isr().size() < partition.replicas().size()) {
                        under++;
                    }
                }
            }
            return under;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting under-replicated partitions", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot count under-replicated partitions: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until no partition is under-replicated: every replica, a restarted broker's included, back in sync.
     *
     * @return how long that took
     */
    public static Duration awaitFullyReplicated(Cluster cluster, Duration timeout) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        while (true) {
            // A broker just restarted may not answer yet: keep asking, and give the last failure if time runs out.
            IllegalStateException failure = null;
            int under = -1;
            try {
                under = underReplicated(cluster);
            } catch (IllegalStateException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                failure = e;
            }
            if (under == 0) {
                return Duration.ofNanos(System.nanoTime() - began);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException((failure == null ? under + " partitions still under-replicated"
                        : "Replication state still unknown") + " after " + timeout.toSeconds() + " s", failure);
            }
            pause();
        }
    }

    /**
     * Moves leadership back to each partition's preferred replica, as an operator does after a rolling restart
     * (Kafka would do it by itself within {@code leader.imbalance.check.interval.seconds}, 5 minutes).
     */
    public static void electPreferredLeaders(Cluster cluster) {
        try (Admin admin = admin(cluster)) {
            admin.electLeaders(ElectionType.PREFERRED, null).partitions().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot elect preferred leaders: " + e.getMessage(), e);
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin, Collection<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot describe " + topics + ": " + e.getMessage(), e);
        }
    }

    private static Admin admin(Cluster cluster) {
        return admin(cluster.bootstrapServers());
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for replicas", e);
        }
    }
}
