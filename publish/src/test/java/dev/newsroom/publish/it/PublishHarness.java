package dev.newsroom.publish.it;

import dev.newsroom.devstack.KafkaStack;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The publish service on the real broker and registry, with topics and application id of its own: its settings,
 * an outlet file, producers for its inputs and read_committed readers for its outputs.
 */
final class PublishHarness implements AutoCloseable {

    private final KafkaStack stack;
    private final Path dir;
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final TopicCatalogue topics;
    private final KafkaProducer<String, byte[]> producer;
    private ServiceRunner runner;

    PublishHarness(KafkaStack stack, Path dir) {
        this.stack = stack;
        this.dir = dir;
        String prefix = KafkaStack.uniqueName("pub");
        settings.putAll(TopicCatalogue.prefixed(prefix + "."));
        settings.put("bootstrap.servers", stack.bootstrapServers());
        settings.put("schema.registry.url", stack.schemaRegistryUrl());
        settings.put("application.id", prefix + "-publish");
        settings.put("newsroom.state.dir", dir.resolve("state").toString());
        settings.put("newsroom.topic.partitions", "2");
        settings.put(CommonSettings.MANAGEMENT_PORT.key(), String.valueOf(LoopbackPorts.free()));
        settings.put(PublishSettings.HTTP_PORT.key(), String.valueOf(LoopbackPorts.free()));
        settings.put(PublishSettings.EMBARGO_CHECK_INTERVAL.key(), "200ms");
        topics = TopicCatalogue.of(settings, new SchemaRegistryClient(stack.schemaRegistryUrl()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    String prefix() {
        return settings.get("application.id").replace("-publish", "");
    }

    TopicCatalogue topics() {
        return topics;
    }

    Map<String, String> settings() {
        return settings;
    }

    PublishHarness set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    PublishHarness env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    PublishHarness outlets(String yaml) {
        try {
            Path file = Files.writeString(dir.resolve("outlets.yaml"), yaml);
            settings.put(PublishSettings.OUTLETS_FILE.key(), file.toString());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ServiceRunner start() {
        runner = ServiceRunner.start(new PublishApplication(environment), ServiceConfig.of(settings));
        await().atMost(Duration.ofSeconds(90)).until(runner::isReady);
        return runner;
    }

    void stop() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    String httpBase() {
        return "http://127.0.0.1:" + settings.get(PublishSettings.HTTP_PORT.key());
    }

    HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpBase() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void publish(EnrichedArticle article) {
        send(topics.name(TopicId.ENRICHED), article.getArticle().getId(),
                topics.enriched().valueSerde().serializer().serialize(topics.name(TopicId.ENRICHED), article));
    }

    void moderate(ModerationCommand command) {
        send(topics.name(TopicId.MODERATION_COMMANDS), command.getArticleId(), topics.moderationCommands()
                .valueSerde().serializer().serialize(topics.name(TopicId.MODERATION_COMMANDS), command));
    }

    void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void send(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Reads {@code topic} from the beginning (read_committed) until {@code done} holds or the time is up. */
    <V> List<ConsumerRecord<String, V>> read(String topic, Deserializer<V> values,
                                             Predicate<List<ConsumerRecord<String, V>>> done, Duration atMost) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("reader"),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        stop();
        producer.close();
    }
}
