package dev.newsroom.ops.operate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads fixed offset ranges, {@code [start, end)} per partition, with a consumer that belongs to no group. A
 * partition is done when the consumer's position reaches its end; positions, not record offsets, decide that,
 * because transaction markers and aborted records take offsets that a read_committed consumer never returns.
 */
public final class BoundedRead {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL = Duration.ofSeconds(60);

    /** What a batch handler sees after each poll: the records inside the ranges and where each partition is now. */
    public interface BatchHandler {
        /** @return false to stop reading */
        boolean onBatch(List<ConsumerRecord<byte[], byte[]>> records, Map<TopicPartition, Long> positions);
    }

    private BoundedRead() {
    }

    /** Every record of the ranges, in offset order per partition. */
    public static void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> starts,
                            Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<byte[], byte[]>> action) {
        read(consumer, starts, ends, (records, positions) -> {
            records.forEach(action);
            return true;
        });
    }

    /** Calls the handler after every poll, also when it returned nothing, until every range is read or it says stop. */
    public static void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> starts,
                            Map<TopicPartition, Long> ends, BatchHandler handler) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        List<TopicPartition> open = new ArrayList<>();
        starts.forEach((partition, start) -> {
            long end = ends.get(partition);
            positions.put(partition, Math.min(start, end));
            if (start < end) {
                open.add(partition);
            }
        });
        consumer.assign(open);
        open.forEach(partition -> consumer.seek(partition, starts.get(partition)));
        long lastProgress = System.nanoTime();
        while (true) {
            List<ConsumerRecord<byte[], byte[]>> inside = new ArrayList<>();
            if (!open.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition)) {
                        inside.add(record);
                    }
                }
                boolean moved = false;
                for (TopicPartition partition : List.copyOf(open)) {
                    long position = Math.min(consumer.position(partition), ends.get(partition));
                    moved |= position != positions.get(partition);
                    positions.put(partition, position);
                    if (position >= ends.get(partition)) {
                        open.remove(partition);
                    }
                }
                if (!open.isEmpty() && open.size() < consumer.assignment().size()) {
                    consumer.pause(consumer.assignment().stream().filter(p -> !open.contains(p)).toList());
                }
                if (moved) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("Reading " + open + " made no progress for " + STALL.toSeconds()
                            + " s (positions " + positions + ", ends " + ends + ")");
                }
            }
            if (!handler.onBatch(inside, Map.copyOf(positions)) || open.isEmpty()) {
                return;
            }
        }
    }

    /** Every partition of a topic, from its first offset to its end now: the whole topic as it stands. */
    public static void readAll(KafkaConsumer<byte[], byte[]> consumer, String topic,
                               Consumer<ConsumerRecord<byte[], byte[]>> action) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            return;
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        read(consumer, consumer.beginningOffsets(partitions), consumer.endOffsets(partitions), action);
    }
}
