package dev.newsroom.ops;

import dev.newsroom.ops.admin.ProduceCommand;
import dev.newsroom.ops.admin.SchemasCommand;
import dev.newsroom.ops.admin.TopicsCommand;
import dev.newsroom.ops.bench.BenchCommand;
import dev.newsroom.ops.demo.DemoCommand;
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
import dev.newsroom.ops.stack.UpCommand;
import dev.newsroom.ops.verify.VerifyCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;

/** {@code newsroom}: the pipeline's command line. */
@Command(name = "newsroom", mixinStandardHelpOptions = true, versionProvider = Newsroom.Version.class,
        description = "An event-driven content pipeline for newsrooms: ingest, enrich and publish over Kafka.",
        subcommands = {
                ParseCommand.class, EnrichCommand.class, TagCommand.class, EvalCommand.class,
                DemoCommand.class, UpCommand.class, ServiceCommand.class,
                ProduceCommand.class, ModerateCommand.class,
                StatusCommand.class, ReplayCommand.class, ReprocessCommand.class, DlqCommand.class,
                StreamsResetCommand.class, VerifyCommand.class, BenchCommand.class, TopicsCommand.class, SchemasCommand.class,
                CommandLine.HelpCommand.class})
public final class Newsroom {

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        // Arabic must come out right whatever the terminal's locale says.
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Newsroom());
        commandLine.setExecutionExceptionHandler(new ErrorMessages());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Prints what went wrong in one line instead of a stack trace; operators read the message, not the frames. */
    static final class ErrorMessages implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            PrintWriter err = commandLine.getErr();
            err.println("newsroom " + commandLine.getCommandName() + ": " + describe(e));
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
