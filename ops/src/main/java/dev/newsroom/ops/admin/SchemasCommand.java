package dev.newsroom.ops.admin;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.cli.JsonOutput;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificData;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The Avro contracts as the registry sees them. Registering up front lets production serdes run with
 * {@code auto.register.schemas=false}, so only a deliberate step can change a contract.
 */
@Command(name = "schemas", description = "Print the Avro contracts, register them, or list what the registry holds.",
        subcommands = {SchemasCommand.Print.class, SchemasCommand.Register.class, SchemasCommand.Status.class})
public final class SchemasCommand {

    @Command(name = "print", description = "Print the current Avro schema of a topic's values (JSON).")
    static final class Print implements Callable<Integer> {
        @Parameters(paramLabel = "TOPIC", converter = TopicByName.class,
                description = "A topic's name (newsroom.raw.v1), its subject (newsroom.raw.v1-value) or its role:"
                        + " ${COMPLETION-CANDIDATES}.")
        TopicId topic;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(SpecificData.get().getSchema(topic.valueType()).toString(true));
            return 0;
        }
    }

    /** The topic an operator means, however they name it: by role, by default topic name or by subject. */
    static final class TopicByName implements ITypeConverter<TopicId> {
        @Override
        public TopicId convert(String value) {
            String name = value.strip();
            String topic = name.endsWith("-value") ? name.substring(0, name.length() - "-value".length()) : name;
            for (TopicId id : TopicId.values()) {
                if (id.name().equalsIgnoreCase(name.replace('-', '_')) || id.defaultName().equals(topic)) {
                    return id;
                }
            }
            throw new TypeConversionException("'" + value + "' is no topic of the pipeline; use a topic name such as "
                    + TopicId.RAW.defaultName() + ", its subject, or a role: " + Arrays.toString(TopicId.values()));
        }
    }

    @Command(name = "register", description = "Register every topic's value schema under <topic>-value.")
    static final class Register implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SchemaRegistryClient registry = new SchemaRegistryClient(connection.settings());
            TopicCatalogue topics = TopicCatalogue.of(connection.settings(), registry);
            topics.registerContracts().forEach((subject, schemaId) ->
                    spec.commandLine().getOut().printf("%-40s id %d%n", subject, schemaId));
            return 0;
        }
    }

    @Command(name = "status", description = "Each topic's subject: registered versions and compatibility level.")
    static final class Status implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Option(names = "--json", description = "One JSON array, for scripts.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SchemaRegistryClient registry = new SchemaRegistryClient(connection.settings());
            TopicCatalogue topics = TopicCatalogue.of(connection.settings(), registry);
            PrintWriter out = spec.commandLine().getOut();
            var subjects = registry.subjects();
            List<SubjectStatus> statuses = new ArrayList<>();
            for (TopicId id : TopicId.values()) {
                String subject = topics.valueSubject(id);
                statuses.add(subjects.contains(subject)
                        ? new SubjectStatus(subject, true, registry.versions(subject), registry.compatibility(subject))
                        : new SubjectStatus(subject, false, List.of(), null));
            }
            if (json) {
                out.println(JsonOutput.of(statuses));
                return 0;
            }
            for (SubjectStatus status : statuses) {
                if (status.registered()) {
                    out.printf("%-40s versions %s, compatibility %s%n", status.subject(), status.versions(),
                            status.compatibility());
                } else {
                    out.printf("%-40s not registered%n", status.subject());
                }
            }
            return 0;
        }
    }

    /** A topic's value subject as {@code schemas status} reports it. */
    record SubjectStatus(String subject, boolean registered, List<Integer> versions, String compatibility) {
    }
}
