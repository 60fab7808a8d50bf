package dev.newsroom.systemtest.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches output topics while a scenario runs and notes when each committed record became visible, so that a
 * scenario can tell a stall or a delay from a slow but steady stage: the ledger only knows what arrived in the end,
 * not when. Reads read_committed (what downstream readers see) without a consumer group.
 */
public final class ProgressWatch implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, List<Long>> arrivals = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ProgressWatch(String bootstrapServers, Collection<String> topics) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "systemtest-progress");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            arrivals.put(topic, new ArrayList<>());
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "systemtest-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                synchronized (arrivals) {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        arrivals.get(record.topic()).add(now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** When each record of {@code topic} became visible, as {@link System#nanoTime()}, in order of arrival. */
    public List<Long> arrivals(String topic) {
        synchronized (arrivals) {
            return new ArrayList<>(arrivals.get(topic));
        }
    }

    /**
     * The longest time between two records of {@code topic} where the earlier one arrived in [from, to]: a stall
     * that began in the window counts in full, even if it ended after it.
     */
    public Duration longestGap(String topic, long fromNanos, long toNanos) {
        List<Long> times = arrivals(topic);
        long longest = 0;
        for (int i = 0; i + 1 < times.size(); i++) {
            if (times.get(i) >= fromNanos && times.get(i) <= toNanos) {
                longest = Math.max(longest, times.get(i + 1) - times.get(i));
            }
        }
        return Duration.ofNanos(longest);
    }

    /**
     * How far {@code follower} trailed {@code leader} at worst, for records of the leader that arrived in [from, to]:
     * the n-th record of the follower against the n-th of the leader, for topics that get one record per record of
     * the other. A follower that has not caught up at all counts from the leader's record to now.
     */
    public Duration worstLag(String leader, String follower, long fromNanos, long toNanos) {
        List<Long> lead = arrivals(leader);
        List<Long> follow = arrivals(follower);
        long now = System.nanoTime();
        long worst = 0;
        for (int i = 0; i < lead.size(); i++) {
            if (lead.get(i) < fromNanos || lead.get(i) > toNanos) {
                continue;
            }
            long caughtUp = i < follow.size() ? follow.get(i) : now;
            worst = Math.max(worst, caughtUp - lead.get(i));
        }
        return Duration.ofNanos(worst);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
