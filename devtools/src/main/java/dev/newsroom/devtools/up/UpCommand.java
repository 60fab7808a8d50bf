package dev.newsroom.devtools.up;

import dev.newsroom.devstack.EmbeddedKafkaStack;
import dev.newsroom.ops.extension.Extension;
import dev.newsroom.ops.stack.LocalStackPorts;
import dev.newsroom.ops.stack.Pipeline;
import dev.newsroom.ops.stack.Services;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom up}: the embedded stack kept running for real use, on fixed, documented ports, with its data kept
 * between runs.
 */
@Command(name = "up", description = {
        "Run Kafka, the schema registry and every service on this machine until Ctrl-C.",
        "Kafka on localhost:9092, the registry's Confluent-compatible API on http://localhost:8081/apis/ccompat/v7,"
                + " management endpoints on 8091 (ingest), 8092 (enrich), 8093 (publish), feeds on 8094.",
        "Data stays in --data-dir between runs; --fresh starts empty.",
        "One broker: every topic at replication 1, unlike a production cluster (replication 3, min.insync.replicas"
                + " 2); the services follow the broker's default.replication.factor."})
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".newsroom/data", paramLabel = "DIR",
            description = "Where Kafka, the registry and the services keep their data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--outlets", paramLabel = "FILE", defaultValue = "${sys:newsroom.home:-.}/config/outlets.yaml",
            description = "Publish's outlets (default: config/outlets.yaml: feeds per language and a Kafka outlet).")
    Path outlets;

    @Option(names = "--fresh", description = "Delete the data directory first.")
    boolean fresh;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (fresh) {
            deleteTree(dataDir);
        }
        Files.createDirectories(dataDir);
        out.println("Starting Kafka and the schema registry (data in " + dataDir.toAbsolutePath() + ") ...");
        out.flush();
        EmbeddedKafkaStack stack = EmbeddedKafkaStack.start(dataDir.resolve("stack"), LocalStackPorts.KAFKA, LocalStackPorts.REGISTRY);
        Pipeline pipeline;
        Map<String, String> common = new HashMap<>();
        common.put("bootstrap.servers", stack.bootstrapServers());
        common.put("schema.registry.url", stack.schemaRegistryUrl());
        common.put(CommonSettings.TOPIC_PARTITIONS.key(), String.valueOf(partitions));
        try {
            int contracts = TopicCatalogue.of(common, new SchemaRegistryClient(stack.schemaRegistryUrl()))
                    .registerContracts().size();
            out.println("Registered the " + contracts + " topics' contracts (<topic>-value subjects) ...");
            out.flush();
            pipeline = Pipeline.start(Services.all(), common, Map.of(Services.PUBLISH, Map.of(
                    PublishSettings.OUTLETS_FILE.key(), outlets.toString(),
                    PublishSettings.HTTP_PORT.key(), String.valueOf(LocalStackPorts.FEEDS))), dataDir.resolve("streams"));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("newsroom: stopping services (leaving their consumer groups), then Kafka and the registry");
            pipeline.close();
            stack.close();
            stopped.countDown();
        }, "newsroom-down"));
        pipeline.awaitReady(Duration.ofMinutes(2));
        List<Extension.Started> extras = startExtensions(common, out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> extras.forEach(UpCommand::closeQuietly),
                "newsroom-extensions-down"));
        describe(out, stack, pipeline, extras);
        stopped.await();
        return 0;
    }

    /** What modules beyond ops start next to the stack (the web console); one that fails leaves the rest up. */
    private static List<Extension.Started> startExtensions(Map<String, String> common, PrintWriter out) {
        List<Extension.Started> started = new ArrayList<>();
        for (Extension extension : Extension.installed()) {
            try {
                extension.startWithUp(Map.<String, Object>copyOf(common), out).ifPresent(started::add);
            } catch (RuntimeException e) {
                out.println("newsroom: " + extension.getClass().getSimpleName() + " did not start: " + e.getMessage());
            }
        }
        return started;
    }

    private static void closeQuietly(Extension.Started started) {
        try {
            started.handle().close();
        } catch (Exception e) {
            System.err.println("newsroom: stopping " + started.label() + " failed: " + e.getMessage());
        }
    }

    private static void describe(PrintWriter out, EmbeddedKafkaStack stack, Pipeline pipeline,
                                 List<Extension.Started> extras) {
        out.println();
        out.println("newsroom is up.");
        out.println("  Kafka                " + stack.bootstrapServers().replace("127.0.0.1", "localhost"));
        out.println("  Schema registry      " + stack.schemaRegistryUrl().replace("127.0.0.1", "localhost")
                + "   (Confluent-compatible API)");
        pipeline.managementUrls().forEach((service, url) ->
                out.printf("  %-20s %s/health  /ready  /metrics%n", service.label(), url));
        out.printf("  %-20s http://localhost:%d/feeds/all.rss  (also .atom, .json; arabic, english)%n", "feeds",
                LocalStackPorts.FEEDS);
        extras.forEach(started -> out.printf("  %-20s %s%n", started.label(), started.url()));
        out.println();
        out.println("Send documents to newsroom.raw.v1 (Avro RawDocument, Confluent wire format), for example:");
        out.println("  ./newsroom produce samples/*.rss samples/*.atom samples/*.txt");
        out.println("  ./newsroom status                                    # topics, lag, dead letters");
        out.println("  ./newsroom moderate kill ARTICLE_ID --reason '...'    # an editor's kill");
        out.println("Consume articles: any Confluent-compatible Avro consumer on newsroom.articles.v1 / newsroom.enriched.v1"
                + " with schema.registry.url as above.");
        out.println("Ctrl-C stops everything cleanly; data stays in the data directory (--fresh starts empty).");
        out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
