package dev.newsroom.ops.operate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Reading consumer groups with the Admin API, with errors that name the group. */
public final class ConsumerGroups {

    /** A group as operators need it: its state and who is in it. */
    public record Group(String id, String state, List<String> members) {
        public boolean active() {
            return !members.isEmpty();
        }
    }

    private ConsumerGroups() {
    }

    public static Group describe(Admin admin, String groupId) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(groupId)).all().get()
                    .get(groupId);
            List<String> members = description.members().stream().map(ConsumerGroups::member).toList();
            return new Group(groupId, description.groupState().toString(), members);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new Group(groupId, "no group", List.of());
            }
            throw new IllegalStateException("Cannot describe consumer group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing consumer group " + groupId, e);
        }
    }

    public static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = new TreeMap<>(Comparator.comparing(TopicPartition::topic)
                    .thenComparingInt(TopicPartition::partition));
            admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            offsets.put(partition, offset);
                        }
                    });
            return offsets;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw new IllegalStateException("Cannot read the offsets of consumer group " + groupId + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading consumer group " + groupId, e);
        }
    }

    private static String member(MemberDescription member) {
        return member.clientId() + "@" + member.host();
    }
}
