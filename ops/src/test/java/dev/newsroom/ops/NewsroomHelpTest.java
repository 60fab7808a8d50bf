package dev.newsroom.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewsroomHelpTest {

    @Test
    void helpListsTheCommands() {
        CommandLineRun run = CommandLineRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: newsroom").contains("topics").contains("schemas")
                .contains("verify").contains("bench").contains("replay").contains("demo");
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
}
