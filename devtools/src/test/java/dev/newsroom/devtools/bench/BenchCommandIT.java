package dev.newsroom.devtools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ops.CommandLineRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void twoInstancesOfEachServiceShareItsPartitionsAndEachReportsItsShare(KafkaStack stack) throws Exception {
        CommandLineRun run = CommandLineRun.of("bench", "--documents", "40", "--warmup", "10", "--baseline", "none",
                "--partitions", "2", "--separate-processes", "--instances", "2", "--json",
                // Six service JVMs on a CI machine: the quick compiler only, since no figure is judged here.
                "--service-jvm-options", "-Xmx256m -XX:TieredStopAtLevel=1",
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--samples", Path.of("..", "samples").toString(), "--no-record", "--timeout", "5m");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.at("/pipeline/complete").asBoolean()).isTrue();
        assertThat(report.at("/memory")).extracting(row -> row.get("name").asText())
                .contains("ingest-1 JVM", "ingest-2 JVM", "enrich-1 JVM", "enrich-2 JVM", "publish-1 JVM", "publish-2 JVM");
        JsonNode instances = report.at("/instances");
        assertThat(instances).hasSize(6);
        for (String service : List.of("ingest", "enrich", "publish")) {
            List<JsonNode> pair = new ArrayList<>();
            instances.forEach(instance -> {
                if (instance.get("service").asText().equals(service)) {
                    pair.add(instance);
                }
            });
            List<Integer> owned = new ArrayList<>();
            pair.forEach(instance -> instance.get("partitions").forEach(partition -> owned.add(partition.asInt())));
            assertThat(owned).as(service + "'s input partitions, each owned by exactly one of its two instances")
                    .containsExactlyInAnyOrder(0, 1);
            for (JsonNode instance : pair) {
                assertThat(instance.get("partitions")).as(instance.get("name") + ": one partition of two").hasSize(1);
                assertThat(instance.get("records").asLong()).as(instance.get("name") + "'s records in the measured"
                        + " phase").isPositive();
            }
        }
    }
}
