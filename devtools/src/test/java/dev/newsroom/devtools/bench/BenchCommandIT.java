package dev.newsroom.devtools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ops.CommandLineRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test the issue asks for: {@code newsroom bench} runs on a tiny load against the real broker and
 * registry and reports every part of its table. The figures themselves are not judged here.
 */
@WithKafkaStack
class BenchCommandIT {

    @TempDir
    Path work;

    @Test
    void aTinyRunReportsThePipelineAgainstItsBaselinesAndRecordsTheTable(KafkaStack stack) throws Exception {
        Path record = work.resolve("benchmarks.md");

        CommandLineRun run = CommandLineRun.of("bench", "--documents", "60", "--warmup", "20",
                "--baseline-records", "300", "--baseline-warmup", "200", "--bad-share", "0.1", "--partitions", "2", "--json",
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--samples", Path.of("..", "samples").toString(), "--record", record.toString(),
                "--note", "smoke test", "--timeout", "5m");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/pipeline/documents").asLong()).isEqualTo(60);
        assertThat(report.at("/pipeline/complete").asBoolean()).isTrue();
        assertThat(report.at("/pipeline/deadLetters").asLong()).isPositive();
        assertThat(report.at("/pipeline/ratioToStreamsBaseline").asDouble()).isPositive();
        assertThat(report.at("/settings").asText()).contains("clients: throughput", "batch.size=524288");
        assertThat(report.at("/stages")).filteredOn(stage -> stage.get("records").isNumber())
                .extracting(stage -> stage.get("allocatedKilobytesPerRecord").asDouble())
                .as("heap allocated per record, per stage").hasSize(3).allMatch(kilobytes -> kilobytes > 0);
        assertThat(report.at("/stages")).extracting(stage -> stage.get("name").asText())
                .as("the JVM's own CPU split into the JIT compiler's and the rest")
                .contains("JVM: JIT compiler", "JVM: GC and other unnamed");
        assertThat(report.at("/baselines")).extracting(baseline -> baseline.get("name").asText())
                .anyMatch(name -> name.startsWith("Kafka Streams")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(record).content().contains("(smoke test)", "./newsroom bench --documents 60", "--note 'smoke test'",
                "pipeline raw→published",
                "vs Streams EOS baseline", "p99 ms", "CPU share", "KB allocated per record", "RSS max MB", "bound by").doesNotContain("INCOMPLETE");
    }
}
