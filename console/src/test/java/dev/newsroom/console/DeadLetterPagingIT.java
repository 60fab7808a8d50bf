package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The dead-letters page on a topic of 10,500 letters on the real broker: the newest first, the right letters on
 * a later page and under a filter, and a page reads about what it shows rather than the topic.
 */
@WithKafkaStack
class DeadLetterPagingIT {

    private static final int LETTERS = 10_500;
    private static final int PARTITIONS = 3;
    private static final Instant FIRST_FAILURE = Instant.now().minus(Duration.ofDays(1))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final Pattern ROW_ID = Pattern.compile("<a href=\"/deadletters/[^\"]*\\?at=\\d+:\\d+\"><code>([^<]+)</code>");
    private static final Pattern OLDER = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\" id=\"older\">");
    private static final Pattern READ = Pattern.compile("; (\\d+) records read for this page");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConsoleServer server;
    private static String rawTopic;

    @BeforeAll
    static void start(KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("paging") + ".";
        Map<String, String> names = TopicCatalogue.prefixed(prefix);
        TopicCatalogue topics = TopicCatalogue.of(Map.of("schema.registry.url", stack.schemaRegistryUrl(),
                TopicId.DEADLETTER.configKey(), names.get(TopicId.DEADLETTER.configKey())),
                new SchemaRegistryClient(stack.schemaRegistryUrl()));
        String deadLetters = topics.name(TopicId.DEADLETTER);
        rawTopic = prefix + TopicId.RAW.defaultName();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(new TopicProvisioner.TopicSpec(
                    deadLetters, PARTITIONS, (short) 1, TopicId.DEADLETTER.topicConfig())));
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < LETTERS; i++) {
                Instant failedAt = failedAt(i);
                DeadLetters writer = new DeadLetters(i % 10 == 0 ? Stage.ENRICH : Stage.INGEST, "newsroom-ingest",
                        deadLetters, topics.deadLetters().valueSerde().serializer(),
                        Clock.fixed(failedAt, ZoneOffset.UTC));
                DeadLetter letter = writer.describe(DeadLetters.Failed.of(rawTopic, 0, i, failedAt.toEpochMilli(),
                        "doc-" + i, new byte[] {1, 2, 3}, new RecordHeaders()),
                        new IllegalStateException("Letter " + i + " failed"), Map.of(), 1);
                ProducerRecord<byte[], byte[]> record = writer.toRecord(letter);
                // Spread over the partitions, each letter's record time its failure time, as a stage writes it.
                producer.send(new ProducerRecord<>(deadLetters, i % PARTITIONS, failedAt.toEpochMilli(),
                        record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
        Path clientConfig = Files.createTempFile("paging", ".properties");
        Files.writeString(clientConfig, Stream.of(TopicId.values())
                .map(id -> id.configKey() + "=" + prefix + id.defaultName()).collect(Collectors.joining("\n")));
        KafkaClients clients = KafkaClients.of(CommandLine.populateCommand(new ConnectionOptions(),
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--client-config", clientConfig.toString()));
        server = ConsoleServer.start(new Console(clients, service -> prefix + service.label(),
                stack.schemaRegistryUrl(), "http://127.0.0.1:1"), ConsoleServer.LOOPBACK, 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theFirstPageHoldsTheNewestFiftyAndReadsAboutThatMany() throws Exception {
        long started = System.nanoTime();
        String page = get("/deadletters");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ids(page)).containsExactlyElementsOf(letters(LETTERS - 1, 50, 1));
        assertThat(page).contains("Dead letters 1–50", LETTERS + " offsets in the topic");
        assertThat(read(page)).as("records read for the first page").isLessThanOrEqualTo(50 + PARTITIONS * 51);
        System.out.printf("First page of %d dead letters: %d ms, %d records read%n", LETTERS, millis, read(page));
    }

    @Test
    void aLaterPageHoldsTheLettersJustOlderThanThePageBefore() throws Exception {
        String page = get("/deadletters");
        for (int i = 0; i < 4; i++) {
            page = get(older(page));
        }

        assertThat(ids(page)).containsExactlyElementsOf(letters(LETTERS - 1 - 200, 50, 1));
        assertThat(page).contains("Page 5", "Dead letters 201–250", "« Newest");
        assertThat(read(page)).isLessThanOrEqualTo(50 + PARTITIONS * 51);
    }

    @Test
    void aStageFilterPagesThroughItsMatchesOnly() throws Exception {
        String first = get("/deadletters?stage=ENRICH");
        String second = get(older(first));

        assertThat(ids(first)).containsExactlyElementsOf(letters(LETTERS - 10, 50, 10));
        assertThat(ids(second)).containsExactlyElementsOf(letters(LETTERS - 10 - 500, 50, 10));
    }

    @Test
    void anAgeFilterStartsAtThatTimeAndHasNoOlderPage() throws Exception {
        String page = get("/deadletters?since=" + failedAt(LETTERS - 20));

        assertThat(ids(page)).containsExactlyElementsOf(letters(LETTERS - 1, 20, 1));
        assertThat(OLDER.matcher(page).find()).isFalse();
    }

    @Test
    void aLettersLinkOpensItFromItsPosition() throws Exception {
        String page = get("/deadletters");
        Matcher link = Pattern.compile("<a href=\"(/deadletters/[^\"]+)\"><code>").matcher(page);
        assertThat(link.find()).isTrue();

        String letter = get(link.group(1).replace("&amp;", "&"));

        assertThat(letter).contains("Letter " + (LETTERS - 1) + " failed", "doc-" + (LETTERS - 1));
    }

    private static Instant failedAt(int i) {
        return FIRST_FAILURE.plusSeconds(i);
    }

    /** The ids of {@code count} letters from {@code newest} down, {@code step} apart. */
    private static List<String> letters(int newest, int count, int step) {
        return IntStream.range(0, count).map(k -> newest - k * step)
                .mapToObj(i -> (i % 10 == 0 ? "ENRICH" : "INGEST") + ":" + rawTopic + ":0:" + i).toList();
    }

    private static List<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ROW_ID.matcher(page);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String older(String page) {
        Matcher matcher = OLDER.matcher(page);
        assertThat(matcher.find()).as("an Older link").isTrue();
        return matcher.group(1).replace("&amp;", "&");
    }

    private static int read(String page) {
        Matcher matcher = READ.matcher(page);
        assertThat(matcher.find()).as("how many records the page read").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }
}
