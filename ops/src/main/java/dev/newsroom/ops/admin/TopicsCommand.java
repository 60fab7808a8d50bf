package dev.newsroom.ops.admin;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.cli.JsonOutput;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The pipeline's topics: list their names and settings, or create the missing ones. */
@Command(name = "topics", description = "List or create the pipeline's topics.",
        subcommands = {TopicsCommand.ListTopics.class, TopicsCommand.CreateTopics.class})
public final class TopicsCommand {

    @Command(name = "list", description = "Print each topic's role, name (after overrides) and value type.")
    static final class ListTopics implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--json", description = "One JSON array, for scripts.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TopicCatalogue topics = TopicCatalogue.of(connection.settings(),
                    new SchemaRegistryClient(connection.schemaRegistryUrl()));
            PrintWriter out = spec.commandLine().getOut();
            List<TopicLine> lines = new ArrayList<>();
            for (TopicId id : TopicId.values()) {
                lines.add(new TopicLine(id.role(),
                        topics.name(id), id.valueType().getSimpleName(), id.topicConfig()));
            }
            if (json) {
                out.println(JsonOutput.of(lines));
                return 0;
            }
            for (TopicLine line : lines) {
                out.printf("%-20s %-34s %-18s %s%n", line.role(), line.topic(), line.value(),
                        line.config().isEmpty() ? "" : line.config());
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Create missing topics and wait until every partition takes writes.")
    static final class CreateTopics implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Spec
        CommandSpec spec;
        @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
        int partitions;
        @Option(names = "--replication-factor", defaultValue = "-1",
                description = "Replicas per partition (default: ${DEFAULT-VALUE}, the cluster's"
                        + " default.replication.factor).")
        short replicationFactor;

        @Override
        public Integer call() {
            if (replicationFactor != TopicSpec.CLUSTER_DEFAULT_REPLICATION && replicationFactor < 1) {
                throw new ParameterException(spec.commandLine(), "--replication-factor must be -1 (the cluster's"
                        + " default.replication.factor) or at least 1, not " + replicationFactor);
            }
            TopicCatalogue topics = TopicCatalogue.of(connection.clientConfig(),
                    new SchemaRegistryClient(connection.schemaRegistryUrl()));
            List<TopicSpec> specs = topics.specs(partitions, replicationFactor);
            Map<String, Object> adminConfig = new HashMap<>(connection.clientConfig());
            Duration timeout = connection.timeout();
            // Bound the client's own calls too, or an unreachable cluster holds the command for its 60 s default.
            adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
            try (Admin admin = Admin.create(adminConfig)) {
                new TopicProvisioner(admin, timeout).ensure(specs);
            }
            specs.forEach(s -> spec.commandLine().getOut().println("ready " + s.name()));
            return 0;
        }
    }

    /** A topic as {@code topics list} reports it: its role, name, value type and the settings it is created with. */
    record TopicLine(String role, String topic, String value, Map<String, String> config) {
    }
}
