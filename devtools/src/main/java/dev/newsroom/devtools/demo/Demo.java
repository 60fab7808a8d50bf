package dev.newsroom.devtools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.enrich.service.EnrichApplication;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.service.IngestApplication;
import dev.newsroom.ops.stack.Pipeline;
import dev.newsroom.ops.stack.Services;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.streams.StreamsApplication;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The pipeline's main job, shown: the sample inputs go into the raw topic as a newsroom system would send them,
 * through ingest, enrich and publish, out to a signed webhook, a Kafka outlet and a feed; then an editor kills one
 * article and the kill reaches the site and the article leaves the feed.
 */
public final class Demo {

    /** The sample inputs, in the order a newsroom system might send them, with the content type it would declare. */
    static final Map<String, String> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("000_5ae1655f0e8fde34.txt", "text/plain; charset=utf-8");
        SAMPLES.put("page-ar-palmyra.html", "text/html");
        SAMPLES.put("feed-ar.rss", "application/rss+xml");
        SAMPLES.put("feed-en.atom", "application/atom+xml");
        SAMPLES.put("feed.json", "application/feed+json");
        SAMPLES.put("wire-ninjs.json", "application/json");
    }

    /** The source the samples are sent as; ids of stories without a guid or URL derive from it. */
    static final String SOURCE = "akhbar.example";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final KafkaStack stack;
    private final Path samples;
    private final Path workDir;
    private final String prefix;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newHttpClient();
    private boolean progressShown;

    /**
     * @param prefix prepended to topic names and application ids, so the demo can share a cluster (tests); "" for
     *               the pipeline's own names
     */
    public Demo(KafkaStack stack, Path samples, Path workDir, String prefix, PrintWriter out) {
        this.stack = stack;
        this.samples = samples;
        this.workDir = workDir;
        this.prefix = prefix;
        this.out = out;
    }

    /** What the demo showed, for tests. */
    public record Report(List<PublishedArticle> published, List<WebhookReceiver.Delivery> deliveries,
                         String killedArticle, boolean killReachedWebhook, boolean killedLeftFeed, String text) {
    }

    public Report run() throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(24));
        int feedPort = LoopbackPorts.free();
        Map<String, String> common = commonSettings();
        TopicCatalogue topics = TopicCatalogue.of(common, new SchemaRegistryClient(stack.schemaRegistryUrl()));
        Set<String> expected = expectedArticleIds();
        StringBuilder report = new StringBuilder();

        try (WebhookReceiver site = WebhookReceiver.start(secret)) {
            Path outlets = writeOutlets(site.url());
            Map<Services, StreamsApplication> applications = new LinkedHashMap<>();
            applications.put(Services.INGEST, new IngestApplication());
            applications.put(Services.ENRICH, new EnrichApplication());
            applications.put(Services.PUBLISH, new PublishApplication(Map.of("NEWSROOM_OUTLET_SITE_SECRET", secret)));
            Map<Services, Map<String, String>> perService = Map.of(
                    Services.INGEST, Map.of(CommonSettings.MANAGEMENT_PORT.key(), "0", "application.id", prefix + "newsroom-ingest"),
                    Services.ENRICH, Map.of(CommonSettings.MANAGEMENT_PORT.key(), "0", "application.id", prefix + "newsroom-enrich"),
                    Services.PUBLISH, Map.of(CommonSettings.MANAGEMENT_PORT.key(), "0", "application.id", prefix + "newsroom-publish",
                            PublishSettings.OUTLETS_FILE.key(), outlets.toString(),
                            PublishSettings.HTTP_PORT.key(), String.valueOf(feedPort)));
            say("Starting ingest, enrich and publish (exactly-once Kafka Streams services) ...");
            try (Pipeline pipeline = Pipeline.start(applications, common, perService, workDir.resolve("state"))) {
                if (!pipeline.awaitReady(TIMEOUT)) {
                    throw new IllegalStateException("The services did not become ready within " + TIMEOUT.toSeconds() + " s");
                }
                say("Producing the samples to " + topics.raw().name() + ", as a newsroom system would:");
                produceSamples(topics);

                Map<String, PublishedArticle> published = new LinkedHashMap<>();
                try (KafkaConsumer<String, PublishedArticle> log = publishedLog(topics)) {
                    awaitWithProgress(() -> {
                        log.poll(Duration.ofMillis(200)).forEach(r -> published.put(r.key(), r.value()));
                        long delivered = site.deliveries().stream().filter(WebhookReceiver.Delivery::signatureValid)
                                .map(WebhookReceiver.Delivery::articleUri).distinct().count();
                        progress("published %d/%d articles, webhook received %d", published.size(), expected.size(),
                                delivered);
                        return published.keySet().containsAll(expected) && delivered >= expected.size();
                    });
                    report.append(describe(published.values(), site.deliveries(), feedPort));
                    out.print(report);
                    out.flush();

                    PublishedArticle seed = published.values().stream()
                            .filter(a -> a.getLineage().getDocumentId().equals(SAMPLES.keySet().iterator().next()))
                            .findFirst().orElseThrow();
                    String seedUri = uri(seed);
                    say("");
                    say("An editor kills the seed article (" + seed.getArticleId() + "), as `./newsroom moderate kill"
                            + " ID --reason ...` does:");
                    kill(topics, seed.getArticleId());
                    awaitWithProgress(() -> {
                        log.poll(Duration.ofMillis(200)).forEach(r -> published.put(r.key(), r.value()));
                        return published.get(seed.getArticleId()).getPubstatus() == Pubstatus.canceled
                                && killDelivered(site, seedUri) && !feedContains(feedPort, seedUri);
                    });
                    String killText = "  published log   pubstatus " + published.get(seed.getArticleId()).getPubstatus()
                            + ", version " + published.get(seed.getArticleId()).getVersion() + "\n"
                            + "  webhook         article.killed received, signature verified\n"
                            + "  feed            gone from " + feedUrl(feedPort) + "\n";
                    out.print(killText);
                    report.append(killText);
                    say("");
                    say("Stopping the services (they leave their consumer groups) ...");
                    return new Report(new ArrayList<>(published.values()), site.deliveries(), seed.getArticleId(),
                            killDelivered(site, seedUri), !feedContains(feedPort, seedUri), report.toString());
                }
            }
        }
    }

    private Map<String, String> commonSettings() {
        Map<String, String> common = new HashMap<>();
        common.put("bootstrap.servers", stack.bootstrapServers());
        common.put("schema.registry.url", stack.schemaRegistryUrl());
        common.put(CommonSettings.TOPIC_PARTITIONS.key(), "3");
        common.putAll(TopicCatalogue.prefixed(prefix));
        return common;
    }

    /** The stories the samples hold, by the parser's own ids: the page and the Arabic feed share one. */
    private Set<String> expectedArticleIds() throws IOException {
        DocumentParser parser = new DocumentParser();
        Set<String> ids = new LinkedHashSet<>();
        for (var sample : SAMPLES.entrySet()) {
            RawInput input = RawInput.of(sample.getKey(), SOURCE, sample.getValue(), null,
                    Files.readAllBytes(samples.resolve(sample.getKey())));
            Lineage lineage = Lineage.newBuilder().setRawTopic("file").setRawPartition(0).setRawOffset(0)
                    .setDocumentId(sample.getKey()).setFormat("").setIngestedAt(Instant.now()).build();
            parser.parse(input, lineage).articles().forEach(article -> ids.add(article.getId()));
        }
        return ids;
    }

    private Path writeOutlets(String webhookUrl) throws IOException {
        Files.createDirectories(workDir);
        return Files.writeString(workDir.resolve("outlets.yaml"), """
                outlets:
                  - name: site
                    kind: webhook
                    url: %s
                    retrySchedule: [1s, 2s, 5s]
                  - name: wire
                    kind: kafka
                    topic: %snewsroom.outlet.wire.v1
                  - name: feed
                    kind: feed
                    title: newsroom demo
                    link: https://akhbar.example/
                    items: 50
                """.formatted(webhookUrl, prefix));
    }

    private void produceSamples(TopicCatalogue topics) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
        try (var producer = new KafkaProducer<>(config, topics.raw().keySerde().serializer(),
                topics.raw().valueSerde().serializer())) {
            for (var sample : SAMPLES.entrySet()) {
                RawDocument document = RawDocument.newBuilder()
                        .setDocumentId(sample.getKey())
                        .setSource(SOURCE)
                        .setContentType(sample.getValue())
                        .setReceivedAt(Instant.now())
                        .setPayload(ByteBuffer.wrap(Files.readAllBytes(samples.resolve(sample.getKey()))))
                        .build();
                producer.send(new ProducerRecord<>(topics.raw().name(), sample.getKey(), document)).get();
                say("  %-28s %s", sample.getKey(), sample.getValue());
            }
        }
    }

    private KafkaConsumer<String, PublishedArticle> publishedLog(TopicCatalogue topics) {
        KafkaConsumer<String, PublishedArticle> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, prefix + "newsroom-demo-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), topics.published().valueSerde().deserializer());
        consumer.subscribe(List.of(topics.published().name()));
        return consumer;
    }

    private void kill(TopicCatalogue topics, String articleId) throws Exception {
        ModerationCommand command = ModerationCommand.newBuilder()
                .setCommandId("demo-" + UUID.randomUUID())
                .setArticleId(articleId)
                .setAction(ModerationAction.KILL)
                .setReason("Legal: the casualty figures could not be confirmed")
                .setIssuedBy("demo-editor")
                .setIssuedAt(Instant.now())
                .build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                topics.moderationCommands().keySerde().serializer(),
                topics.moderationCommands().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.moderationCommands().name(), articleId, command)).get();
        }
    }

    private static boolean killDelivered(WebhookReceiver site, String uri) {
        return site.deliveries().stream().anyMatch(d -> d.signatureValid() && d.type().equals("article.killed")
                && d.articleUri().equals(uri));
    }

    private String feedUrl(int port) {
        return "http://127.0.0.1:" + port + "/feeds/feed.json";
    }

    private boolean feedContains(int port, String uri) {
        try {
            HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(feedUrl(port))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return feed.statusCode() != 200 || feed.body().contains(uri);
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static String uri(PublishedArticle article) {
        try {
            return JSON.readTree(article.getNinjs()).path("uri").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Published ninjs does not parse for " + article.getArticleId(), e);
        }
    }

    private String describe(Collection<PublishedArticle> published, List<WebhookReceiver.Delivery> deliveries,
                            int feedPort) throws IOException {
        StringBuilder text = new StringBuilder("\n");
        String feed = feedBody(feedPort);
        for (PublishedArticle article : published) {
            JsonNode ninjs = JSON.readTree(article.getNinjs());
            String uri = ninjs.path("uri").asText();
            text.append("▌ ").append(ninjs.at("/headlines/0/value").asText()).append('\n');
            text.append(String.format("  %-15s %s, version %d, %s%n", "language", ninjs.path("language").asText(),
                    article.getVersion(), article.getPubstatus()));
            text.append(line("people", ninjs.path("people")));
            text.append(line("organisations", ninjs.path("organisations")));
            text.append(line("places", ninjs.path("places")));
            List<String> sections = new ArrayList<>();
            for (JsonNode subject : ninjs.path("subjects")) {
                if (sections.size() < 3) {
                    sections.add(subject.path("name").asText() + " (" + subject.path("relevance").asInt() + ")");
                }
            }
            text.append(String.format("  %-15s %s%n", "sections", String.join(", ", sections)));
            boolean webhook = deliveries.stream().anyMatch(d -> d.articleUri().equals(uri) && d.signatureValid());
            List<String> outlets = new ArrayList<>();
            for (String outlet : article.getOutlets()) {
                outlets.add(switch (outlet) {
                    case "site" -> webhook ? "site (webhook, signature verified)" : "site (webhook, pending)";
                    case "feed" -> feed.contains(uri) ? "feed (in feed.json)" : "feed";
                    default -> outlet + " (Kafka topic)";
                });
            }
            text.append(String.format("  %-15s %s%n%n", "outlets", String.join(" · ", outlets)));
        }
        return text.toString();
    }

    private static String line(String label, JsonNode entities) {
        List<String> names = new ArrayList<>();
        for (JsonNode entity : entities) {
            names.add(entity.path("name").asText());
        }
        return names.isEmpty() ? "" : String.format("  %-15s %s%n", label, String.join(", ", names));
    }

    private String feedBody(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(feedUrl(port))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void awaitWithProgress(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The demo did not see the expected outcome within "
                        + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        progressDone();
    }

    private void progress(String format, Object... args) {
        System.err.print("\r  " + String.format(format, args) + "   ");
        System.err.flush();
        progressShown = true;
    }

    private void progressDone() {
        if (progressShown) {
            System.err.println();
            progressShown = false;
        }
    }

    private void say(String format, Object... args) {
        out.println(args.length == 0 ? format : String.format(format, args));
        out.flush();
    }
}
