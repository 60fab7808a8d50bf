package dev.newsroom.devtools.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsroom.ops.operate.TextTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one {@code newsroom bench} run measured, as a table for people, JSON for scripts and Markdown for the log. */
record BenchReport(Machine machine, String loadAverageAtEnd, String mode, String settings, String deployment,
                   String stack, Workload workload, EndToEnd pipeline, List<PassThroughBaseline.Result> baselines,
                   List<Stage> stages, double machineBusyShare, double runShare, List<Memory> memory, String bound,
                   List<InstanceBalance.Instance> instances) {

    /** The documents sent in the measured phase. */
    record Workload(int documents, int bad, long expectedArticles, long bytes, int minBytes, int maxBytes,
                    double arabicShare, int warmup, double rate, double durationSeconds) {
    }

    /** Raw in to published out. */
    record EndToEnd(long documents, long articles, long deadLetters, long bytes, double seconds,
                    Latencies.Summary latency, boolean complete) {
        double documentsPerSecond() {
            return seconds <= 0 ? 0 : documents / seconds;
        }

        double articlesPerSecond() {
            return seconds <= 0 ? 0 : articles / seconds;
        }

        double megabytesPerSecond() {
            return seconds <= 0 ? 0 : bytes / seconds / 1e6;
        }
    }

    /**
     * One stage (or other CPU user) in the measured phase.
     *
     * @param records      records the stage took in (null for what is not a stage)
     * @param maxBacklog   the largest lag of its consumer group seen (null for what is not a stage)
     * @param threadTime   how its stream thread spent its time, as Kafka Streams reports it (null if unknown)
     * @param allocatedBytes heap its threads allocated (null where unknown: a service in a process of its own)
     */
    record Stage(String name, String flow, Long records, double cpuSeconds, double cpuShare, Long maxBacklog,
                 String threadTime, Long allocatedBytes) {
        @JsonProperty
        Double recordsPerCpuSecond() {
            return records == null || cpuSeconds <= 0 ? null : records / cpuSeconds;
        }

        /** Kilobytes of heap allocated per record taken in; null where either is unknown. */
        @JsonProperty
        Double allocatedKilobytesPerRecord() {
            return records == null || records == 0 || allocatedBytes == null ? null : allocatedBytes / 1024.0 / records;
        }
    }

    /** One JVM or process: heap, resident memory, GC pauses and state stores in the measured phase. */
    record Memory(String name, String holds, long heapMaxMb, long heapLimitMb, long residentMaxMb,
                  GcPauses.Summary gc, String stateStores) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The EOS Streams baseline, the yardstick the ratios are taken against; null if it was not run. */
    PassThroughBaseline.Result streamsBaseline() {
        return baselines.stream().filter(result -> result.name().startsWith("Kafka Streams")).findFirst().orElse(null);
    }

    String text() {
        StringWriter buffer = new StringWriter();
        PrintWriter out = new PrintWriter(buffer);
        out.printf("newsroom bench: %s; %s%n", mode, settings);
        out.printf("  load      %,d raw documents (%.0f%% Arabic, the rest English; %,d bad) of %s–%s, mean %s;"
                        + " %,d articles expected; after %,d warm-up documents%n",
                workload.documents(), 100 * workload.arabicShare(), workload.bad(), kb(workload.minBytes()),
                kb(workload.maxBytes()), kb(workload.documents() == 0 ? 0 : workload.bytes() / workload.documents()),
                workload.expectedArticles(), workload.warmup());
        out.printf("  machine   %d cores, %s, %s; load average %s at start, %s at end; machine busy %.0f%%, this"
                        + " run %.0f%% of it%n", machine.cores(), machine.cpu(), machine.jdk(), machine.loadAverage(),
                loadAverageAtEnd, 100 * machineBusyShare, machineBusyShare <= 0 ? 0 : 100 * runShare / machineBusyShare);
        out.printf("  stack     %s; %s%n", stack, deployment);
        out.printf("  date      %s%n", machine.date());
        out.println();

        PassThroughBaseline.Result yardstick = streamsBaseline();
        TextTable summary = TextTable.of("", "docs/s", "MB/s", "articles/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "vs Streams EOS baseline");
        summary.row("pipeline raw→published" + (pipeline.complete() ? "" : " (INCOMPLETE)"),
                number(pipeline.documentsPerSecond()), decimal(pipeline.megabytesPerSecond()),
                number(pipeline.articlesPerSecond()), pipeline.latency().p50(), pipeline.latency().p90(),
                pipeline.latency().p99(), pipeline.latency().max(), ratios(pipeline.documentsPerSecond(),
                        pipeline.megabytesPerSecond(), pipeline.latency(), yardstick));
        for (PassThroughBaseline.Result baseline : baselines) {
            Latencies.Summary latency = baseline.latency();
            summary.row("baseline: " + baseline.name() + (baseline.complete() ? "" : " (INCOMPLETE)"),
                    number(baseline.recordsPerSecond()), decimal(baseline.megabytesPerSecond()), "-",
                    latency == null ? "-" : latency.p50(), latency == null ? "-" : latency.p90(),
                    latency == null ? "-" : latency.p99(), latency == null ? "-" : latency.max(),
                    baseline == yardstick ? "1" : ratios(baseline.recordsPerSecond(), baseline.megabytesPerSecond(),
                            latency, yardstick));
        }
        summary.print(out, "  ");
        out.println("  (baseline docs/s are records/s of the same raw records; latency: raw record's timestamp to read by"
                + " a read_committed consumer)");
        out.println();

        TextTable stageTable = TextTable.of("stage", "in → out", "CPU s", "CPU share", "per CPU-second",
                "KB allocated per record", "max backlog", "stream thread time");
        for (Stage stage : stages) {
            Double perCpu = stage.recordsPerCpuSecond();
            Double allocated = stage.allocatedKilobytesPerRecord();
            stageTable.row(stage.name(), stage.flow() == null ? "" : stage.flow(), decimal(stage.cpuSeconds()),
                    percent(stage.cpuShare()), perCpu == null ? "" : number(perCpu),
                    allocated == null ? "" : number(allocated),
                    stage.maxBacklog() == null ? "" : String.format(Locale.ROOT, "%,d", stage.maxBacklog()),
                    stage.threadTime() == null ? "" : stage.threadTime());
        }
        stageTable.print(out, "  ");
        out.println("  (CPU share: of all cores for the measured phase; per CPU-second: records taken in per second of"
                + " the stage's CPU; KB allocated: heap its threads allocated per record taken in; stream thread time:"
                + " Kafka Streams' own ratios, summed over the stage's stream threads and instances)");
        out.println();

        TextTable memoryTable = TextTable.of("JVM / process", "holds", "heap max MB", "heap limit MB", "RSS max MB",
                "GC pauses", "max pause ms", "pauses > 50 ms", "state stores");
        for (Memory row : memory) {
            memoryTable.row(row.name(), row.holds(), row.heapMaxMb(), row.heapLimitMb(), row.residentMaxMb(),
                    row.gc().count(), decimal(row.gc().maxMillis()), row.gc().over50Millis(), row.stateStores());
        }
        memoryTable.print(out, "  ");
        out.println();
        if (!instances.isEmpty()) {
            TextTable scaleOut = TextTable.of("instance", "input partitions owned", "records in", "records/s", "CPU s",
                    "per CPU-second");
            for (InstanceBalance.Instance instance : instances) {
                scaleOut.row(instance.name(), instance.inputTopic().replaceFirst("^.*?(newsroom\\.)", "$1") + " "
                                + instance.partitions(),
                        String.format(Locale.ROOT, "%,d", instance.records()), number(instance.recordsPerSecond()),
                        decimal(instance.cpuSeconds()), instance.cpuSeconds() <= 0 ? ""
                                : number(instance.records() / instance.cpuSeconds()));
            }
            scaleOut.print(out, "  ");
            out.println("  (each instance's share of its service's input in the measured phase: the partitions its"
                    + " consumer group gave it, and the records they took in)");
            out.println();
        }
        out.printf("  bound by  %s%n", bound);
        out.flush();
        return buffer.toString();
    }

    private static String ratios(double perSecond, double megabytes, Latencies.Summary latency,
                                 PassThroughBaseline.Result yardstick) {
        if (yardstick == null || yardstick.recordsPerSecond() <= 0) {
            return "-";
        }
        String text = String.format(Locale.ROOT, "%.3f× docs/s", perSecond / yardstick.recordsPerSecond());
        if (latency != null && yardstick.latency() != null && yardstick.latency().p99() > 0) {
            text += String.format(Locale.ROOT, ", %.2f× p99", (double) latency.p99() / yardstick.latency().p99());
        }
        return text;
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", machine.date());
        root.put("machine", Map.of("cores", machine.cores(), "cpu", machine.cpu(), "jdk", machine.jdk(),
                "loadAverageAtStart", machine.loadAverage(), "loadAverageAtEnd", loadAverageAtEnd,
                "machineBusyShare", machineBusyShare, "runShare", runShare));
        root.put("mode", mode);
        root.put("settings", settings);
        root.put("deployment", deployment);
        root.put("stack", stack);
        root.put("workload", workload);
        Map<String, Object> endToEnd = new LinkedHashMap<>();
        endToEnd.put("documents", pipeline.documents());
        endToEnd.put("articles", pipeline.articles());
        endToEnd.put("deadLetters", pipeline.deadLetters());
        endToEnd.put("seconds", pipeline.seconds());
        endToEnd.put("documentsPerSecond", pipeline.documentsPerSecond());
        endToEnd.put("articlesPerSecond", pipeline.articlesPerSecond());
        endToEnd.put("megabytesPerSecond", pipeline.megabytesPerSecond());
        endToEnd.put("latencyMillis", pipeline.latency());
        endToEnd.put("complete", pipeline.complete());
        PassThroughBaseline.Result yardstick = streamsBaseline();
        if (yardstick != null && yardstick.recordsPerSecond() > 0) {
            endToEnd.put("ratioToStreamsBaseline", pipeline.documentsPerSecond() / yardstick.recordsPerSecond());
            if (yardstick.latency() != null && yardstick.latency().p99() > 0) {
                endToEnd.put("p99RatioToStreamsBaseline", (double) pipeline.latency().p99() / yardstick.latency().p99());
            }
        }
        root.put("pipeline", endToEnd);
        List<Map<String, Object>> baselineList = new ArrayList<>();
        for (PassThroughBaseline.Result baseline : baselines) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", baseline.name());
            entry.put("records", baseline.records());
            entry.put("seconds", baseline.seconds());
            entry.put("recordsPerSecond", baseline.recordsPerSecond());
            entry.put("megabytesPerSecond", baseline.megabytesPerSecond());
            entry.put("latencyMillis", baseline.latency());
            entry.put("complete", baseline.complete());
            baselineList.add(entry);
        }
        root.put("baselines", baselineList);
        root.put("stages", stages);
        root.put("memory", memory);
        root.put("bound", bound);
        if (!instances.isEmpty()) {
            root.put("instances", instances.stream().map(instance -> Map.of("name", instance.name(), "service",
                    instance.service(), "inputTopic", instance.inputTopic(), "partitions", instance.partitions(),
                    "records", instance.records(), "recordsPerSecond", instance.recordsPerSecond(), "cpuSeconds",
                    instance.cpuSeconds())).toList());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the report as JSON", e);
        }
    }

    /** A section for docs/benchmarks.md: when, on what, how to reproduce it, and the table. */
    String markdown(String commandLine, String note) {
        StringBuilder text = new StringBuilder();
        text.append("\n### ").append(machine.date()).append(": ").append(mode);
        if (note != null && !note.isBlank()) {
            text.append(" (").append(note).append(')');
        }
        text.append("\n\n");
        text.append("`").append(commandLine).append("`; ").append(machine.cores()).append(" cores, ")
                .append(machine.cpu()).append(", ").append(machine.jdk()).append(", load average ")
                .append(machine.loadAverage()).append(" at start.\n\n");
        text.append("```\n").append(text()).append("```\n");
        return text.toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
