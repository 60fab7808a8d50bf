package dev.newsroom.ops.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes in a replay's arguments are usage errors (exit 2) found before anything connects to Kafka. */
class ReplayCommandTest {

    /** Nothing listens here: a command that tried to connect would fail differently, and slowly. */
    private static final List<String> NOWHERE = List.of("--bootstrap-servers", "127.0.0.1:9",
            "--schema-registry-url", "http://127.0.0.1:9");

    @Test
    void aLanguageFilterOnTheRawTopicIsAUsageErrorNamingTheTopic() {
        OperateCli.Run run = OperateCli.run(NOWHERE, "replay", "--from-topic", "newsroom.raw.v1", "--from", "2h",
                "--to-topic", "copy", "--language", "ar");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--language does not apply to topic 'newsroom.raw.v1'")
                .contains("RawDocument");
    }

    @Test
    void aSourceFilterOnATopicOutsideThePipelineIsAUsageErrorNamingTheTopic() {
        OperateCli.Run run = OperateCli.run(NOWHERE, "replay", "--from-topic", "acme.clicks", "--from", "2h",
                "--to-topic", "copy", "--source", "akhbar.example");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'acme.clicks' is not one of the pipeline's topics");
    }

    @Test
    void aSourceFilterOnThePublishedTopicIsAUsageError() {
        OperateCli.Run run = OperateCli.run(NOWHERE, "replay", "--from-topic", "newsroom.published.v1", "--from",
                "2h", "--to-topic", "copy", "--source", "akhbar.example");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--source does not apply to topic 'newsroom.published.v1'");
    }

    @Test
    void aWindowNeedsExactlyOneStart() {
        OperateCli.Run none = OperateCli.run(NOWHERE, "replay", "--from-topic", "a", "--to-topic", "b");
        OperateCli.Run both = OperateCli.run(NOWHERE, "replay", "--from-topic", "a", "--to-topic", "b", "--from",
                "2h", "--from-offset", "0:10");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either --from TIME or --from-offset P:O");
    }

    @Test
    void resumingKeepsTheWindowItStartedWith() {
        OperateCli.Run run = OperateCli.run(NOWHERE, "replay", "--resume", "replay-1", "--from", "2h");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("drop --from");
    }

    @Test
    void badTimesRatesAndOffsetsAreUsageErrors() {
        assertThat(OperateCli.run(NOWHERE, "replay", "--from-topic", "a", "--to-topic", "b", "--from", "yesterday")
                .err()).contains("'yesterday' is not a time");
        assertThat(OperateCli.run(NOWHERE, "replay", "--from-topic", "a", "--to-topic", "b", "--from", "2h",
                "--rate", "fast").err()).contains("'fast' is not a rate");
        assertThat(OperateCli.run(NOWHERE, "replay", "--from-topic", "a", "--to-topic", "b", "--from-offset", "0-10")
                .err()).contains("PARTITION:OFFSET");
        assertThat(OperateCli.run(NOWHERE, "replay", "--from-topic", "a", "--to-topic", "b", "--from", "1h",
                "--to", "2h").err()).contains("must be after --from");
    }

    @Test
    void reprocessNeedsAStageItCanReprocess() {
        OperateCli.Run ingest = OperateCli.run(NOWHERE, "reprocess", "--stage", "ingest", "--from", "2h");
        OperateCli.Run missing = OperateCli.run(NOWHERE, "reprocess", "--from", "2h");

        assertThat(ingest.exitCode()).isEqualTo(2);
        assertThat(ingest.err()).contains("enrich").contains("publish");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--stage enrich|publish");
    }
}
