package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml's three services started as plain processes, each as its container would run: the image's
 * entry point (from the Dockerfile) with the service's command, and exactly the environment the image and the
 * compose file give it. What Docker would provide is provided the way Docker would: service host names resolve to
 * the embedded broker and registry ({@code kafka:19092}, {@code apicurio:8080}), published ports are mapped to free
 * loopback ports, a container's all-interfaces address is this machine's loopback, and each volume's container path
 * is a directory here (a named volume a fresh one, a bind mount the repository file).
 */
@WithKafkaStack
class ComposeStackIT {

    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");
    private static final Pattern ENV_LINE = Pattern.compile("([A-Z0-9_]+)=(\\S+)");
    private static final List<String> SERVICES = List.of("ingest", "enrich", "publish");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopServices() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void theComposeServicesCarryTheSeedDocumentToAPublishedArticle(KafkaStack stack) throws Exception {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        Map<String, String> hosts = Map.of(
                "kafka:19092", stack.bootstrapServers(),
                "apicurio:8080", URI.create(stack.schemaRegistryUrl()).getAuthority());
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (String service : SERVICES) {
            environments.put(service, containerEnvironment(compose.at("/services/" + service), hosts));
            processes.add(start(service, compose.at("/services/" + service), environments.get(service)));
        }
        // Three JVMs starting at once on a shared two-core machine: a generous bound, met in well under it.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .failFast("a service exited; its log is in " + dir, () -> processes.stream().anyMatch(p -> !p.isAlive()))
                .until(() -> SERVICES.stream().allMatch(service -> status("http://127.0.0.1:"
                        + environments.get(service).get("NEWSROOM_MANAGEMENT_PORT") + "/ready") == 200));

        Map<String, String> ingest = environments.get("ingest");
        Map<String, Object> client = Map.of("bootstrap.servers", ingest.get("KAFKA_BOOTSTRAP_SERVERS"),
                "schema.registry.url", ingest.get("SCHEMA_REGISTRY_URL"));
        TopicCatalogue topics = TopicCatalogue.of(client, new SchemaRegistryClient(client));
        String documentId = KafkaStack.uniqueName("compose-seed");
        RawDocument seed = RawDocument.newBuilder().setDocumentId(documentId).setSource("compose")
                .setContentType("text/plain; charset=utf-8").setReceivedAt(Instant.now())
                .setPayload(ByteBuffer.wrap(Files.readAllBytes(ROOT.resolve("samples/000_5ae1655f0e8fde34.txt"))))
                .build();
        try (var producer = new KafkaProducer<>(client, topics.raw().keySerde().serializer(),
                topics.raw().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), documentId, seed)).get();
        }

        PublishedArticle published = firstPublished(client, topics, documentId);
        String feedUrl = environments.get("publish").get("NEWSROOM_PUBLISH_FEEDS_BASE_URL") + "all.json";

        assertThat(published.getVersion()).isEqualTo(1);
        assertThat(published.getNinjs()).contains("\"headlines\"", "بادية تدمر");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(body(feedUrl)).contains(URLEncoder.encode(published.getArticleId(), StandardCharsets.UTF_8)));
    }

    /** The image's environment, then the service's, with what Docker would resolve resolved here. */
    private Map<String, String> containerEnvironment(JsonNode service, Map<String, String> hosts) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>(imageEnvironment());
        service.get("environment").fields().forEachRemaining(entry ->
                environment.put(entry.getKey(), interpolate(entry.getValue().asText())));
        Map<String, String> replacements = new LinkedHashMap<>(hosts);
        replacements.put("0.0.0.0", "127.0.0.1");
        for (JsonNode port : service.path("ports")) {
            String[] hostAndContainer = port.asText().split(":");
            String free = String.valueOf(LoopbackPorts.free());
            replacements.put("localhost:" + hostAndContainer[0], "localhost:" + free);
            environment.replaceAll((key, value) -> value.equals(hostAndContainer[1]) ? free : value);
        }
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            Path local = parts[0].startsWith("./") ? ROOT.resolve(parts[0]).toAbsolutePath().normalize()
                    : Files.createDirectories(dir.resolve(parts[0]));
            replacements.put(parts[1], local.toString());
        }
        environment.replaceAll((key, value) -> {
            String resolved = value;
            for (var replacement : replacements.entrySet()) {
                resolved = resolved.replace(replacement.getKey(), replacement.getValue());
            }
            return resolved;
        });
        return environment;
    }

    /** The Dockerfile's ENV lines. */
    private static Map<String, String> imageEnvironment() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String env = dockerfile.substring(dockerfile.lastIndexOf("\nENV ") + 5);
        env = env.substring(0, env.indexOf("\nENTRYPOINT"));
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher line = ENV_LINE.matcher(env);
        while (line.find()) {
            variables.put(line.group(1), line.group(2));
        }
        return variables;
    }

    /** Compose's {@code ${VAR:-default}}, with the variables of the repository's .env file. */
    private static String interpolate(String value) {
        Matcher reference = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String fromEnvFile = dotEnv().getProperty(reference.group(1));
            String replacement = fromEnvFile != null ? fromEnvFile
                    : reference.group(2) != null ? reference.group(2) : "";
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return reference.appendTail(out).toString();
    }

    private static Properties dotEnv() {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve(".env"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    /** The image's entry point with the service's command, its jars replaced by this build's classpath. */
    private Process start(String service, JsonNode definition, Map<String, String> environment) throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String entrypoint = dockerfile.substring(dockerfile.indexOf("ENTRYPOINT ") + "ENTRYPOINT ".length());
        entrypoint = entrypoint.substring(0, entrypoint.indexOf(']') + 1).replace("\\\n", " ");
        List<String> command = new ArrayList<>();
        for (JsonNode word : new ObjectMapper().readTree(entrypoint)) {
            command.add(switch (word.asText()) {
                case "java" -> Path.of(System.getProperty("java.home"), "bin", "java").toString();
                case "/opt/newsroom/lib/*" -> System.getProperty("java.class.path");
                default -> word.asText();
            });
        }
        definition.get("command").forEach(word -> command.add(word.asText()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(service + ".log").toFile());
        Map<String, String> processEnvironment = builder.environment();
        String path = processEnvironment.get("PATH");
        processEnvironment.clear();
        processEnvironment.put("PATH", path);
        processEnvironment.putAll(environment);
        return builder.start();
    }

    private static PublishedArticle firstPublished(Map<String, Object> client, TopicCatalogue topics,
                                                   String documentId) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("compose-reader"));
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<PublishedArticle> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(settings, topics.published().keySerde().deserializer(),
                topics.published().valueSerde().deserializer())) {
            consumer.subscribe(List.of(topics.published().name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.value() != null && record.value().getLineage().getDocumentId().equals(documentId)) {
                        found.add(record.value());
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String body(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }
}
