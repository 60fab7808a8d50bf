package dev.newsroom.ops.operate.status;

import java.util.List;
import java.util.Map;

/** What {@code newsroom status} reports; its JSON form is this record tree as it stands. */
public record PipelineStatus(String at, String bootstrapServers, List<TopicStatus> topics,
                             List<ServiceStatus> services, DeadLetterStatus deadLetters, RegistryStatus registry,
                             WaitingStatus waitingCommands) {

    /** Moderation commands waiting for their article, longest waiting first. */
    public record WaitingCommand(String commandId, String action, String waitsFor, String issuedBy, String reason,
                                 String waitingSince, long ageSeconds, String expiresAt) {
    }

    public record WaitingStatus(String topic, List<WaitingCommand> commands, String error) {
    }

    /** A pipeline topic: its partitions, the end offset of each, and how long it keeps records. */
    public record TopicStatus(String role, String name, boolean exists, int partitions, long endOffsets,
                              List<Long> partitionEndOffsets, String retention, String cleanupPolicy) {
    }

    /** One partition a service's group has committed to, and how far behind the end it is. */
    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    /** A service's consumer group (its application id): state, members and lag per partition. */
    public record ServiceStatus(String service, String applicationId, String state, List<String> members,
                                long lag, List<PartitionLag> partitions) {
    }

    /** Dead letters with the same stage and the same reason once names and numbers are blanked out. */
    public record ReasonCount(String stage, String reason, long count) {
    }

    public record DeadLetterStatus(String topic, long total, Map<String, Long> byStage, List<ReasonCount> byReason,
                                   int undecodable, String error) {
    }

    public record SubjectStatus(String subject, List<Integer> versions) {
    }

    public record RegistryStatus(String url, List<SubjectStatus> subjects, String error) {
    }
}
