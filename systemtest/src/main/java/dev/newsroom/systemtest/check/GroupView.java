package dev.newsroom.systemtest.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The group coordinator's view of a service's consumer groups (its Streams group and, for publish, the webhook
 * workers' groups): who is a member and what it owns. Stalls and moves of partitions show here first.
 */
public final class GroupView {

    private GroupView() {
    }

    /** Members of the service's Streams group alone, by member id. */
    public static Map<String, Set<TopicPartition>> streamsMembers(Admin admin, String applicationId) {
        Map<String, Set<TopicPartition>> members = members(admin, applicationId);
        members.keySet().removeIf(member -> !member.startsWith(applicationId + "/"));
        return members;
    }

    /** Whether between them {@code members} own all {@code partitions} partitions of {@code topic}. */
    public static boolean ownAll(Map<String, Set<TopicPartition>> members, String topic, int partitions) {
        return members.values().stream().flatMap(Set::stream).filter(p -> p.topic().equals(topic)).distinct()
                .count() == partitions;
    }

    /** Members of every group whose id is {@code applicationId} or starts with {@code applicationId-}, by member id. */
    public static Map<String, Set<TopicPartition>> members(Admin admin, String applicationId) {
        try {
            List<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId)
                    .filter(id -> id.equals(applicationId) || id.startsWith(applicationId + "-"))
                    .toList();
            Map<String, Set<TopicPartition>> members = new HashMap<>();
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(10, TimeUnit.SECONDS);
            for (ConsumerGroupDescription group : described.values()) {
                for (MemberDescription member : group.members()) {
                    members.put(group.groupId() + "/" + member.consumerId(),
                            new HashSet<>(member.assignment().topicPartitions()));
                }
            }
            return members;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe the groups of " + applicationId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
