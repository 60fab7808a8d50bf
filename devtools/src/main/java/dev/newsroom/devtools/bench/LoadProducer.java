package dev.newsroom.devtools.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends ready-made records to the first topic, as fast as the producer takes them or at a fixed rate. Each record
 * is stamped with the wall-clock time it was handed to the producer: every hop keeps that timestamp, so the reader
 * at the end measures the whole way from here.
 */
final class LoadProducer implements AutoCloseable {

    /** A record to send: its key, its value bytes exactly as they go on the wire. */
    record Payload(String key, byte[] value) {
    }

    /** What a send phase did. */
    record Sent(long records, long bytes, long startedNanos, long lastSentNanos, long acknowledgedNanos) {
        /** From the first send to the last acknowledgement. */
        double seconds() {
            return (acknowledgedNanos - startedNanos) / 1e9;
        }
    }

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    LoadProducer(Map<String, Object> clientConfig, String clientId) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends everything as fast as the producer accepts it, then waits for every acknowledgement. */
    Sent sendAll(String topic, List<Payload> payloads) {
        return send(topic, payloads, 0);
    }

    /** Sends one record every {@code 1/perSecond} seconds, on schedule even after a late one. */
    Sent sendAtRate(String topic, List<Payload> payloads, double perSecond) {
        return send(topic, payloads, perSecond);
    }

    private Sent send(String topic, List<Payload> payloads, double perSecond) {
        long bytes = 0;
        long started = System.nanoTime();
        long last = started;
        double interval = perSecond > 0 ? 1e9 / perSecond : 0;
        for (int i = 0; i < payloads.size(); i++) {
            if (interval > 0) {
                long due = started + (long) (i * interval);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            Payload payload = payloads.get(i);
            producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), payload.key(), payload.value()),
                    (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
            bytes += payload.value().length;
            last = System.nanoTime();
        }
        producer.flush();
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("Producing the load failed: " + error.getMessage(), error);
        }
        return new Sent(payloads.size(), bytes, started, last, System.nanoTime());
    }

    @Override
    public void close() {
        producer.close();
    }
}
