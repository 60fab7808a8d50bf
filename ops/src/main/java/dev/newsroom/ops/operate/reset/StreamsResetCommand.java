package dev.newsroom.ops.operate.reset;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.operate.TextTable;
import dev.newsroom.ops.operate.TimeArgument;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsroom streams-reset}: Kafka's application reset for one service, refused while it runs. */
@Command(name = "streams-reset", sortOptions = false, description = {
        "Reset a service's Kafka Streams application, like kafka-streams-application-reset: its committed offsets"
                + " on its input topics go to the start (or to --to TIME), and its internal topics (<application"
                + " id>-...-changelog / -repartition) are deleted. Refused while the service has running instances.",
        "Afterwards, start each instance with an empty state directory (newsroom.state.dir/<application id>), or"
                + " it keeps its old local state.",
        "TIME is " + TimeArgument.HELP + "."})
public final class StreamsResetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SERVICE", description = "ingest, enrich or publish.")
    PipelineService service;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Move input offsets to the first record at or after TIME instead of the start.")
    Instant to;

    @Option(names = "--dry-run", description = "Show what would change; change nothing.")
    boolean dryRun;

    @Option(names = "--application-id", paramLabel = "ID",
            description = "The service's application id, when it is not <prefix><service>.")
    String applicationId;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationIdOptions applicationIds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KafkaClients clients = KafkaClients.of(connection);
        TopicCatalogue topics = clients.catalogue();
        String id = applicationId != null ? applicationId : applicationIds.applicationId(service, clients);
        List<String> inputs = service.inputs().stream().map(topics::name).toList();
        StreamsReset reset = new StreamsReset(clients);
        StreamsReset.Plan plan = reset.plan(id, inputs, to);
        StreamsReset.refuseIfRunning(plan.group());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %s (%s, group %s)%n", dryRun ? "Would reset" : "Resetting", id, service.label(),
                plan.group().state());
        TextTable offsets = TextTable.of("topic", "partition", "committed", "reset to");
        plan.targets().forEach((partition, target) -> offsets.row(partition.topic(), partition.partition(),
                plan.committed().containsKey(partition) ? plan.committed().get(partition) : "-", target));
        out.println("  input offsets (" + (to == null ? "to the start" : "to " + to) + "):");
        offsets.print(out, "    ");
        if (!plan.missingInputs().isEmpty()) {
            out.println("  input topics that do not exist (nothing to reset): "
                    + String.join(", ", plan.missingInputs()));
        }
        out.println("  internal topics to delete: " + (plan.internalTopics().isEmpty() ? "none"
                : String.join(", ", plan.internalTopics())));
        if (!plan.internalOffsets().isEmpty()) {
            out.println("  committed offsets to drop on them: " + plan.internalOffsets().stream()
                    .map(TopicPartition::toString).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        if (dryRun) {
            out.println("Dry run: nothing changed.");
            return 0;
        }
        reset.execute(plan);
        out.println("Done. Start each " + service.label() + " instance with an empty state directory"
                + " (newsroom.state.dir/" + id + "), or call KafkaStreams#cleanUp before start.");
        return 0;
    }
}
