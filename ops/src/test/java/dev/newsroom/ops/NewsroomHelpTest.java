package dev.newsroom.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NewsroomHelpTest {

    @Test
    void helpListsTheCommands() {
        CommandLineRun run = CommandLineRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: newsroom").contains("topics").contains("schemas")
                .contains("verify").contains("replay").contains("service");
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpWithItsUsage() {
        List<List<String>> paths = new ArrayList<>();
        collect(Newsroom.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(25);

        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));

                assertThat(run.exitCode()).as("newsroom %s: %s", String.join(" ", args), run.err()).isZero();
                assertThat(run.out()).as("newsroom %s", String.join(" ", args))
                        .startsWith("Usage: newsroom " + String.join(" ", path));
                assertThat(run.picocliWarnings()).as("newsroom %s: picocli's own warnings", String.join(" ", args))
                        .isEmpty();
            }
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName()) || name.equals("help")) {
                return;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            paths.add(subPath);
            collect(sub, subPath, paths);
        });
    }

    @Test
    void anUnreachableClusterIsOneLineNamingWhatWasTriedNotAMinuteOfClientWarnings() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String cluster = "127.0.0.1:" + closedPort;

        for (List<String> command : List.of(List.of("status"), List.of("dlq", "list"), List.of("topics", "create"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--bootstrap-server", cluster, "--timeout", "1s"));
            CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err().lines()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("newsroom " + String.join(" ", command) + ": Cannot reach Kafka at " + cluster
                            + " within 1s (--timeout to wait longer");
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("publsh");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument").contains("publsh");
    }

    @Test
    void schemasPrintShowsTheDocumentedContract() {
        CommandLineRun run = CommandLineRun.of("schemas", "print", "articles");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"name\" : \"Article\"").contains("Stable article id");
    }

    @Test
    void schemasPrintTakesTheTopicAsOperatorsNameIt() {
        for (String name : List.of("newsroom.raw.v1", "newsroom.raw.v1-value", "RAW", "raw")) {
            CommandLineRun run = CommandLineRun.of("schemas", "print", name);

            assertThat(run.exitCode()).as(name + ": " + run.err()).isZero();
            assertThat(run.out()).contains("\"name\" : \"RawDocument\"");
        }
        CommandLineRun typo = CommandLineRun.of("schemas", "print", "newsroom.raw.v2");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("'newsroom.raw.v2' is no topic of the pipeline");
    }
}
