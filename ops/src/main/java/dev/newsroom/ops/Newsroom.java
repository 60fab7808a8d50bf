package dev.newsroom.ops;

import ch.qos.logback.classic.Level;
import dev.newsroom.ops.admin.ProduceCommand;
import dev.newsroom.ops.admin.SchemasCommand;
import dev.newsroom.ops.admin.TopicsCommand;
import dev.newsroom.ops.extension.Extension;
import dev.newsroom.ops.moderation.ModerateCommand;
import dev.newsroom.ops.offline.EnrichCommand;
import dev.newsroom.ops.operate.dlq.DlqCommand;
import dev.newsroom.ops.operate.replay.ReplayCommand;
import dev.newsroom.ops.operate.replay.ReprocessCommand;
import dev.newsroom.ops.operate.reset.StreamsResetCommand;
import dev.newsroom.ops.operate.status.StatusCommand;
import dev.newsroom.ops.offline.EvalCommand;
import dev.newsroom.ops.offline.ParseCommand;
import dev.newsroom.ops.offline.TagCommand;
import dev.newsroom.ops.stack.ServiceCommand;
import dev.newsroom.ops.verify.VerifyCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code newsroom}: the pipeline's command line. */
@Command(name = "newsroom", mixinStandardHelpOptions = true, versionProvider = Newsroom.Version.class,
        description = "An event-driven content pipeline for newsrooms: ingest, enrich and publish over Kafka.",
        subcommands = {
                ParseCommand.class, EnrichCommand.class, TagCommand.class, EvalCommand.class,
                ServiceCommand.class,
                ProduceCommand.class, ModerateCommand.class,
                StatusCommand.class, ReplayCommand.class, ReprocessCommand.class, DlqCommand.class,
                StreamsResetCommand.class, VerifyCommand.class, TopicsCommand.class, SchemasCommand.class,
                CommandLine.HelpCommand.class})
public final class Newsroom {

    /** Commands that run until stopped: their Kafka client warnings are part of an operator's log. */
    private static final Set<String> LONG_RUNNING = Set.of("up", "service");

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show the Kafka clients' warnings, which commands that report and exit hide"
                    + " (NEWSROOM_LOG_LEVEL=DEBUG shows them too).")
    boolean verbose;

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        // Arabic must come out right whatever the terminal's locale says.
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Newsroom());
        Extension.installed().forEach(extension -> extension.commands().forEach(commandLine::addSubcommand));
        commandLine.setExecutionExceptionHandler(new ErrorMessages());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        offerHelp(commandLine);
        commandLine.setExecutionStrategy(parsed -> {
            quietKafkaClients(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return commandLine;
    }

    /**
     * A command that reports and exits prints its own one-line errors; the clients' retry warnings around them
     * (UNKNOWN_TOPIC_OR_PARTITION while a topic is created, connection attempts) read as failures to a newcomer.
     */
    private static void quietKafkaClients(CommandLine.ParseResult parsed) {
        boolean verbose = System.getenv("NEWSROOM_LOG_LEVEL") != null;
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            verbose |= level.hasMatchedOption("--verbose");
        }
        String top = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "";
        if (verbose || LONG_RUNNING.contains(top)) {
            return;
        }
        for (String name : List.of("org.apache.kafka", "kafka", "io.confluent", "io.apicurio")) {
            Logger logger = LoggerFactory.getLogger(name);
            if (logger instanceof ch.qos.logback.classic.Logger configurable) {
                configurable.setLevel(Level.ERROR);
            }
        }
    }

    /**
     * Gives every command and subcommand {@code -h/--help}, since operators reach for it before {@code newsroom help
     * X}; added here rather than declared on each command so that no new command can forget it.
     */
    private static void offerHelp(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        boolean hasHelp = spec.options().stream().anyMatch(OptionSpec::usageHelp);
        if (!hasHelp && spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder(spec.findOption("-h") == null ? new String[] {"-h", "--help"}
                            : new String[] {"--help"})
                    .usageHelp(true).description("Show this help and exit.").build());
        }
        commandLine.getSubcommands().values().forEach(Newsroom::offerHelp);
    }

    /** Prints what went wrong in one line instead of a stack trace; operators read the message, not the frames. */
    static final class ErrorMessages implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
            if (System.getenv("NEWSROOM_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        }

        private static String describe(Throwable e) {
            StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                    message.append(": ").append(cause.getMessage());
                }
            }
            return message.toString();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Newsroom.class.getPackage().getImplementationVersion();
            return new String[] {"newsroom " + (version == null ? "(development build)" : version)};
        }
    }
}
