package dev.newsroom.console;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.stack.Pipeline;
import dev.newsroom.ops.stack.Services;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.ops.operate.BoundedRead;
import dev.newsroom.schemas.ConsoleAudit;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;

/**
 * A whole pipeline of its own on the shared test broker (ingest, enrich, publish with a feed outlet, every topic
 * and application id under a unique prefix) and the console pointed at it through a client config file, exactly
 * as an operator would point {@code newsroom console} at a cluster.
 */
final class ConsolePipeline implements AutoCloseable {

    static final Path SAMPLES = Path.of("..", "samples");
    static final String SEED = "000_5ae1655f0e8fde34.txt";
    static final String ENGLISH_FEED = "feed-en.atom";
    static final String SOURCE = "akhbar.example";

    private final KafkaStack stack;
    private final String prefix;
    private final TopicCatalogue topics;
    private final int feedPort;
    private final Pipeline pipeline;
    private final ConsoleServer server;
    private final KafkaClients clients;
    private final List<ConsoleServer> withLogins = new java.util.ArrayList<>();

    ConsolePipeline(KafkaStack stack, Path dir) throws IOException, InterruptedException {
        this.stack = stack;
        this.prefix = KafkaStack.uniqueName("console") + ".";
        Map<String, String> common = new HashMap<>();
        common.put("bootstrap.servers", stack.bootstrapServers());
        common.put("schema.registry.url", stack.schemaRegistryUrl());
        common.put(CommonSettings.TOPIC_PARTITIONS.key(), "2");
        common.putAll(TopicCatalogue.prefixed(prefix));
        topics = TopicCatalogue.of(common, new SchemaRegistryClient(stack.schemaRegistryUrl()));
        feedPort = LoopbackPorts.free();
        Path outlets = Files.writeString(dir.resolve("outlets.yaml"), """
                outlets:
                  - name: all
                    kind: feed
                    title: newsroom console test
                    link: http://localhost/
                    items: 50
                  - name: wire
                    kind: kafka
                    topic: %snewsroom.outlet.wire.v1
                """.formatted(prefix));
        Map<Services, Map<String, String>> perService = new HashMap<>();
        for (Services service : Services.all()) {
            Map<String, String> settings = new HashMap<>();
            settings.put(CommonSettings.MANAGEMENT_PORT.key(), "0");
            settings.put("application.id", applicationIdPrefix() + service.label());
            perService.put(service, settings);
        }
        perService.get(Services.PUBLISH).put(PublishSettings.OUTLETS_FILE.key(), outlets.toString());
        perService.get(Services.PUBLISH).put(PublishSettings.HTTP_PORT.key(), String.valueOf(feedPort));
        pipeline = Pipeline.start(Services.all(), common, perService, dir.resolve("state"));
        if (!pipeline.awaitReady(Duration.ofMinutes(3))) {
            pipeline.close();
            throw new IllegalStateException("The services did not become ready within 3 minutes");
        }
        Path clientConfig = Files.writeString(dir.resolve("client.properties"), Stream.of(TopicId.values())
                .map(id -> id.configKey() + "=" + topics.name(id)).collect(Collectors.joining("\n"))
                + "\n" + ApplicationIdOptions.CONFIG_KEY + "=" + applicationIdPrefix() + "\n");
        ConnectionOptions connection = CommandLine.populateCommand(new ConnectionOptions(),
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--client-config", clientConfig.toString());
        clients = KafkaClients.of(connection);
        server = ConsoleServer.start(console(), ConsoleServer.LOOPBACK, 0);
    }

    private Console console() {
        return new Console(clients, service -> applicationIdPrefix() + service.label(), stack.schemaRegistryUrl(),
                "http://127.0.0.1:" + feedPort);
    }

    /** A second console on the same pipeline that requires a login, as one shared with a newsroom would. */
    String startWithLogins(String host, Path usersFile) {
        ConsoleServer started = ConsoleServer.start(console(), host, 0, Users.load(usersFile));
        withLogins.add(started);
        return "http://" + host + ":" + started.port();
    }

    /** Everything in the console audit topic, oldest first. */
    List<ConsoleAudit> audit() {
        List<ConsoleAudit> records = new java.util.ArrayList<>();
        var values = topics.consoleAudit().valueSerde().deserializer();
        try (var consumer = clients.reader("console-it-audit")) {
            BoundedRead.readAll(consumer, topics.name(TopicId.CONSOLE_AUDIT),
                    record -> records.add(values.deserialize(record.topic(), record.value())));
        }
        return records;
    }

    String applicationIdPrefix() {
        return prefix + ApplicationIdOptions.DEFAULT_PREFIX;
    }

    String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    String name(TopicId id) {
        return topics.name(id);
    }

    /** A sample as a newsroom system sends it to the raw topic. */
    RawDocument document(String sample, String contentType) throws IOException {
        return RawDocument.newBuilder()
                .setDocumentId(sample)
                .setSource(SOURCE)
                .setContentType(contentType)
                .setReceivedAt(Instant.now())
                .setPayload(ByteBuffer.wrap(Files.readAllBytes(SAMPLES.resolve(sample))))
                .build();
    }

    void produce(String sample, String contentType) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), sample, document(sample, contentType))).get();
        }
    }

    /**
     * The dead letter an earlier, buggy ingest wrote for a sample: its original record is valid today, so a
     * re-drive makes its articles flow.
     */
    DeadLetter deadLetterFor(String sample, String contentType, String reason) throws Exception {
        byte[] value = topics.raw().valueSerde().serializer().serialize(topics.raw().name(),
                document(sample, contentType));
        DeadLetters writer = new DeadLetters(Stage.INGEST, applicationIdPrefix() + "ingest",
                topics.name(TopicId.DEADLETTER), topics.deadLetters().valueSerde().serializer(),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        DeadLetter letter = writer.describe(DeadLetters.Failed.of(topics.raw().name(), 1, 17,
                Instant.now().minus(Duration.ofHours(3)).toEpochMilli(), sample, value, new RecordHeaders()),
                new IllegalStateException(reason), Map.of("failedIn", "processor parse"), 1);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(writer.toRecord(letter)).get();
        }
        return letter;
    }

    /** A topic of this pipeline's own, e.g. for a replay to write to. */
    String createTopic(String name) {
        String topic = prefix + name;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(
                    new TopicProvisioner.TopicSpec(topic, 2, (short) 1, Map.of())));
        }
        return topic;
    }

    /** The publish service's JSON feed of every article, as a reader's feed reader fetches it. */
    String feed() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + feedPort + "/feeds/all.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + "\n" + response.body();
    }

    @Override
    public void close() {
        withLogins.forEach(ConsoleServer::close);
        server.close();
        pipeline.close();
    }
}
