package dev.newsroom.devtools.bench;

import dev.newsroom.devtools.bench.LoadProducer.Payload;
import dev.newsroom.ops.operate.TextTable;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@code bench --search-clients}: finds the Kafka client settings under which the pass-through baselines move the
 * bench's records fastest on this cluster, one setting at a time (each step keeps the best value found so far),
 * then measures the result against Kafka's defaults twice, alternately, so a noisy machine shows in the figures.
 * The yardstick of every ratio should be Kafka at its best here, not at defaults made for small records.
 */
final class ClientSearch {

    /** One setting and the values tried for it. */
    private record Step(String setting, boolean producer, List<String> values) {
    }

    /** One measured configuration. */
    record Trial(String step, String value, ClientTuning tuning, PassThroughBaseline.Result produce,
                 PassThroughBaseline.Result streams, boolean chosen) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("batch.size", true, List.of("16384", "131072", "524288", "1048576")),
            new Step("linger.ms", true, List.of("5", "20", "100")),
            new Step("compression.type", true, List.of("none", "lz4", "zstd")),
            new Step("fetch.min.bytes", false, List.of("1", "65536", "1048576")),
            new Step("fetch.max.wait.ms", false, List.of("500", "50")),
            new Step("max.poll.records", false, List.of("500", "2000")));

    private final Map<String, Object> kafkaConfig;
    private final String registryUrl;
    private final BenchRun.Settings settings;
    private final Path work;
    private final PrintWriter progress;
    private final String runId;
    private int trials;

    ClientSearch(Map<String, Object> kafkaConfig, String registryUrl, BenchRun.Settings settings, Path work,
                 PrintWriter progress, String runId) {
        this.kafkaConfig = kafkaConfig;
        this.registryUrl = registryUrl;
        this.settings = settings;
        this.work = work;
        this.progress = progress;
        this.runId = runId;
    }

    /** The search's table, the settings it chose and the confirmation runs, as text. */
    String run() throws InterruptedException {
        List<Payload> documents = documents();
        List<Trial> steps = new ArrayList<>();
        ClientTuning best = new ClientTuning("searched", Map.of(), Map.of());
        for (Step step : STEPS) {
            Trial winner = null;
            List<Trial> tried = new ArrayList<>();
            for (String value : step.values()) {
                ClientTuning candidate = step.producer() ? best.withProducer(step.setting(), value)
                        : best.withConsumer(step.setting(), value);
                Trial trial = measure(step.setting(), value, candidate, documents);
                tried.add(trial);
                if (winner == null || trial.streams().recordsPerSecond() > winner.streams().recordsPerSecond()) {
                    winner = trial;
                }
            }
            for (Trial trial : tried) {
                steps.add(new Trial(trial.step(), trial.value(), trial.tuning(), trial.produce(), trial.streams(),
                        trial == winner));
            }
            best = winner.tuning();
        }
        List<Trial> confirmation = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            confirmation.add(measure("confirm " + round, "Kafka's defaults", ClientTuning.KAFKA_DEFAULTS, documents));
            confirmation.add(measure("confirm " + round, "searched", best, documents));
        }
        return report(steps, confirmation, best);
    }

    private List<Payload> documents() {
        Map<String, String> common = new HashMap<>(TopicCatalogue.prefixed(runId + "."));
        common.put("schema.registry.url", registryUrl);
        TopicCatalogue topics = TopicCatalogue.of(common, new SchemaRegistryClient(registryUrl));
        Serializer<RawDocument> serializer = topics.raw().valueSerde().serializer();
        return GeneratedDocuments.generate(new DocumentMix(settings.samples(), runId, settings.seed()), "s", 0,
                Math.min(5_000, settings.baselineRecords()), serializer, topics.raw().name()).payloads();
    }

    private Trial measure(String step, String value, ClientTuning tuning, List<Payload> documents)
            throws InterruptedException {
        int trial = ++trials;
        progress.printf(Locale.ROOT, "Trial %d: %s=%s ...%n", trial, step, value);
        progress.flush();
        PassThroughBaseline baseline = new PassThroughBaseline(kafkaConfig, tuning, runId + "-t" + trial,
                settings.partitions(), work.resolve("search-state-" + trial), settings.baselineStreamsSettings(),
                settings.timeout());
        List<Payload> records = BenchRun.cycle(documents, settings.baselineRecords(), "t" + trial + "-");
        List<Payload> warmup = BenchRun.cycle(documents, settings.baselineWarmup(), "t" + trial + "w-");
        PassThroughBaseline.Result produce = baseline.produceOnly(records);
        PassThroughBaseline.Result streams = baseline.streams(warmup, records, 0);
        progress.printf(Locale.ROOT, "  produce %,.0f records/s, Streams 3 hops %,.0f records/s%n",
                produce.recordsPerSecond(), streams.recordsPerSecond());
        progress.flush();
        return new Trial(step, value, tuning, produce, streams, false);
    }

    private String report(List<Trial> steps, List<Trial> confirmation, ClientTuning best) {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.printf(Locale.ROOT, "newsroom bench --search-clients: %,d records per trial (after %,d warm-up), %d"
                        + " partitions, Streams %s%n", settings.baselineRecords(), settings.baselineWarmup(),
                settings.partitions(), settings.baselineStreamsSettings());
        out.println();
        TextTable table = TextTable.of("setting", "value", "raw produce records/s", "Streams 3 hops records/s",
                "Streams p99 ms", "kept");
        for (Trial trial : steps) {
            table.row(trial.step(), trial.value(), BenchReport.number(trial.produce().recordsPerSecond()),
                    BenchReport.number(trial.streams().recordsPerSecond()), p99(trial.streams()),
                    trial.chosen() ? "yes" : "");
        }
        table.print(out, "  ");
        out.println();
        out.println("  searched: " + best.describe());
        out.println();
        TextTable confirm = TextTable.of("round", "clients", "raw produce records/s", "Streams 3 hops records/s",
                "Streams p99 ms");
        for (Trial trial : confirmation) {
            confirm.row(trial.step(), trial.value(), BenchReport.number(trial.produce().recordsPerSecond()),
                    BenchReport.number(trial.streams().recordsPerSecond()), p99(trial.streams()));
        }
        confirm.print(out, "  ");
        out.flush();
        return buffer.toString();
    }

    private static String p99(PassThroughBaseline.Result result) {
        return result.latency() == null ? "-" : String.valueOf(result.latency().p99());
    }
}
