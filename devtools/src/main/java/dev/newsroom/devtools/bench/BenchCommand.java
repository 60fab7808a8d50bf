package dev.newsroom.devtools.bench;

import dev.newsroom.devstack.EmbeddedKafkaStack;
import dev.newsroom.ops.cli.ConnectionOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsroom bench}: the pipeline end to end under load, against the raw Kafka pass-through of the same run. */
@Command(name = "bench", description = {
        "Run ingest, enrich and publish under a load of realistic raw documents (Arabic and English, from the samples)"
                + " and report documents/s, MB/s, latency raw→published, CPU per stage, heap, RSS and GC pauses, each"
                + " also as a ratio to a raw Kafka pass-through (3 hops, plain and Kafka Streams) measured in the same"
                + " run on the same records.",
        "Two modes: --documents N at full speed (default 5000), or --rate R --duration D.",
        "Uses the embedded stack unless --bootstrap-servers is given. Appends the table to docs/benchmarks.md with"
                + " the machine and date (--no-record to skip).",
        "--search-clients instead looks for the Kafka client settings under which the baselines run fastest."})
public final class BenchCommand implements Callable<Integer> {

    static final Map<String, Map<String, String>> PROFILES = Map.of(
            "default", Map.of(),
            "low-latency", Map.of("commit.interval.ms", "20", "poll.ms", "10"));
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @Option(names = "--documents", paramLabel = "N", description = "Measure N documents sent at full speed (default 5000).")
    Integer documents;

    @Option(names = "--rate", paramLabel = "R", description = "Send R documents per second (with --duration).")
    Double rate;

    @Option(names = "--duration", paramLabel = "D", description = "How long to send at --rate: 90s, 2m ...")
    String duration;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "500",
            description = "Documents sent and awaited before measuring, so the JIT has compiled the hot paths (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-until-compiled",
            description = "After the warm-up documents, send as many again, round after round, until the JIT compiler"
                    + " takes at most 5%% of the machine: the steady state of a service that has been up for a while,"
                    + " which a short run does not reach (services in this JVM only).")
    boolean warmupUntilCompiled;

    @Option(names = "--bad-share", paramLabel = "SHARE", defaultValue = "0",
            description = "Share of bad inputs (malformed, unsafe, empty, not our wire format), 0..1 (default ${DEFAULT-VALUE}).")
    double badShare;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of every topic, the baselines' too (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "default",
            description = "Service settings: default, or low-latency (commit.interval.ms=20, poll.ms=10).")
    String profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting for every service, e.g. processing.guarantee=at_least_once; the Streams baseline"
                    + " follows processing.guarantee, commit.interval.ms and poll.ms.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--clients", paramLabel = "NAME", defaultValue = "throughput",
            description = "Kafka client settings of the load, the baselines and the services alike: throughput"
                    + " (larger batches and fetches, found by --search-clients) or kafka-defaults (default"
                    + " ${DEFAULT-VALUE}).")
    String clients;

    @Option(names = "--search-clients",
            description = "Instead of a run: try producer and consumer settings one at a time on the raw produce and"
                    + " Streams pass-through baselines, keep the best of each, and compare the result with Kafka's"
                    + " defaults.")
    boolean searchClients;

    @Option(names = "--baseline", paramLabel = "WHICH", defaultValue = "all",
            description = "Baselines to run: all, none, or a list of produce, plain, streams (default ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--baseline-records", paramLabel = "N", defaultValue = "50000",
            description = "Records per full-speed baseline, cycling through the measured documents (default ${DEFAULT-VALUE}).")
    int baselineRecords;

    @Option(names = "--baseline-warmup", paramLabel = "N", defaultValue = "20000",
            description = "Records through each pass-through baseline before measuring it (default ${DEFAULT-VALUE}).")
    int baselineWarmup;

    @Option(names = "--separate-processes",
            description = "Run each service as its own JVM (newsroom service NAME) with --service-jvm-options, and"
                    + " report each one's heap, RSS and GC pauses.")
    boolean separateProcesses;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "With --separate-processes: N instances of each service, sharing its partitions; the report"
                    + " shows the partitions each one owned and its throughput.")
    int instances;

    @Option(names = "--service-jvm-options", paramLabel = "OPTIONS", defaultValue = "-Xmx256m",
            description = "JVM options of each service process (default ${DEFAULT-VALUE}).")
    String serviceJvmOptions;

    @Option(names = {"--bootstrap-servers", "--bootstrap-server", "-b"}, paramLabel = "HOST:PORT",
            description = "Benchmark against this Kafka cluster instead of the embedded stack.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "The registry of that cluster (default: $SCHEMA_REGISTRY_URL or http://localhost:8081/apis/ccompat/v7).")
    String schemaRegistryUrl;

    @Option(names = {"--client-config", "--command-config"}, paramLabel = "FILE",
            description = "Kafka client properties (SASL, TLS ...).")
    Path clientConfig;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${sys:newsroom.home:-.}/samples",
            description = "The sample inputs the documents are made from (default: the repository's samples/).")
    Path samples;

    @Option(names = "--json", description = "Print the figures as JSON instead of the table.")
    boolean json;

    @Option(names = "--record", paramLabel = "FILE", defaultValue = "${sys:newsroom.home:-.}/docs/benchmarks.md",
            description = "Where the table is appended (default: docs/benchmarks.md).")
    Path record;

    @Option(names = "--no-record", description = "Do not append the results anywhere.")
    boolean noRecord;

    @Option(names = "--note", paramLabel = "TEXT", description = "A label for the recorded run, e.g. \"before optimisation\".")
    String note;

    @Option(names = "--timeout", paramLabel = "D", defaultValue = "15m",
            description = "Longest a phase may take (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the document mix.")
    long seed;

    @Spec
    CommandSpec spec;

    /** What runs once the cluster is there. */
    private interface OnCluster<T> {
        T run(Map<String, Object> kafkaConfig, String registryUrl, String stackDescription) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        BenchRun.Settings settings = settings();
        Machine machine = Machine.now();
        PrintWriter progress = spec.commandLine().getErr();
        String runId = "bench-" + HexFormat.of().formatHex(randomBytes());
        Path work = Files.createTempDirectory("newsroom-bench-");
        PrintWriter out = spec.commandLine().getOut();
        if (searchClients) {
            String found = onCluster(work, progress, runId, (kafka, registry, stack) ->
                    new ClientSearch(kafka, registry, settings, work, progress, runId).run());
            out.print(found);
            out.flush();
            if (!noRecord) {
                append("\n### " + machine.date() + ": client settings search\n\n`" + commandLine() + "`; "
                        + machine.cores() + " cores, " + machine.cpu() + ", " + machine.jdk() + ", load average "
                        + machine.loadAverage() + " at start.\n\n```\n" + found + "```\n");
                progress.println("Appended to " + record);
            }
            return 0;
        }
        BenchReport report = onCluster(work, progress, runId, (kafka, registry, stack) -> {
            BenchRun run = new BenchRun(settings, kafka, registry, stack, work, progress, runId);
            try {
                return run.run(machine);
            } finally {
                if (bootstrapServers != null) {
                    run.deleteTopics();
                }
            }
        });
        out.print(json ? report.json() + "\n" : report.text());
        out.flush();
        if (!noRecord) {
            append(report.markdown(commandLine(), note));
            progress.println("Appended to " + record);
        }
        if (!report.pipeline().complete()) {
            progress.println("newsroom bench: the pipeline did not deliver everything it was sent; see the table");
            return 1;
        }
        return 0;
    }

    private <T> T onCluster(Path work, PrintWriter progress, String runId, OnCluster<T> action) throws Exception {
        try {
            if (bootstrapServers == null) {
                progress.println("Starting Kafka (in-process KRaft) and the schema registry (Apicurio, child process) ...");
                progress.flush();
                try (EmbeddedKafkaStack stack = EmbeddedKafkaStack.start(work.resolve("stack"), 0, 0)) {
                    return action.run(Map.of("bootstrap.servers", stack.bootstrapServers()), stack.schemaRegistryUrl(),
                            stack.description());
                }
            }
            String registry = schemaRegistryUrl != null ? schemaRegistryUrl
                    : System.getenv().getOrDefault("SCHEMA_REGISTRY_URL", "http://localhost:8081/apis/ccompat/v7");
            return action.run(kafkaConfig(), registry, "Kafka at " + bootstrapServers + " + registry at " + registry);
        } finally {
            deleteTree(work);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    BenchRun.Settings settings() {
        boolean fixedRate = rate != null || duration != null;
        if (fixedRate && (rate == null || duration == null)) {
            throw new ParameterException(spec.commandLine(), "--rate and --duration go together");
        }
        if (fixedRate && documents != null) {
            throw new ParameterException(spec.commandLine(), "Give either --documents or --rate with --duration");
        }
        if (fixedRate && rate <= 0) {
            throw new ParameterException(spec.commandLine(), "--rate must be positive");
        }
        if (warmupUntilCompiled && separateProcesses) {
            throw new ParameterException(spec.commandLine(), "--warmup-until-compiled watches this JVM's compiler, so it"
                    + " cannot go with --separate-processes");
        }
        if (instances < 1 || (instances > 1 && !separateProcesses)) {
            throw new ParameterException(spec.commandLine(), "--instances must be at least 1, and more than one needs"
                    + " --separate-processes (each instance is its own JVM)");
        }
        if (badShare < 0 || badShare > 1) {
            throw new ParameterException(spec.commandLine(), "--bad-share must be between 0 and 1");
        }
        Map<String, String> profileSettings = PROFILES.get(profile);
        if (profileSettings == null) {
            throw new ParameterException(spec.commandLine(), "Unknown --profile '" + profile + "' (default or low-latency)");
        }
        Map<String, String> serviceSettings = new LinkedHashMap<>(profileSettings);
        serviceSettings.putAll(overrides);
        ClientTuning tuning;
        try {
            tuning = ClientTuning.named(clients);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new BenchRun.Settings(documents == null ? 5000 : documents, warmup, warmupUntilCompiled, fixedRate ? rate : 0,
                fixedRate ? duration(duration) : Duration.ZERO, badShare, partitions, serviceSettings, tuning,
                baselines(), baselineRecords, baselineWarmup, separateProcesses, instances,
                Arrays.asList(serviceJvmOptions.trim().split("\\s+")), samples, duration(timeout), seed);
    }

    private java.util.Set<BenchRun.Baseline> baselines() {
        try {
            return BenchRun.baselines(baseline);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Unknown --baseline '" + baseline
                    + "' (all, none, or a list of produce, plain, streams)");
        }
    }

    private Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new ParameterException(spec.commandLine(), "Not a duration: '" + text + "' (e.g. 90s, 2m)");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private Map<String, Object> kafkaConfig() {
        Map<String, Object> config = ConnectionOptions.read(clientConfig);
        config.remove("schema.registry.url");
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** The command as typed, with the JVM options that shaped it, so a recorded run can be repeated. */
    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String javaOptions = System.getenv("NEWSROOM_JAVA_OPTS");
        return (javaOptions == null || javaOptions.isBlank() ? "" : "NEWSROOM_JAVA_OPTS='" + javaOptions + "' ")
                + "./newsroom " + (args.isEmpty() || !args.get(0).equals("bench") ? "bench " : "")
                + args.stream().map(BenchCommand::shellQuoted).collect(java.util.stream.Collectors.joining(" "));
    }

    private static String shellQuoted(String argument) {
        return argument.matches("[A-Za-z0-9_./:=,@%+-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    private void append(String section) throws IOException {
        Path file = record.toAbsolutePath();
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, "# Benchmarks\n\nRuns of `./newsroom bench`, newest last.\n");
        }
        Files.writeString(file, section, StandardOpenOption.APPEND);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
