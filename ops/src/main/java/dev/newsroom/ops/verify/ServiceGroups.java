package dev.newsroom.ops.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * How far each service's consumer group has committed, which tells an input that is still waiting its turn
 * (pending) from one the service has passed without leaving a trace (unaccounted). Webhook workers commit in their
 * own groups, {@code <publish application id>-webhook-<outlet>}.
 *
 * @param internalLag records still on a service's own internal topics (ingest's repartition): while there are
 *                    any, outputs of inputs it has passed may still be on their way
 */
public record ServiceGroups(String ingest, String enrich, String publish,
                            Map<String, Map<TopicPartition, Long>> committed, Map<String, Long> internalLag) {

    public String webhook(String outlet) {
        return publish + "-webhook-" + outlet;
    }

    /** The committed offset of {@code group} on a partition; -1 when it has committed nothing there. */
    public long committed(String group, String topic, int partition) {
        return committed.getOrDefault(group, Map.of()).getOrDefault(new TopicPartition(topic, partition), -1L);
    }

    public long internalLag(String group) {
        return internalLag.getOrDefault(group, 0L);
    }

    /**
     * Reads the committed offsets of the three services' groups and of every webhook worker's group now. Read them
     * before the ledger: whatever a group has committed past, its outputs were written before, so the ledger sees
     * them.
     */
    public static ServiceGroups read(Admin admin, String ingest, String enrich, String publish) {
        List<String> groups = new ArrayList<>(List.of(ingest, enrich, publish));
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        Map<String, Long> internalLag = new HashMap<>();
        try {
            for (GroupListing listing : admin.listGroups().all().get()) {
                if (listing.groupId().startsWith(publish + "-webhook-")) {
                    groups.add(listing.groupId());
                }
            }
            for (String group : groups) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                try {
                    Map<TopicPartition, OffsetAndMetadata> found = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    found.forEach((partition, offset) -> {
                        if (offset != null) {
                            offsets.put(partition, offset.offset());
                        }
                    });
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                        throw e;
                    }
                }
                committed.put(group, offsets);
                Map<TopicPartition, OffsetSpec> internal = new HashMap<>();
                offsets.keySet().stream().filter(p -> p.topic().startsWith(group + "-"))
                        .forEach(p -> internal.put(p, OffsetSpec.latest()));
                long lag = 0;
                if (!internal.isEmpty()) {
                    var ends = admin.listOffsets(internal).all().get();
                    for (var entry : ends.entrySet()) {
                        // Behind a transactional writer a caught-up group still trails its end by the commit marker.
                        lag += Math.max(0, entry.getValue().offset() - offsets.get(entry.getKey()) - 1);
                    }
                }
                internalLag.put(group, lag);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the services' consumer groups: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading consumer groups", e);
        }
        return new ServiceGroups(ingest, enrich, publish, committed, internalLag);
    }
}
