package dev.newsroom.ops.operate;

import dev.newsroom.ops.operate.dlq.DlqCommand;
import dev.newsroom.ops.operate.replay.ReplayCommand;
import dev.newsroom.ops.operate.replay.ReprocessCommand;
import dev.newsroom.ops.operate.reset.StreamsResetCommand;
import dev.newsroom.ops.operate.status.StatusCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator commands under a {@code newsroom} parent as the real command line registers them, with the same
 * handling of errors (one line on stderr, exit 1) and usage errors (exit 2), run in-process with output kept.
 */
@Command(name = "newsroom", subcommands = {ReplayCommand.class, ReprocessCommand.class, DlqCommand.class,
        StatusCommand.class, StreamsResetCommand.class})
public final class OperateCli {

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new OperateCli());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("newsroom " + line.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return commandLine;
    }

    public static Run run(List<String> connection, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(connection);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** For tests that need the command in a process of its own, to kill it. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
