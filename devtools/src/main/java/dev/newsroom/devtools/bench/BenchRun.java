package dev.newsroom.devtools.bench;

import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.enrich.service.EnrichApplication;
import dev.newsroom.ingest.service.IngestApplication;
import dev.newsroom.devtools.bench.LoadProducer.Payload;
import dev.newsroom.ops.stack.Pipeline;
import dev.newsroom.ops.stack.Services;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.streams.StreamsApplication;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One benchmark run against a Kafka cluster and registry: the pipeline warmed up and then measured, at full speed
 * or at a fixed rate, then the pass-through baselines on the same records; all topics and groups are the run's
 * own (prefixed with its id), so runs can share a cluster.
 */
final class BenchRun {

    /** The pass-through baselines a run can measure. */
    enum Baseline { PRODUCE, PLAIN, STREAMS }

    /**
     * How to run.
     *
     * @param documents       documents in the measured phase at full speed (ignored when {@code rate > 0})
     * @param rate            documents per second for a fixed-rate run; 0 for full speed
     * @param serviceSettings settings every service gets (processing guarantee, commit interval, poll time ...)
     * @param clients         the Kafka client settings of the load, the baselines and the services alike
     * @param warmupUntilCompiled after the warm-up documents, more rounds of as many until the JIT compiler is idle
     * @param instances       instances of each service, each its own JVM (with {@code separateProcesses})
     */
    record Settings(int documents, int warmup, boolean warmupUntilCompiled, double rate, Duration duration, double badShare, int partitions,
                    Map<String, String> serviceSettings, ClientTuning clients, Set<Baseline> baselines, int baselineRecords,
                    int baselineWarmup, boolean separateProcesses, int instances, List<String> serviceJvmOptions,
                    Path samples, Duration timeout, long seed) {
        int measuredDocuments() {
            return rate > 0 ? (int) Math.ceil(rate * duration.toMillis() / 1000.0) : documents;
        }

        /** The Streams pass-through's guarantee, commit interval and poll time: as the services run. */
        Map<String, Object> baselineStreamsSettings() {
            Map<String, Object> streams = new LinkedHashMap<>();
            streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, serviceSettings
                    .getOrDefault(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2));
            streams.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, serviceSettings
                    .getOrDefault(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100"));
            if (serviceSettings.containsKey(StreamsConfig.POLL_MS_CONFIG)) {
                streams.put(StreamsConfig.POLL_MS_CONFIG, serviceSettings.get(StreamsConfig.POLL_MS_CONFIG));
            }
            return streams;
        }
    }

    private static final Duration STALL = Duration.ofSeconds(120);
    private static final int MOST_WARMUP_ROUNDS = 40;

    private final Settings settings;
    private final Map<String, Object> kafkaConfig;
    private final String registryUrl;
    private final String stackDescription;
    private final Path work;
    private final PrintWriter progress;
    private final String runId;

    /**
     * @param kafkaConfig Kafka client settings (bootstrap servers and any security settings)
     * @param progress    where to say what is happening (stderr: stdout may carry JSON)
     */
    BenchRun(Settings settings, Map<String, Object> kafkaConfig, String registryUrl, String stackDescription, Path work,
             PrintWriter progress, String runId) {
        this.settings = settings;
        this.kafkaConfig = kafkaConfig;
        this.registryUrl = registryUrl;
        this.stackDescription = stackDescription;
        this.work = work;
        this.progress = progress;
        this.runId = runId;
    }

    /** @param machine described before anything started, so its load average is the machine's own */
    BenchReport run(Machine machine) throws Exception {
        Map<String, String> common = commonSettings();
        TopicCatalogue topics = TopicCatalogue.of(common, new SchemaRegistryClient(registryUrl));
        Serializer<RawDocument> serializer = topics.raw().valueSerde().serializer();

        say("Making %,d warm-up and %,d measured documents from %s ...", settings.warmup(),
                settings.measuredDocuments(), settings.samples());
        DocumentMix mix = new DocumentMix(settings.samples(), runId, settings.seed());
        GeneratedDocuments warmup = GeneratedDocuments.generate(mix, "w", 0, settings.warmup(), serializer,
                topics.raw().name());
        GeneratedDocuments measured = GeneratedDocuments.generate(mix, "m", settings.badShare(),
                settings.measuredDocuments(), serializer, topics.raw().name());

        IntFunction<GeneratedDocuments> moreWarmup = round -> GeneratedDocuments.generate(mix, "w" + round, 0,
                settings.warmup(), serializer, topics.raw().name());
        Map<Services, Map<String, String>> perService = perServiceSettings();
        PipelineFigures figures;
        if (settings.separateProcesses()) {
            say("Starting %s of ingest, enrich and publish as separate JVMs (%s) ...", settings.instances() == 1
                    ? "one instance" : settings.instances() + " instances", String.join(" ", settings.serviceJvmOptions()));
            Map<Services, Map<String, Map<String, String>>> processSettings = new LinkedHashMap<>();
            perService.forEach((service, own) -> {
                Map<String, Map<String, String>> instances = new LinkedHashMap<>();
                for (int i = 1; i <= settings.instances(); i++) {
                    String name = instanceName(service, i);
                    Map<String, String> all = new LinkedHashMap<>(common);
                    all.putAll(own);
                    all.put(CommonSettings.STATE_DIR.key(), work.resolve("state").resolve(name).toString());
                    if (i > 1) {
                        all.put(CommonSettings.MANAGEMENT_PORT.key(), String.valueOf(LoopbackPorts.free()));
                        all.computeIfPresent(PublishSettings.HTTP_PORT.key(), (key, port) -> String.valueOf(LoopbackPorts.free()));
                    }
                    if (settings.instances() > 1) {
                        all.put("kafka." + StreamsConfig.CLIENT_ID_CONFIG, runId + "-" + name);
                    }
                    instances.put(name, all);
                }
                processSettings.put(service, instances);
            });
            try (ServiceProcesses processes = ServiceProcesses.start(processSettings, settings.serviceJvmOptions(), work)) {
                if (!processes.awaitReady(Duration.ofMinutes(3))) {
                    throw new IllegalStateException("The service processes were not ready within 3 minutes (logs in "
                            + work + ")");
                }
                figures = measurePipeline(topics, warmup, moreWarmup, measured, processes);
            }
        } else {
            say("Starting ingest, enrich and publish in this JVM ...");
            Map<Services, StreamsApplication> applications = new LinkedHashMap<>();
            applications.put(Services.INGEST, new IngestApplication());
            applications.put(Services.ENRICH, new EnrichApplication());
            applications.put(Services.PUBLISH, new PublishApplication(Map.of()));
            try (Pipeline pipeline = Pipeline.start(applications, common, perService, work.resolve("state"))) {
                if (!pipeline.awaitReady(Duration.ofMinutes(3))) {
                    throw new IllegalStateException("The services were not ready within 3 minutes");
                }
                figures = measurePipeline(topics, warmup, moreWarmup, measured, pipeline);
            }
        }

        List<PassThroughBaseline.Result> baselines = runBaselines(measured.payloads());
        String settingsText = settingsText();
        return new BenchReport(machine, Machine.currentLoadAverage(), modeText(), settingsText,
                settings.separateProcesses() ? "services as separate JVMs (" + String.join(" ",
                        settings.serviceJvmOptions()) + ")" : "ingest, enrich and publish in this JVM",
                stackDescription, measured.workload(figures.warmupDocuments(), settings.rate(), settings.rate() > 0
                        ? settings.duration().toMillis() / 1000.0 : 0), figures.endToEnd(), baselines, figures.stages(),
                figures.machineBusyShare(), figures.runShare(), figures.memory(), figures.bound(), figures.instances());
    }

    private String instanceName(Services service, int instance) {
        return settings.instances() == 1 ? service.label() : service.label() + "-" + instance;
    }

    private Map<String, String> commonSettings() {
        Map<String, String> common = new HashMap<>();
        kafkaConfig.forEach((key, value) -> common.put(key.equals("bootstrap.servers") ? key : "kafka." + key,
                String.valueOf(value)));
        common.put("schema.registry.url", registryUrl);
        common.put(CommonSettings.TOPIC_PARTITIONS.key(), String.valueOf(settings.partitions()));
        common.putAll(TopicCatalogue.prefixed(runId + "."));
        common.putAll(settings.clients().serviceSettings());
        common.putAll(settings.serviceSettings());
        return common;
    }

    private String applicationId(Services service) {
        return runId + "-" + service.label();
    }

    private Map<Services, Map<String, String>> perServiceSettings() throws IOException {
        Files.createDirectories(work);
        Path outlets = Files.writeString(work.resolve("outlets.yaml"), """
                outlets:
                  - name: wire
                    kind: kafka
                    topic: %s.newsroom.outlet.wire.v1
                  - name: latest
                    kind: feed
                    title: newsroom bench
                    link: https://bench.example/
                    items: 50
                """.formatted(runId));
        Map<Services, Map<String, String>> perService = new LinkedHashMap<>();
        for (Services service : Services.all()) {
            Map<String, String> own = new LinkedHashMap<>();
            own.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(service));
            own.put(CommonSettings.MANAGEMENT_PORT.key(), String.valueOf(settings.separateProcesses() ? LoopbackPorts.free() : 0));
            if (service == Services.PUBLISH) {
                own.put(PublishSettings.OUTLETS_FILE.key(), outlets.toString());
                own.put(PublishSettings.HTTP_PORT.key(), String.valueOf(LoopbackPorts.free()));
            }
            perService.put(service, own);
        }
        return perService;
    }

    /** What the measured phase of the pipeline showed. */
    private record PipelineFigures(BenchReport.EndToEnd endToEnd, List<BenchReport.Stage> stages,
                                   double machineBusyShare, double runShare, List<BenchReport.Memory> memory,
                                   String bound, int warmupDocuments, List<InstanceBalance.Instance> instances) {
    }

    private PipelineFigures measurePipeline(TopicCatalogue topics, GeneratedDocuments warmup,
                                            IntFunction<GeneratedDocuments> moreWarmup, GeneratedDocuments measured,
                                            Object services) throws Exception {
        Pipeline inProcess = services instanceof Pipeline pipeline ? pipeline : null;
        ServiceProcesses processes = services instanceof ServiceProcesses children ? children : null;
        String published = topics.published().name();
        String deadLetters = topics.deadLetters().name();
        String articles = topics.articles().name();
        String enriched = topics.enriched().name();
        String nothingDue = topics.ingestOutcomes().name();

        Map<String, String> groups = new LinkedHashMap<>();
        Services.all().forEach(service -> groups.put(service.label(), applicationId(service)));
        Map<String, ProcessHandle> watched = new LinkedHashMap<>();
        if (processes != null) {
            processes.children().forEach(child -> watched.put(child.name(), child.process().toHandle()));
        }
        Set<Long> servicePids = new java.util.HashSet<>();
        watched.values().forEach(handle -> servicePids.add(handle.pid()));
        ProcessHandle.current().children().filter(child -> !servicePids.contains(child.pid()))
                .forEach(child -> watched.put("registry and other child processes", child));
        CpuMeter cpu = cpuMeter(processes, watched);
        Map<String, Object> adminConfig = new HashMap<>(kafkaConfig);
        adminConfig.put("client.id", runId + "-sampler");

        try (ArrivalReader reader = ArrivalReader.start(kafkaConfig,
                List.of(published, deadLetters, articles, enriched, nothingDue), published);
             LoadProducer producer = new LoadProducer(settings.clients().producerConfig(kafkaConfig), runId + "-load");
             Sampler sampler = new Sampler(adminConfig, groups, watched);
             Admin admin = Admin.create(adminConfig)) {
            say("Warming up with %,d documents (%,d articles) ...", warmup.payloads().size(), warmup.expectedArticles());
            CompilerWatch compiler = settings.warmupUntilCompiled() ? new CompilerWatch() : null;
            warmUp(warmup, topics, reader, producer);
            int warmedUp = warmup.payloads().size();
            for (int round = 1; compiler != null && round <= MOST_WARMUP_ROUNDS; round++) {
                double busy = compiler.busyShareSinceLastLook();
                say("The JIT compiler took %s of the machine in the last warm-up round", BenchReport.percent(busy));
                if (busy <= CompilerWatch.IDLE_SHARE) {
                    break;
                }
                GeneratedDocuments more = moreWarmup.apply(round);
                warmUp(more, topics, reader, producer);
                warmedUp += more.payloads().size();
            }

            say(settings.rate() > 0 ? "Measuring: %,d documents at %s documents/s ..." : "Measuring: %,d documents at full"
                    + " speed ...", measured.payloads().size(), BenchReport.number(settings.rate()));
            Map<ServiceProcesses.Child, GcPauses.LogWindow> childGc = new LinkedHashMap<>();
            if (processes != null) {
                processes.children().forEach(child -> childGc.put(child, GcPauses.logFrom(child.gcLog())));
            }
            InstanceBalance balance = settings.instances() > 1 ? InstanceBalance.begin(admin, balanced(topics), watched)
                    : null;
            GcPauses.InProcess gc = GcPauses.inThisJvm();
            sampler.reset();
            CpuMeter.Snapshot before = cpu.snapshot();
            reader.begin(System.currentTimeMillis());
            LoadProducer.Sent sent = settings.rate() > 0
                    ? producer.sendAtRate(topics.raw().name(), measured.payloads(), settings.rate())
                    : producer.sendAll(topics.raw().name(), measured.payloads());
            boolean complete = reader.await(() -> reader.count(published) >= measured.expectedArticles()
                    && reader.count(deadLetters) >= measured.bad(), STALL, settings.timeout());
            CpuMeter.Usage usage = cpu.snapshot().since(before);
            GcPauses.Summary thisJvmGc = gc.stop();
            Map<String, String> threadTimes = StreamThreadTimes.read(inProcess, processes);
            List<InstanceBalance.Instance> instances = balance == null ? List.of() : balance.end(reader);

            double seconds = (reader.lastArrivalNanos() - sent.startedNanos()) / 1e9;
            BenchReport.EndToEnd endToEnd = new BenchReport.EndToEnd(sent.records(), reader.count(published),
                    reader.count(deadLetters), sent.bytes(), seconds, reader.latencies().summary(), complete);
            if (!complete) {
                say("The run did not complete: %,d of %,d articles and %,d of %,d dead letters arrived",
                        reader.count(published), measured.expectedArticles(), reader.count(deadLetters), measured.bad());
            }
            List<BenchReport.Stage> stages = stages(usage, measured, endToEnd, sampler.maxLag(), threadTimes);
            List<BenchReport.Memory> memory = MemoryReadings.rows(work, sampler, thisJvmGc, childGc, processes);
            double runCpu = usage.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
            return new PipelineFigures(endToEnd, stages,
                    usage.machineBusySeconds() / (usage.wallSeconds() * usage.cores()),
                    runCpu / (usage.wallSeconds() * usage.cores()), memory, bound(stages), warmedUp, instances);
        }
    }

    /** Sends warm-up documents and waits until all their articles are published. */
    private void warmUp(GeneratedDocuments documents, TopicCatalogue topics, ArrivalReader reader,
                        LoadProducer producer) throws InterruptedException {
        String published = topics.published().name();
        reader.begin(System.currentTimeMillis());
        producer.sendAll(topics.raw().name(), documents.payloads());
        if (!reader.await(() -> reader.count(published) >= documents.expectedArticles(), STALL, settings.timeout())) {
            throw new IllegalStateException(("The warm-up documents did not all come through: %d of %d articles"
                    + " published; ingest made %d articles and %d nothing-due outcomes, enrich %d articles, %d dead"
                    + " letters").formatted(reader.count(published), documents.expectedArticles(),
                    reader.count(topics.articles().name()), reader.count(topics.ingestOutcomes().name()),
                    reader.count(topics.enriched().name()), reader.count(topics.deadLetters().name())));
        }
    }

    /** Each service's input topic and its instances by the client id each was given. */
    private List<InstanceBalance.Service> balanced(TopicCatalogue topics) {
        Map<Services, String> inputs = Map.of(Services.INGEST, topics.raw().name(), Services.ENRICH,
                topics.articles().name(), Services.PUBLISH, topics.enriched().name());
        List<InstanceBalance.Service> services = new ArrayList<>();
        for (Services service : Services.all()) {
            Map<String, String> clientIds = new LinkedHashMap<>();
            for (int i = 1; i <= settings.instances(); i++) {
                clientIds.put(runId + "-" + instanceName(service, i), instanceName(service, i));
            }
            services.add(new InstanceBalance.Service(service.label(), applicationId(service), inputs.get(service),
                    clientIds));
        }
        return services;
    }

    private CpuMeter cpuMeter(ServiceProcesses processes, Map<String, ProcessHandle> watched) {
        boolean separate = processes != null;
        List<CpuMeter.ThreadGroup> threadGroups = new ArrayList<>();
        if (!separate) {
            threadGroups.add(new CpuMeter.ThreadGroup("ingest", name -> name.contains(applicationId(Services.INGEST))));
            threadGroups.add(new CpuMeter.ThreadGroup("enrich", name -> name.contains(applicationId(Services.ENRICH))));
            threadGroups.add(new CpuMeter.ThreadGroup("publish", name -> name.contains(applicationId(Services.PUBLISH))
                    || name.equals("feeds") || name.startsWith("webhook-") || name.startsWith("publish-http")));
        }
        threadGroups.add(new CpuMeter.ThreadGroup("load generator + reader", name -> name.startsWith("bench-")
                || name.contains(runId + "-load") || name.contains(runId + "-sampler")));
        // A service's instances are one stage; the registry and other children each their own group.
        Map<String, List<ProcessHandle>> grouped = new LinkedHashMap<>();
        Map<String, String> stageOf = new HashMap<>();
        if (separate) {
            processes.children().forEach(child -> stageOf.put(child.name(), child.service().label()));
        }
        watched.forEach((name, handle) -> grouped.computeIfAbsent(stageOf.getOrDefault(name, name),
                stage -> new ArrayList<>()).add(handle));
        List<CpuMeter.ProcessGroup> processGroups = new ArrayList<>();
        grouped.forEach((name, handles) -> processGroups.add(new CpuMeter.ProcessGroup(name, handles)));
        return new CpuMeter(threadGroups, processGroups, separate ? "broker + other threads (this JVM)"
                : "broker + other threads");
    }

    private List<BenchReport.Stage> stages(CpuMeter.Usage usage, GeneratedDocuments measured, BenchReport.EndToEnd endToEnd,
                                           Map<String, Long> backlog, Map<String, String> threadTimes) {
        long documents = measured.payloads().size();
        long articles = endToEnd.articles();
        Map<String, String> flows = Map.of(
                "ingest", String.format(Locale.ROOT, "%,d docs → %,d articles + %,d dead letters", documents, articles,
                        endToEnd.deadLetters()),
                "enrich", String.format(Locale.ROOT, "%,d → %,d articles", articles, articles),
                "publish", String.format(Locale.ROOT, "%,d → %,d published (+ outlet copies, receipts)", articles,
                        articles));
        Map<String, Long> records = Map.of("ingest", documents, "enrich", articles, "publish", articles);
        List<BenchReport.Stage> stages = new ArrayList<>();
        for (var entry : usage.seconds().entrySet()) {
            String name = entry.getKey();
            stages.add(new BenchReport.Stage(name, flows.get(name), records.get(name), entry.getValue(),
                    usage.share(name), backlog.get(name), threadTimes.get(name), usage.allocatedBytes().get(name)));
        }
        double total = usage.seconds().values().stream().mapToDouble(Double::doubleValue).sum();
        stages.add(new BenchReport.Stage("total (this run)", null, null, total, total / (usage.wallSeconds()
                * usage.cores()), null, null, null));
        return stages;
    }

    /** The stage with the largest backlog bounds throughput; at a rate the pipeline keeps up with, the costliest. */
    private static String bound(List<BenchReport.Stage> stages) {
        BenchReport.Stage costliest = null;
        BenchReport.Stage backlogged = null;
        for (BenchReport.Stage stage : stages) {
            if (stage.records() == null) {
                continue;
            }
            if (costliest == null || stage.cpuSeconds() / stage.records() > costliest.cpuSeconds() / costliest.records()) {
                costliest = stage;
            }
            if (backlogged == null || stage.maxBacklog() != null && stage.maxBacklog() > backlogged.maxBacklog()) {
                backlogged = stage;
            }
        }
        if (costliest == null) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%s (largest backlog: %,d records); costliest per record: %s, %s of the"
                        + " machine's CPU", backlogged.name(), backlogged.maxBacklog() == null ? 0 : backlogged.maxBacklog(),
                costliest.name(), BenchReport.percent(costliest.cpuShare()));
    }

    private List<PassThroughBaseline.Result> runBaselines(List<Payload> measured) throws InterruptedException {
        List<PassThroughBaseline.Result> results = new ArrayList<>();
        if (settings.baselines().isEmpty() || measured.isEmpty()) {
            return results;
        }
        PassThroughBaseline baseline = new PassThroughBaseline(kafkaConfig, settings.clients(), runId,
                settings.partitions(), work.resolve("baseline-state"), settings.baselineStreamsSettings(), settings.timeout());
        int count = settings.rate() > 0 ? measured.size() : Math.max(settings.baselineRecords(), measured.size());
        List<Payload> records = cycle(measured, count, "b");
        List<Payload> warmup = cycle(measured, settings.baselineWarmup(), "bw");
        if (settings.baselines().contains(Baseline.PRODUCE) && settings.rate() <= 0) {
            say("Baseline: raw produce of %,d records ...", records.size());
            results.add(baseline.produceOnly(records));
        }
        if (settings.baselines().contains(Baseline.PLAIN)) {
            say("Baseline: plain consume→produce, 3 hops, %,d records ...", records.size());
            results.add(baseline.plain(warmup, records, settings.rate()));
        }
        if (settings.baselines().contains(Baseline.STREAMS)) {
            say("Baseline: Kafka Streams pass-through, 3 hops, %,d records ...", records.size());
            results.add(baseline.streams(warmup, records, settings.rate()));
        }
        return results;
    }

    /** {@code count} records cycling through the measured ones, keys made unique so partitions spread as they did. */
    static List<Payload> cycle(List<Payload> payloads, int count, String tag) {
        List<Payload> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new Payload(tag + i + "-" + payloads.get(i % payloads.size()).key(),
                    payloads.get(i % payloads.size()).value()));
        }
        return records;
    }

    private String modeText() {
        return settings.rate() > 0
                ? String.format(Locale.ROOT, "fixed rate, %s documents/s for %d s", BenchReport.number(settings.rate()),
                settings.duration().toSeconds())
                : String.format(Locale.ROOT, "full speed, %,d documents", settings.documents());
    }

    private String settingsText() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        shown.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        shown.putAll(settings.serviceSettings());
        shown.put("partitions", String.valueOf(settings.partitions()));
        List<String> parts = new ArrayList<>();
        shown.forEach((key, value) -> parts.add(key + "=" + value));
        return String.join(", ", parts) + "; clients: " + settings.clients().describe();
    }

    /** Deletes the run's topics (the pipeline's, its internal ones, the baselines'): for clusters that stay up. */
    void deleteTopics() {
        try (Admin admin = Admin.create(kafkaConfig)) {
            Set<String> ours = new java.util.HashSet<>();
            for (String topic : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (topic.startsWith(runId)) {
                    ours.add(topic);
                }
            }
            admin.deleteTopics(ours).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            say("Could not delete the run's topics (prefix %s): %s", runId, e.getMessage());
        }
    }

    static Set<Baseline> baselines(String which) {
        return switch (which.toLowerCase(Locale.ROOT)) {
            case "none" -> EnumSet.noneOf(Baseline.class);
            case "all" -> EnumSet.allOf(Baseline.class);
            default -> {
                Set<Baseline> chosen = EnumSet.noneOf(Baseline.class);
                for (String name : which.split(",")) {
                    chosen.add(Baseline.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                }
                yield chosen;
            }
        };
    }

    private void say(String format, Object... args) {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
