package dev.newsroom.devstack.junit;

import dev.newsroom.devstack.KafkaStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic the way a downstream consumer sees it (read_committed, from the beginning), for tests that count
 * what a service wrote. After the expected number arrives it keeps listening a little, so extras (duplicates)
 * are counted too rather than missed.
 */
public final class CommittedRecords {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private CommittedRecords() {
    }

    public static <V> List<V> read(KafkaStack stack, String topic, Deserializer<V> values, int expected,
                                   Duration timeout) {
        return read(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), topic, values, expected,
                timeout);
    }

    /** The same through a client of these settings (a secured listener's, for one). */
    public static <V> List<V> read(Map<String, Object> clientSettings, String topic, Deserializer<V> values,
                                   int expected, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("reader"));
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<V> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
                if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + QUIET.toNanos();
                }
            }
        }
        return out;
    }

    public static <V> List<V> read(KafkaStack stack, String topic, Deserializer<V> values, int expected) {
        return read(stack, topic, values, expected, Duration.ofSeconds(90));
    }
}
