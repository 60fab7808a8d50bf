package dev.newsroom.ingest.poller;

import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Produces raw documents to the raw topic ({@code newsroom.topic.raw}), keyed by document id, idempotently
 * with {@code acks=all}, and waits for each to be acknowledged: the poller only remembers a feed's validators
 * once its document is safely on the topic.
 */
public final class KafkaRawDocumentSink implements RawDocumentSink, AutoCloseable {

    /**
     * Room for the largest body the poller accepts by default, the linked pages it may carry and the record around
     * them. The raw topic (or the broker) must allow messages this large too ({@code max.message.bytes}); the
     * default is about 1 MB.
     */
    static final int DEFAULT_MAX_REQUEST_SIZE = (int) (PollerConfig.DEFAULT_MAX_RESPONSE_BYTES
            + FullTextSettings.DEFAULT_MAX_PAGES_PER_DOCUMENT) + 1024 * 1024;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, RawDocument> producer;
    private final String topic;

    /**
     * A sink configured like every other newsroom client: {@code bootstrap.servers}, {@code schema.registry.url},
     * topic name overrides and any Kafka producer or serde settings, in one map.
     */
    public static KafkaRawDocumentSink create(Map<String, ?> config) {
        return new KafkaRawDocumentSink(config, TopicCatalogue.of(config, new SchemaRegistryClient(config)));
    }

    /**
     * @param config producer settings ({@code bootstrap.servers}, security ...); idempotence and {@code acks=all}
     *               are always set
     * @param topics where the raw topic's name and value serde come from
     */
    public KafkaRawDocumentSink(Map<String, ?> config, TopicCatalogue topics) {
        this(producer(config, topics.raw()), topics.raw().name());
    }

    KafkaRawDocumentSink(Producer<String, RawDocument> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** The settings the producer runs with: {@code config} with the guarantees the poller relies on. */
    static Map<String, Object> producerConfig(Map<String, ?> config) {
        Map<String, Object> settings = new HashMap<>();
        config.forEach((key, value) -> {
            if (!key.startsWith("newsroom.") && !key.startsWith(PollerConfig.PREFIX)) {
                settings.put(key, value);
            }
        });
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsroom-poller");
        settings.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return settings;
    }

    private static Producer<String, RawDocument> producer(Map<String, ?> config, Topic<String, RawDocument> raw) {
        return new KafkaProducer<>(producerConfig(config), raw.keySerde().serializer(), raw.valueSerde().serializer());
    }

    public String topic() {
        return topic;
    }

    @Override
    public void accept(RawDocument document) {
        try {
            producer.send(new ProducerRecord<>(topic, document.getDocumentId(), document)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException("Interrupted while producing " + document.getDocumentId() + " to " + topic,
                    e);
        } catch (ExecutionException e) {
            throw new KafkaException("Could not produce " + document.getDocumentId() + " to " + topic + ": "
                    + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
