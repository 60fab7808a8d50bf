package dev.newsroom.systemtest.scenario;

import dev.newsroom.ops.verify.Account;
import dev.newsroom.ops.verify.AccountReport;
import dev.newsroom.ops.verify.PipelineLedger;
import dev.newsroom.ops.verify.Reconciler;
import dev.newsroom.ops.verify.ServiceGroups;
import dev.newsroom.systemtest.check.ScenarioCheck;
import dev.newsroom.systemtest.check.Verdict;
import dev.newsroom.systemtest.cluster.Cluster;
import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.load.DocumentFactory;
import dev.newsroom.systemtest.load.GeneratedDocument;
import dev.newsroom.systemtest.load.LoadGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * One scenario from start to account: its pipeline on the shared cluster, a prepared document stream sent at a
 * steady rate while the scenario does its damage, and at the end the full account, printed and kept in
 * {@code <work>/<name>/account.txt}.
 */
public final class Scenario implements AutoCloseable {

    private static final Duration CONVERGENCE = Duration.ofMinutes(6);
    private static Cluster cluster;
    private static Cluster replicated;

    private final String name;
    private final String title;
    private final Path dir;
    private final PipelineUnderTest pipeline;
    private final List<GeneratedDocument> documents;
    private final LoadGenerator generator;
    private final Timeline timeline = new Timeline();
    private PipelineLedger ledger;

    /** The broker and registry every scenario in this JVM shares, started on first use and repaired if down. */
    public static synchronized Cluster cluster() {
        if (cluster == null) {
            cluster = Cluster.start(SystemTestSettings.workDir().resolve("cluster"));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "systemtest-cluster-stop"));
        }
        cluster.ensureUp();
        return cluster;
    }

    /**
     * The three-broker cluster and its registry that the {@code Cluster*} scenarios in this JVM share, started on first
     * use (apart from {@link #cluster()}: a scenario of one cannot disturb the other's) and repaired if down.
     */
    public static synchronized Cluster replicatedCluster() {
        if (replicated == null) {
            replicated = Cluster.startReplicated(SystemTestSettings.workDir().resolve("replicated-cluster"));
            Runtime.getRuntime().addShutdownHook(new Thread(replicated::close, "systemtest-replicated-stop"));
        }
        replicated.ensureUp();
        return replicated;
    }

    private Scenario(String name, String title, Path dir, PipelineUnderTest pipeline,
                     List<GeneratedDocument> documents, LoadGenerator generator) {
        this.name = name;
        this.title = title;
        this.dir = dir;
        this.pipeline = pipeline;
        this.documents = documents;
        this.generator = generator;
    }

    /**
     * Creates the pipeline's topics, starts its services and prepares the documents meanwhile.
     *
     * @param instances      instances of each service
     * @param poisonShare    share of bad inputs
     * @param oversizedEvery one bad input in this many is 20 MB; 0 for none
     */
    public static Scenario open(String name, String title, int instances, double poisonShare, int oversizedEvery) {
        return open(cluster(), name, title, instances, poisonShare, oversizedEvery, SystemTestSettings.documents());
    }

    /** As {@link #open(String, String, int, double, int)}, on {@code shared} and with {@code count} documents. */
    public static Scenario open(Cluster shared, String name, String title, int instances, double poisonShare,
                                int oversizedEvery, int count) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        String prefix = name + "-" + HexFormat.of().formatHex(random);
        Path dir = SystemTestSettings.workDir().resolve(name);
        PipelineUnderTest pipeline = new PipelineUnderTest(shared, prefix, dir.resolve(prefix), instances);
        try {
            pipeline.createTopics();
            pipeline.all().forEach(service -> service.start());
            DocumentFactory factory = new DocumentFactory(SystemTestSettings.samples(), SystemTestSettings.seed(),
                    prefix, poisonShare, oversizedEvery);
            List<GeneratedDocument> documents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                documents.add(factory.next());
            }
            PipelineUnderTest.awaitRunning(pipeline.all());
            LoadGenerator generator = new LoadGenerator(documents, SystemTestSettings.rate(),
                    shared.bootstrapServers(), pipeline.topics().raw());
            Scenario scenario = new Scenario(name, title, dir, pipeline, documents, generator);
            scenario.event("pipeline " + prefix + " running: " + pipeline.all().size() + " service JVMs, "
                    + documents.size() + " documents prepared");
            return scenario;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public PipelineUnderTest pipeline() {
        return pipeline;
    }

    public LoadGenerator load() {
        return generator;
    }

    public Timeline timeline() {
        return timeline;
    }

    /** Starts sending the documents. */
    public Scenario startLoad() {
        generator.start();
        event("load started: " + documents.size() + " documents at " + SystemTestSettings.rate() + "/s");
        return this;
    }

    /** Notes something that happened, with the time since the scenario opened, and prints it. */
    public void event(String what) {
        System.out.println(timeline.add(what));
    }

    /** Waits until the broker has acknowledged {@code fraction} of the documents. */
    public void awaitLoad(double fraction) {
        long wanted = (long) Math.ceil(fraction * documents.size());
        awaitCondition("the load generator to reach " + (int) (fraction * 100) + "%",
                () -> generator.acknowledged() >= wanted || generator.failure() != null, Duration.ofMinutes(10));
        if (generator.failure() != null) {
            throw new IllegalStateException("The load generator could not send", generator.failure());
        }
    }

    /**
     * Waits for the load to be sent and the pipeline to settle, then checks everything and prints the account.
     * Settled means: every expected output is there and nothing is pending, or {@link #CONVERGENCE} has passed
     * without any new output. A soak's backlog may take longer than that to drain, but it keeps moving; a stuck
     * pipeline does not.
     */
    public Outcome finish() {
        awaitLoad(1.0);
        event("all " + documents.size() + " documents acknowledged by the broker");
        ScenarioCheck check = check();
        Map<String, Object> kafka = kafka();
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        long nextProgress = System.nanoTime();
        String lastProgress = null;
        Verdict verdict;
        Account account;
        while (true) {
            ServiceGroups groups;
            try (Admin admin = Admin.create(kafka)) {
                groups = ServiceGroups.read(admin, pipeline.applicationId("ingest"), pipeline.applicationId("enrich"),
                        pipeline.applicationId("publish"));
            }
            verdict = check.check(ledger());
            account = Reconciler.reconcile(ledger(), groups);
            if (verdict.complete() && account.complete() || System.nanoTime() > deadline) {
                break;
            }
            String progress = progress(verdict);
            if (!progress.equals(lastProgress)) {
                lastProgress = progress;
                deadline = System.nanoTime() + CONVERGENCE.toNanos();
            }
            if (System.nanoTime() >= nextProgress) {
                event("settling: " + progress);
                nextProgress = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            }
            pause(Duration.ofSeconds(1));
        }
        event(verdict.complete() && account.complete() ? "pipeline settled: every expected output is there"
                : "gave up waiting: no new output for " + CONVERGENCE.toMinutes() + " min");
        Outcome outcome = new Outcome(verdict, account, timeline.elapsed());
        report(outcome);
        return outcome;
    }

    /**
     * Holds what the broker has acknowledged so far against what the pipeline has put out so far, for checks in
     * the middle of a scenario: what is missing here may still be on its way.
     */
    public Verdict checkNow() {
        return check().check(ledger());
    }

    private ScenarioCheck check() {
        return new ScenarioCheck(generator.sent(), Map.of("site", pipeline.site(), "partner", pipeline.partner()));
    }

    private Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", pipeline.cluster().bootstrapServers());
    }

    private synchronized PipelineLedger ledger() {
        if (ledger == null) {
            ledger = new PipelineLedger(kafka(), pipeline.topics(), null, pipeline.kafkaOutlets());
        }
        return ledger;
    }

    /** Documents prepared for this scenario. */
    public int documents() {
        return documents.size();
    }

    /** Where the pipeline has got to, in one line. */
    public static String progress(Verdict verdict) {
        var counts = verdict.counts();
        StringBuilder text = new StringBuilder().append(counts.articles()).append('/')
                .append(counts.expectedArticles()).append(" article versions, ").append(counts.enriched())
                .append(" enriched, ").append(counts.published()).append('/').append(counts.expectedPublished())
                .append(" published");
        counts.outlets().forEach(outlet -> text.append(", ").append(outlet.outlet()).append(' ')
                .append(outlet.delivered()).append('/').append(outlet.due()));
        return text.toString();
    }

    /** What a finished scenario found. */
    public record Outcome(Verdict verdict, Account account, Duration took) {
        public boolean balanced() {
            return verdict.violations().isEmpty() && verdict.missing().isEmpty() && account.complete();
        }
    }

    private void report(Outcome outcome) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        ScenarioReport.print(name, title, outcome, timeline, out);
        out.println();
        AccountReport.print(outcome.account(), out);
        out.flush();
        System.out.println(text);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("account.txt"), text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a condition, checking every 100 ms. */
    public static void awaitCondition(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            generator.close();
            if (ledger != null) {
                ledger.close();
            }
        } finally {
            pipeline.close();
        }
    }
}
