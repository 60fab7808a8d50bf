package dev.newsroom.ops.operate.replay;

import dev.newsroom.ops.operate.BoundedRead;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What a reprocess copies: for every key with a record in the window, the latest record of that key up to the
 * end of the partition when the reprocess was planned. Feeding a stage an article's superseded input would make
 * it publish stale content again, and an article changed since the window should be processed as it is now.
 * Records without a key stand for themselves: copied when they are in the window.
 */
final class LatestPerKey {

    private LatestPerKey() {
    }

    /**
     * @param times      the window's times: a record stamped outside them is not in the window
     * @param starts     window start per partition, where the scan starts
     * @param windowEnds window end per partition: keys are chosen from {@code [start, windowEnd)}
     * @param scanEnds   end of each partition when planned: the latest record of a key is looked for up to here
     * @return the offsets to copy, per partition
     */
    static Map<Integer, NavigableSet<Long>> select(KafkaConsumer<byte[], byte[]> consumer, String topic,
                                                   TimeWindow times, Map<Integer, Long> starts,
                                                   Map<Integer, Long> windowEnds, Map<Integer, Long> scanEnds) {
        Map<Integer, Map<ByteBuffer, Long>> latest = new TreeMap<>();
        Map<Integer, Set<ByteBuffer>> inWindow = new HashMap<>();
        Map<Integer, NavigableSet<Long>> selected = new TreeMap<>();
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> to = new HashMap<>();
        starts.forEach((partition, start) -> {
            from.put(new TopicPartition(topic, partition), start);
            to.put(new TopicPartition(topic, partition), scanEnds.get(partition));
            selected.put(partition, new TreeSet<>());
        });
        BoundedRead.read(consumer, from, to, record -> {
            boolean windowed = record.offset() < windowEnds.get(record.partition())
                    && times.contains(record.timestamp());
            if (record.key() == null) {
                if (windowed) {
                    selected.get(record.partition()).add(record.offset());
                }
                return;
            }
            ByteBuffer key = ByteBuffer.wrap(record.key());
            latest.computeIfAbsent(record.partition(), p -> new HashMap<>()).put(key, record.offset());
            if (windowed) {
                inWindow.computeIfAbsent(record.partition(), p -> new HashSet<>()).add(key);
            }
        });
        inWindow.forEach((partition, keys) -> keys.forEach(key -> selected.get(partition)
                .add(latest.get(partition).get(key))));
        return selected;
    }
}
