package dev.newsroom.publish.webhook;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each partition may be committed while deliveries finish out of order: up to the lowest offset whose
 * delivery has not finished, or past the last record read when all have. A crash then re-reads every record that
 * was not finished, and at worst repeats some that were (with the same webhook-id), but never loses one.
 */
final class CommitPoints {

    private static final class Partition {
        final TreeSet<Long> unfinished = new TreeSet<>();
        long next = -1;
        long committed = -1;

        long commitPoint() {
            return unfinished.isEmpty() ? next : unfinished.first();
        }
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    /** A record whose delivery has started and must finish before the partition commits past it. */
    void started(TopicPartition partition, long offset) {
        Partition progress = partitions.computeIfAbsent(partition, p -> new Partition());
        progress.unfinished.add(offset);
        progress.next = Math.max(progress.next, offset + 1);
    }

    /** A record with nothing to deliver. */
    void passed(TopicPartition partition, long offset) {
        Partition progress = partitions.computeIfAbsent(partition, p -> new Partition());
        progress.next = Math.max(progress.next, offset + 1);
    }

    void finished(TopicPartition partition, long offset) {
        Partition progress = partitions.get(partition);
        if (progress != null) {
            progress.unfinished.remove(offset);
        }
    }

    /** Offsets that moved since the last call, to commit now. */
    Map<TopicPartition, OffsetAndMetadata> due() {
        Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
        partitions.forEach((partition, progress) -> {
            long point = progress.commitPoint();
            if (point > progress.committed) {
                due.put(partition, new OffsetAndMetadata(point));
                progress.committed = point;
            }
        });
        return due;
    }

    /** A commit that did not go through: those partitions are due again. */
    void failed(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Partition progress = this.partitions.get(partition);
            if (progress != null) {
                progress.committed = -1;
            }
        }
    }

    /** Where the given partitions stand, whether or not they moved. */
    Map<TopicPartition, OffsetAndMetadata> current(Collection<TopicPartition> wanted) {
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        for (TopicPartition partition : wanted) {
            Partition progress = partitions.get(partition);
            if (progress != null && progress.commitPoint() >= 0) {
                current.put(partition, new OffsetAndMetadata(progress.commitPoint()));
            }
        }
        return current;
    }

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
