package dev.newsroom.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the newsroom command line in-process and keeps what it printed. */
public record CommandLineRun(int exitCode, String out, String err) {

    public static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Newsroom.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandLineRun(exitCode, out.toString(), err.toString());
    }
}
