package dev.newsroom.ops;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the newsroom command line in-process and keeps what it printed.
 *
 * @param picocliWarnings what picocli itself printed to {@code System.err} (a description it could not format, say),
 *                        which bypasses the command line's own error writer
 */
public record CommandLineRun(int exitCode, String out, String err, String picocliWarnings) {

    public static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Newsroom.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream capture = new PrintStream(warnings, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            exitCode = commandLine.execute(args);
        } finally {
            System.setErr(systemErr);
        }
        String picocli = warnings.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("[picocli "))
                .reduce("", (all, line) -> all + line + "\n");
        return new CommandLineRun(exitCode, out.toString(), err.toString(), picocli);
    }
}
