package dev.newsroom.systemtest.load;

import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a prepared stream of documents to the raw topic at a steady rate, on a thread of its own, as a newsroom
 * system would: an idempotent producer with {@code acks=all} that keeps trying for ten minutes, so a broker that is
 * killed and restarted, or a registry that is away, delays documents but loses none. Only acknowledged documents
 * count as sent; a send that fails for good fails the scenario.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final List<GeneratedDocument> documents;
    private final double perSecond;
    private final Topic<String, RawDocument> raw;
    private final Serializer<RawDocument> serializer;
    private final KafkaProducer<String, byte[]> producer;
    private final ConcurrentLinkedQueue<SentDocument> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledgedCount = new AtomicInteger();
    private final AtomicInteger handedOver = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param documents the stream, in order
     * @param perSecond documents per second
     */
    public LoadGenerator(List<GeneratedDocument> documents, double perSecond, String bootstrapServers,
                         Topic<String, RawDocument> raw) {
        this.documents = List.copyOf(documents);
        this.perSecond = perSecond;
        this.raw = raw;
        this.serializer = raw.valueSerde().serializer();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "systemtest-load");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicId.LARGE_RECORD_BYTES);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 96L * 1024 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, PATIENCE.toMillis());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::run, "systemtest-load");
    }

    public LoadGenerator start() {
        thread.start();
        return this;
    }

    public int total() {
        return documents.size();
    }

    /** Documents handed to the producer so far (sent or on their way). */
    public int handedOver() {
        return handedOver.get();
    }

    /** Documents the broker has acknowledged. */
    public int acknowledged() {
        return acknowledgedCount.get();
    }

    public boolean isDone() {
        return acknowledgedCount.get() == documents.size() || failure.get() != null;
    }

    /** The first send that failed for good, if any. */
    public Exception failure() {
        return failure.get();
    }

    /** What was acknowledged, with where it landed. */
    public List<SentDocument> sent() {
        return new ArrayList<>(acknowledged);
    }

    private void run() {
        long began = System.nanoTime();
        for (int i = 0; i < documents.size() && running && failure.get() == null; i++) {
            long due = began + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            GeneratedDocument document = documents.get(i);
            try {
                producer.send(new ProducerRecord<>(raw.name(), document.documentId(), value(document)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            } else {
                                acknowledged.add(new SentDocument(document, metadata.partition(), metadata.offset()));
                                acknowledgedCount.incrementAndGet();
                            }
                        });
                handedOver.incrementAndGet();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
        producer.flush();
    }

    private byte[] value(GeneratedDocument document) {
        return switch (document.kind()) {
            case RANDOM_BYTES -> document.payload();
            case UNKNOWN_SCHEMA_ID -> {
                byte[] framed = serializer.serialize(raw.name(), rawDocument(document, document.payload()));
                ByteBuffer.wrap(framed, 1, 4).putInt(DocumentFactory.unknownSchemaId(document.serial()));
                yield framed;
            }
            case OVERSIZED -> serializer.serialize(raw.name(),
                    rawDocument(document, DocumentFactory.oversizedPayload(document.serial())));
            default -> serializer.serialize(raw.name(), rawDocument(document, document.payload()));
        };
    }

    private static RawDocument rawDocument(GeneratedDocument document, byte[] payload) {
        return RawDocument.newBuilder()
                .setDocumentId(document.documentId())
                .setSource(DocumentFactory.SOURCE)
                .setContentType(document.contentType())
                .setUri(null)
                .setReceivedAt(Instant.now())
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
