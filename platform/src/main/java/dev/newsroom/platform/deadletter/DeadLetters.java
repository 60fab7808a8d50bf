package dev.newsroom.platform.deadletter;

import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RecordHeader;
import dev.newsroom.schemas.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Builds dead letters: the failed record's coordinates, key, value bytes and headers unchanged, and a reason
 * a person can act on. A dead letter carries everything needed to re-drive the record to its original topic.
 */
public final class DeadLetters {

    /** Header on a dead-letter record naming the stage, so consumers can filter without decoding. */
    public static final String STAGE_HEADER = "newsroom.deadletter.stage";
    private static final int MAX_STACK_TRACE = 8_000;

    private final Stage stage;
    private final String application;
    private final String topic;
    private final Serializer<DeadLetter> serializer;
    private final Clock clock;

    public DeadLetters(Stage stage, String application, String topic, Serializer<DeadLetter> serializer, Clock clock) {
        this.stage = stage;
        this.application = application;
        this.topic = topic;
        this.serializer = serializer;
        this.clock = clock;
    }

    public String topic() {
        return topic;
    }

    /** The failed record, as far as it is known. */
    public record Failed(String topic, int partition, long offset, Long timestamp, byte[] key, byte[] value,
                         Headers headers) {

        /** A record keyed by a UTF-8 string, as our topics are, whose value is the bytes as consumed. */
        public static Failed of(String topic, int partition, long offset, Long timestamp, String key, byte[] value,
                                Headers headers) {
            return new Failed(topic, partition, offset, timestamp, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value, headers);
        }

        /** A record a consumer read, keyed by a string. */
        public static Failed of(ConsumerRecord<String, byte[]> record) {
            return of(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                    record.value(), record.headers());
        }

        /** A record inside a stream processor: where it came from, and the record with its original value. */
        public static Failed of(RecordMetadata source, Record<String, ?> record, byte[] value) {
            return of(source.topic(), source.partition(), source.offset(), record.timestamp(), record.key(), value,
                    record.headers());
        }
    }

    public DeadLetter describe(Failed failed, Throwable error, Map<String, String> details, int attempts) {
        String suffix = details.containsKey("itemIndex") ? ":" + details.get("itemIndex") : "";
        return DeadLetter.newBuilder()
                .setId(stage + ":" + failed.topic() + ":" + failed.partition() + ":" + failed.offset() + suffix)
                .setStage(stage)
                .setReason(reason(error))
                .setErrorClass(rootCause(error).getClass().getName())
                .setStackTrace(stackTrace(error))
                .setApplication(application)
                .setOriginalTopic(failed.topic())
                .setOriginalPartition(failed.partition())
                .setOriginalOffset(failed.offset())
                .setOriginalTimestamp(failed.timestamp() == null || failed.timestamp() < 0
                        ? null : java.time.Instant.ofEpochMilli(failed.timestamp()))
                .setOriginalKey(failed.key() == null ? null : ByteBuffer.wrap(failed.key()))
                .setOriginalValue(failed.value() == null ? null : ByteBuffer.wrap(failed.value()))
                .setOriginalHeaders(headers(failed.headers()))
                .setDetails(details)
                .setFailedAt(clock.instant())
                .setAttempts(attempts)
                .build();
    }

    /** The dead letter as a record for the dead-letter topic, keyed like the original so it stays in order with it. */
    public ProducerRecord<byte[], byte[]> toRecord(DeadLetter deadLetter) {
        byte[] key = deadLetter.getOriginalKey() != null
                ? bytes(deadLetter.getOriginalKey())
                : deadLetter.getId().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key,
                serializer.serialize(topic, deadLetter));
        record.headers().add(STAGE_HEADER, stage.name().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * The message of the outermost error that has one, followed by the messages of its causes when they add
     * something: the outer message says which input failed, the inner one why.
     */
    public static String reason(Throwable error) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && reason.indexOf(message) < 0) {
                if (reason.length() > 0) {
                    reason.append(": ");
                }
                reason.append(message);
            }
        }
        return reason.length() == 0 ? rootCause(error).getClass().getSimpleName() : reason.toString();
    }

    static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        String trace = out.toString();
        return trace.length() > MAX_STACK_TRACE ? trace.substring(0, MAX_STACK_TRACE) + "\n\t..." : trace;
    }

    private static List<RecordHeader> headers(Headers headers) {
        List<RecordHeader> out = new ArrayList<>();
        if (headers != null) {
            for (Header header : headers) {
                out.add(new RecordHeader(header.key(), header.value() == null ? null : ByteBuffer.wrap(header.value())));
            }
        }
        return out;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
