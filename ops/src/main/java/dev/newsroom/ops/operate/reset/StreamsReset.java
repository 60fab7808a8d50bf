package dev.newsroom.ops.operate.reset;

import dev.newsroom.ops.operate.ConsumerGroups;
import dev.newsroom.ops.operate.KafkaClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What {@code kafka-streams-application-reset} does, with the Admin API: the application's committed offsets on
 * its input topics go to the start (or to a time), its internal topics (repartition, changelog, foreign-key
 * subscription topics, all named {@code <application.id>-...-<suffix>}) are deleted together with the group's
 * offsets on them, and nothing happens while the application has members.
 */
public final class StreamsReset {

    /** Suffixes Kafka Streams gives its internal topics, as the reset tool recognises them. */
    private static final List<String> INTERNAL_SUFFIXES = List.of("-changelog", "-repartition",
            "-subscription-registration-topic", "-subscription-response-topic");

    /** What a reset will do, computed before anything changes. */
    public record Plan(String applicationId, ConsumerGroups.Group group, Map<TopicPartition, Long> committed,
                       Map<TopicPartition, Long> targets, List<String> internalTopics,
                       List<TopicPartition> internalOffsets, List<String> missingInputs) {
    }

    /** The application still has members: resetting under a running instance would be undone by its next commit. */
    public static final class ApplicationRunningException extends IllegalStateException {
        public ApplicationRunningException(String message) {
            super(message);
        }
    }

    private final KafkaClients clients;

    public StreamsReset(KafkaClients clients) {
        this.clients = clients;
    }

    /**
     * @param to where input offsets go: the first record at or after this time (the end where there is none),
     *           or, when null, each partition's start
     */
    public Plan plan(String applicationId, List<String> inputTopics, Instant to) {
        try (Admin admin = clients.admin()) {
            ConsumerGroups.Group group = ConsumerGroups.describe(admin, applicationId);
            Map<TopicPartition, OffsetAndMetadata> committed = ConsumerGroups.committed(admin, applicationId);
            Set<String> existing = admin.listTopics().names().get();
            List<String> inputs = inputTopics.stream().filter(existing::contains).toList();
            List<String> missing = inputTopics.stream().filter(t -> !existing.contains(t)).toList();
            Map<String, TopicDescription> descriptions = admin.describeTopics(inputs).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> specs = new LinkedHashMap<>();
            for (String topic : inputs) {
                descriptions.get(topic).partitions().forEach(p -> specs.put(new TopicPartition(topic, p.partition()),
                        to == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(to.toEpochMilli())));
            }
            Map<TopicPartition, ListOffsetsResultInfo> found = specs.isEmpty() ? Map.of()
                    : admin.listOffsets(specs).all().get();
            Map<TopicPartition, ListOffsetsResultInfo> ends = new LinkedHashMap<>();
            List<TopicPartition> pastTheEnd = found.entrySet().stream().filter(e -> e.getValue().offset() < 0)
                    .map(Map.Entry::getKey).toList();
            if (!pastTheEnd.isEmpty()) {
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                pastTheEnd.forEach(p -> latest.put(p, OffsetSpec.latest()));
                ends.putAll(admin.listOffsets(latest).all().get());
            }
            Map<TopicPartition, Long> targets = new LinkedHashMap<>();
            specs.keySet().forEach(p -> targets.put(p, found.get(p).offset() >= 0 ? found.get(p).offset()
                    : ends.get(p).offset()));
            List<String> internal = existing.stream().filter(topic -> isInternal(applicationId, topic)).sorted()
                    .toList();
            Set<String> internalSet = new HashSet<>(internal);
            Map<TopicPartition, Long> current = new LinkedHashMap<>();
            List<TopicPartition> internalOffsets = new ArrayList<>();
            committed.forEach((partition, offset) -> {
                current.put(partition, offset.offset());
                if (internalSet.contains(partition.topic()) || isInternal(applicationId, partition.topic())) {
                    internalOffsets.add(partition);
                }
            });
            return new Plan(applicationId, group, current, targets, internal, internalOffsets, missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while planning the reset of " + applicationId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot plan the reset of " + applicationId + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Carries out the plan, checking once more that nobody joined the group since it was made. */
    public void execute(Plan plan) {
        try (Admin admin = clients.admin()) {
            refuseIfRunning(ConsumerGroups.describe(admin, plan.applicationId()));
            Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
            plan.targets().forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
            if (!offsets.isEmpty()) {
                admin.alterConsumerGroupOffsets(plan.applicationId(), offsets).all().get();
            }
            if (!plan.internalOffsets().isEmpty()) {
                admin.deleteConsumerGroupOffsets(plan.applicationId(), Set.copyOf(plan.internalOffsets())).all().get();
            }
            if (!plan.internalTopics().isEmpty()) {
                admin.deleteTopics(plan.internalTopics()).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resetting " + plan.applicationId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Resetting " + plan.applicationId() + " failed: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    public static void refuseIfRunning(ConsumerGroups.Group group) {
        if (group.active()) {
            throw new ApplicationRunningException("Refusing to reset " + group.id() + ": the service is running ("
                    + group.members().size() + " active member" + (group.members().size() == 1 ? "" : "s") + ": "
                    + String.join(", ", group.members()) + "). Stop every instance, then run the reset again.");
        }
    }

    static boolean isInternal(String applicationId, String topic) {
        return topic.startsWith(applicationId + "-") && INTERNAL_SUFFIXES.stream().anyMatch(topic::endsWith);
    }
}
