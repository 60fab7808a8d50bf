package dev.newsroom.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.CommandLineRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's command line: ops' commands plus those this module and the console add through ServiceLoader. */
class DevtoolsCommandsTest {

    @Test
    void theDevStacksCommandsAndTheConsoleJoinTheCommandLine() {
        CommandLineRun run = CommandLineRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().map(String::strip))
                .anyMatch(line -> line.startsWith("demo "))
                .anyMatch(line -> line.startsWith("up "))
                .anyMatch(line -> line.startsWith("bench "))
                .anyMatch(line -> line.startsWith("console "))
                .anyMatch(line -> line.startsWith("status "));
    }

    @Test
    void eachOfThemAnswersHelpWithItsUsage() {
        for (String command : List.of("demo", "up", "bench")) {
            for (String flag : List.of("--help", "-h")) {
                CommandLineRun run = CommandLineRun.of(command, flag);

                assertThat(run.exitCode()).as("newsroom %s %s: %s", command, flag, run.err()).isZero();
                assertThat(run.out()).startsWith("Usage: newsroom " + command);
                assertThat(run.picocliWarnings()).as("newsroom %s %s: a description picocli could not format",
                        command, flag).isEmpty();
            }
        }
    }
}
