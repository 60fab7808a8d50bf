package dev.newsroom.ops.operate.status;

import dev.newsroom.ops.operate.ConsumerGroups;
import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.moderation.ModerationEvents;
import dev.newsroom.ops.operate.dlq.DeadLetterStore;
import dev.newsroom.ops.operate.status.PipelineStatus.DeadLetterStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.PartitionLag;
import dev.newsroom.ops.operate.status.PipelineStatus.ReasonCount;
import dev.newsroom.ops.operate.status.PipelineStatus.RegistryStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.ServiceStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.SubjectStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.TopicStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.WaitingCommand;
import dev.newsroom.ops.operate.status.PipelineStatus.WaitingStatus;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Gathers the pipeline's state with the Admin API, the registry's REST API and one read each of the dead-letter and
 * moderation events topics.
 * Lag is end offset minus committed offset, as {@code kafka-consumer-groups} counts it.
 */
public final class StatusCollector {

    private final KafkaClients clients;
    private final TopicCatalogue topics;
    private final Function<PipelineService, String> applicationIds;
    private final Clock clock;

    public StatusCollector(KafkaClients clients, TopicCatalogue topics,
                           Function<PipelineService, String> applicationIds, Clock clock) {
        this.clients = clients;
        this.topics = topics;
        this.applicationIds = applicationIds;
        this.clock = clock;
    }

    public PipelineStatus collect(SchemaRegistryClient registry, String registryUrl) {
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<String> names = new ArrayList<>();
            for (TopicId id : TopicId.values()) {
                if (existing.contains(topics.name(id))) {
                    names.add(topics.name(id));
                }
            }
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            Map<TopicPartition, Long> ends = endOffsets(admin, descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList());
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
            List<TopicStatus> topicStatuses = new ArrayList<>();
            for (TopicId id : TopicId.values()) {
                topicStatuses.add(topic(id, descriptions.get(topics.name(id)), ends, configs));
            }
            List<ServiceStatus> services = new ArrayList<>();
            for (PipelineService service : PipelineService.values()) {
                services.add(service(admin, service, existing));
            }
            return new PipelineStatus(clock.instant().toString(),
                    String.valueOf(clients.kafka().get("bootstrap.servers")), topicStatuses, services, deadLetters(),
                    registry(registry, registryUrl), waitingCommands());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the cluster's state", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the cluster's state: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private TopicStatus topic(TopicId id, TopicDescription description, Map<TopicPartition, Long> ends,
                              Map<ConfigResource, Config> configs) {
        String role = id.role();
        String name = topics.name(id);
        if (description == null) {
            return new TopicStatus(role, name, false, 0, 0, List.of(), null, null);
        }
        List<Long> partitionEnds = description.partitions().stream()
                .map(p -> ends.getOrDefault(new TopicPartition(name, p.partition()), 0L)).toList();
        Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
        String cleanup = config.get("cleanup.policy") == null ? null : config.get("cleanup.policy").value();
        String retention = cleanup != null && cleanup.equals("compact") ? "compacted"
                : Formats.retention(config.get("retention.ms") == null ? null : config.get("retention.ms").value());
        return new TopicStatus(role, name, true, partitionEnds.size(), partitionEnds.stream().mapToLong(Long::longValue)
                .sum(), partitionEnds, retention, cleanup);
    }

    private ServiceStatus service(Admin admin, PipelineService service, Set<String> existing)
            throws InterruptedException, ExecutionException {
        String applicationId = applicationIds.apply(service);
        ConsumerGroups.Group group = ConsumerGroups.describe(admin, applicationId);
        Map<TopicPartition, OffsetAndMetadata> committed = new LinkedHashMap<>(
                ConsumerGroups.committed(admin, applicationId));
        // Offsets can outlive their topic (a reset deletes internal topics); a topic that is gone has no lag.
        committed.keySet().removeIf(partition -> !existing.contains(partition.topic()));
        Map<TopicPartition, Long> ends = endOffsets(admin, List.copyOf(committed.keySet()));
        List<PartitionLag> partitions = new ArrayList<>();
        committed.forEach((partition, offset) -> {
            long end = ends.getOrDefault(partition, offset.offset());
            partitions.add(new PartitionLag(partition.topic(), partition.partition(), offset.offset(), end,
                    Math.max(0, end - offset.offset())));
        });
        return new ServiceStatus(service.label(), applicationId, group.state(), group.members(),
                partitions.stream().mapToLong(PartitionLag::lag).sum(), partitions);
    }

    private DeadLetterStatus deadLetters() {
        DeadLetterStore store = new DeadLetterStore(clients, topics);
        try {
            DeadLetterStore.Letters letters = store.letters();
            Map<String, Long> byStage = new TreeMap<>();
            Map<List<String>, Long> byReason = new HashMap<>();
            for (DeadLetterStore.Entry entry : letters.entries()) {
                DeadLetter letter = entry.letter();
                byStage.merge(letter.getStage().name(), 1L, Long::sum);
                byReason.merge(List.of(letter.getStage().name(), ReasonPattern.of(letter.getReason())), 1L, Long::sum);
            }
            List<ReasonCount> reasons = byReason.entrySet().stream()
                    .map(e -> new ReasonCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                    .sorted(Comparator.comparing(ReasonCount::stage)
                            .thenComparing(Comparator.comparingLong(ReasonCount::count).reversed())
                            .thenComparing(ReasonCount::reason))
                    .toList();
            return new DeadLetterStatus(store.topic(), letters.entries().size(), byStage, reasons,
                    letters.undecodable(), null);
        } catch (RuntimeException e) {
            return new DeadLetterStatus(store.topic(), 0, Map.of(), List.of(), 0, e.getMessage());
        }
    }

    private WaitingStatus waitingCommands() {
        ModerationEvents events = new ModerationEvents(clients, topics);
        try {
            Instant now = clock.instant();
            List<WaitingCommand> commands = events.waiting().list().stream()
                    .map(waiting -> new WaitingCommand(waiting.commandId(), waiting.action(), waiting.name(),
                            waiting.issuedBy(), waiting.reason(), String.valueOf(waiting.waitingSince()),
                            waiting.age(now).toSeconds(), String.valueOf(waiting.expiresAt())))
                    .toList();
            return new WaitingStatus(events.topic(), commands, null);
        } catch (RuntimeException e) {
            return new WaitingStatus(events.topic(), List.of(), e.getMessage());
        }
    }

    private RegistryStatus registry(SchemaRegistryClient registry, String url) {
        try {
            Set<String> subjects = Set.copyOf(registry.subjects());
            List<SubjectStatus> statuses = new ArrayList<>();
            for (TopicId id : TopicId.values()) {
                String subject = topics.valueSubject(id);
                statuses.add(new SubjectStatus(subject, subjects.contains(subject) ? registry.versions(subject)
                        : List.of()));
            }
            return new RegistryStatus(url, statuses, null);
        } catch (RuntimeException e) {
            return new RegistryStatus(url, List.of(), e.getMessage());
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions)
            throws InterruptedException, ExecutionException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest(), (a, b) -> a, LinkedHashMap::new));
        Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all().get();
        Map<TopicPartition, Long> ends = new HashMap<>();
        offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}
