package dev.newsroom.devtools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what comes out at the end, as a downstream consumer would ({@code read_committed}), and counts it per topic.
 * A record counts once its timestamp (the raw record's, carried through every hop) is at or after the phase's
 * start, so warm-up records still in flight are not counted; its latency is the time from that timestamp to when
 * it was read.
 */
final class ArrivalReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String latencyTopic;
    private final Thread thread;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> partitionCounts = new ConcurrentHashMap<>();
    private volatile long sinceMillis = Long.MAX_VALUE;
    private volatile Latencies latencies = new Latencies();
    private volatile long lastArrivalNanos;
    private volatile RuntimeException failure;

    private ArrivalReader(KafkaConsumer<byte[], byte[]> consumer, List<String> topics, String latencyTopic) {
        this.consumer = consumer;
        this.latencyTopic = latencyTopic;
        topics.forEach(topic -> counts.put(topic, new AtomicLong()));
        this.thread = new Thread(this::run, "bench-reader");
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading {@code topics} (which must exist) from their current ends.
     *
     * @param latencyTopic the topic whose records' latencies are kept
     */
    static ArrivalReader start(Map<String, Object> clientConfig, List<String> topics, String latencyTopic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-reader-" + latencyTopic);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> consumer.position(partition, Duration.ofSeconds(30)));
        ArrivalReader reader = new ArrivalReader(consumer, topics, latencyTopic);
        reader.thread.start();
        return reader;
    }

    private void run() {
        try {
            while (true) {
                var records = consumer.poll(Duration.ofMillis(200));
                long now = System.currentTimeMillis();
                long since = sinceMillis;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.timestamp() < since) {
                        continue;
                    }
                    counts.get(record.topic()).incrementAndGet();
                    partitionCounts.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                            partition -> new AtomicLong()).incrementAndGet();
                    if (record.topic().equals(latencyTopic)) {
                        latencies.add(Math.max(0, now - record.timestamp()));
                    }
                    lastArrivalNanos = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // close() stops the loop this way
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** Counts from now on only records stamped at or after {@code sinceMillis}. */
    void begin(long sinceMillis) {
        latencies = new Latencies();
        counts.values().forEach(count -> count.set(0));
        partitionCounts.clear();
        this.sinceMillis = sinceMillis;
    }

    long count(String topic) {
        return counts.get(topic).get();
    }

    /** Whether this reader reads {@code topic}, so that {@link #count(TopicPartition)} counts its records. */
    boolean reads(String topic) {
        return counts.containsKey(topic);
    }

    /** Records of one partition read since {@link #begin}: unlike its offsets, without transaction markers. */
    long count(TopicPartition partition) {
        AtomicLong count = partitionCounts.get(partition);
        return count == null ? 0 : count.get();
    }

    Latencies latencies() {
        return latencies;
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /**
     * Waits until {@code done}; false if nothing new arrived for {@code stall} or {@code timeout} passed first.
     */
    boolean await(BooleanSupplier done, Duration stall, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        long progressAt = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (failure != null) {
                throw new IllegalStateException("Reading the output failed: " + failure.getMessage(), failure);
            }
            long total = counts.values().stream().mapToLong(AtomicLong::get).sum();
            if (total != seen) {
                seen = total;
                progressAt = System.nanoTime();
            }
            if (System.nanoTime() - progressAt > stall.toNanos() || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
