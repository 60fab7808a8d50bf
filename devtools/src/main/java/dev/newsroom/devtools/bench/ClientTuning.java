package dev.newsroom.devtools.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka client settings a bench run gives its load producer, its pass-through baselines and the pipeline's
 * services alike, so a ratio compares designs, not client settings. Kafka's defaults suit small records: a 16 KB
 * batch holds two or three of the bench's 6 KB documents, and every hop pays a request per few records.
 *
 * @param producer producer settings ({@code batch.size}, {@code linger.ms}, {@code compression.type} ...)
 * @param consumer consumer settings ({@code fetch.min.bytes}, {@code max.poll.records} ...)
 */
record ClientTuning(String name, Map<String, String> producer, Map<String, String> consumer) {

    static final ClientTuning KAFKA_DEFAULTS = new ClientTuning("kafka-defaults", Map.of(), Map.of());

    /**
     * The best the baselines reached on the development machines in {@code bench --search-clients} (docs/benchmarks.md
     * has the search): 3.5–4.5 times the Streams pass-through of Kafka's defaults. Batches large enough for many
     * documents matter most; {@code linger.ms} is what Kafka Streams already sets for its producers; zstd costs less
     * CPU than it saves the broker; the consumer's defaults were best.
     */
    static final ClientTuning THROUGHPUT = new ClientTuning("throughput",
            Map.of("batch.size", "524288", "linger.ms", "100", "compression.type", "zstd"), Map.of());

    static final List<ClientTuning> NAMED = List.of(THROUGHPUT, KAFKA_DEFAULTS);

    ClientTuning {
        producer = Map.copyOf(producer);
        consumer = Map.copyOf(consumer);
    }

    static ClientTuning named(String name) {
        return NAMED.stream().filter(tuning -> tuning.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown client tuning '" + name + "' ("
                        + NAMED.stream().map(ClientTuning::name).collect(Collectors.joining(", ")) + ")"));
    }

    /** This tuning with one producer setting changed. */
    ClientTuning withProducer(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(producer);
        changed.put(key, value);
        return new ClientTuning(name, changed, consumer);
    }

    /** This tuning with one consumer setting changed. */
    ClientTuning withConsumer(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(consumer);
        changed.put(key, value);
        return new ClientTuning(name, producer, changed);
    }

    Map<String, Object> producerConfig(Map<String, Object> base) {
        Map<String, Object> config = new LinkedHashMap<>(base);
        config.putAll(producer);
        return config;
    }

    Map<String, Object> consumerConfig(Map<String, Object> base) {
        Map<String, Object> config = new LinkedHashMap<>(base);
        config.putAll(consumer);
        return config;
    }

    /** As Kafka Streams takes them: prefixed for its producers and its main consumer. */
    Map<String, Object> streamsProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        producer.forEach((key, value) -> properties.put(StreamsConfig.producerPrefix(key), value));
        consumer.forEach((key, value) -> properties.put(StreamsConfig.mainConsumerPrefix(key), value));
        return properties;
    }

    /** As a service's settings: {@code kafka.*} passes them to its Streams configuration. */
    Map<String, String> serviceSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        streamsProperties().forEach((key, value) -> settings.put("kafka." + key, String.valueOf(value)));
        return settings;
    }

    /** One line: the name and every setting, producer first. */
    String describe() {
        if (producer.isEmpty() && consumer.isEmpty()) {
            return name + " (Kafka's defaults)";
        }
        return String.format(Locale.ROOT, "%s (producer %s; consumer %s)", name, text(producer), text(consumer));
    }

    private static String text(Map<String, String> settings) {
        return settings.isEmpty() ? "defaults" : settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    }
}
