package dev.newsroom.ops.operate.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.TextTable;
import dev.newsroom.ops.operate.status.PipelineStatus.PartitionLag;
import dev.newsroom.ops.operate.status.PipelineStatus.ReasonCount;
import dev.newsroom.ops.operate.status.PipelineStatus.ServiceStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.SubjectStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.TopicStatus;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsroom status}: topics, each service's lag, dead letters and the registry in one look. */
@Command(name = "status", description = {
        "The pipeline at a glance: topics (partitions, end offsets, retention), each service's consumer-group state"
                + " and lag per partition, dead letters by stage and reason, moderation commands waiting for their"
                + " article (with their age), registry subjects and versions.",
        "Lag counts offsets like kafka-consumer-groups: behind an exactly-once producer a caught-up group can show"
                + " lag 1 per partition (the commit marker)."})
public final class StatusCommand implements Callable<Integer> {

    /** Long enough for a slow registry, short enough that status still answers while the registry is down. */
    private static final String REGISTRY_RETRY_MS = "5000";

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationIdOptions applicationIds;

    @Option(names = "--json", description = "One JSON object, for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        KafkaClients clients = KafkaClients.of(connection);
        TopicCatalogue topics = clients.catalogue();
        Map<String, Object> registrySettings = new HashMap<>(clients.settings());
        registrySettings.putIfAbsent("schema.registry.retry.max.ms", REGISTRY_RETRY_MS);
        PipelineStatus status = new StatusCollector(clients, topics,
                service -> applicationIds.applicationId(service, clients), Clock.systemUTC())
                .collect(new SchemaRegistryClient(registrySettings), connection.schemaRegistryUrl());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(status));
        } else {
            print(out, status);
        }
        return 0;
    }

    private static void print(PrintWriter out, PipelineStatus status) {
        out.println("newsroom status at " + status.at() + " (" + status.bootstrapServers() + ")");
        out.println();
        out.println("TOPICS");
        TextTable topics = TextTable.of("role", "topic", "partitions", "end offsets", "retention", "per partition");
        for (TopicStatus topic : status.topics()) {
            if (topic.exists()) {
                topics.row(topic.role(), topic.name(), topic.partitions(), Formats.count(topic.endOffsets()),
                        topic.retention(), topic.partitionEndOffsets().stream().map(String::valueOf)
                                .collect(Collectors.joining(" ")));
            } else {
                topics.row(topic.role(), topic.name(), "missing", "-", "-", "-");
            }
        }
        topics.print(out, "  ");
        out.println();
        out.println("SERVICES");
        for (ServiceStatus service : status.services()) {
            out.printf("  %-8s %s: %s, %d member%s, lag %s%n", service.service(), service.applicationId(),
                    service.state(), service.members().size(), service.members().size() == 1 ? "" : "s",
                    Formats.count(service.lag()));
            if (!service.partitions().isEmpty()) {
                TextTable lag = TextTable.of("topic", "partition", "committed", "end", "lag");
                for (PartitionLag partition : service.partitions()) {
                    lag.row(partition.topic(), partition.partition(), partition.committed(), partition.end(),
                            partition.lag());
                }
                lag.print(out, "      ");
            }
        }
        out.println();
        var deadLetters = status.deadLetters();
        if (deadLetters.error() != null) {
            out.println("DEAD LETTERS: cannot read " + deadLetters.topic() + ": " + deadLetters.error());
        } else {
            out.printf("DEAD LETTERS (%s in %s%s)%n", Formats.count(deadLetters.total()), deadLetters.topic(),
                    deadLetters.byStage().isEmpty() ? "" : "; " + deadLetters.byStage().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            if (!deadLetters.byReason().isEmpty()) {
                TextTable reasons = TextTable.of("stage", "count", "reason");
                for (ReasonCount reason : deadLetters.byReason()) {
                    reasons.row(reason.stage(), reason.count(), reason.reason());
                }
                reasons.print(out, "  ");
            }
            if (deadLetters.undecodable() > 0) {
                out.printf("  %d records do not decode as dead letters%n", deadLetters.undecodable());
            }
        }
        out.println();
        var waiting = status.waitingCommands();
        if (waiting.error() != null) {
            out.println("WAITING COMMANDS: cannot read " + waiting.topic() + ": " + waiting.error());
        } else {
            out.printf("WAITING COMMANDS (%d, for articles not arrived yet; moderate cancel COMMAND_ID withdraws one)%n",
                    waiting.commands().size());
            if (!waiting.commands().isEmpty()) {
                TextTable commands = TextTable.of("command", "action", "waits for", "age", "expires", "by");
                for (var command : waiting.commands()) {
                    commands.row(command.commandId(), command.action(), command.waitsFor(),
                            Formats.age(Duration.ofSeconds(command.ageSeconds())), command.expiresAt(),
                            command.issuedBy());
                }
                commands.print(out, "  ");
            }
        }
        out.println();
        var registry = status.registry();
        if (registry.error() != null) {
            out.println("REGISTRY " + registry.url() + ": unreachable: " + registry.error());
            return;
        }
        out.println("REGISTRY " + registry.url());
        TextTable subjects = TextTable.of("subject", "versions");
        for (SubjectStatus subject : registry.subjects()) {
            subjects.row(subject.subject(), subject.versions().isEmpty() ? "not registered"
                    : subject.versions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        subjects.print(out, "  ");
    }
}
