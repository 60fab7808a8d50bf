package dev.newsroom.platform.deadletter;

import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams error handlers that put poison records in the dead-letter topic (inside the same transaction as
 * the rest of the task's output under exactly-once) and let the partition move on, while transient failures
 * fail the task so that it is retried from its last commit, and nothing is lost either way.
 *
 * <p>Configured from the Streams properties: {@value #STAGE} names the stage, {@code application.id} the
 * application, the topic catalogue's keys the dead-letter topic, and the registry settings its serde.
 */
public final class DeadLetterHandlers {

    /** Streams property naming the stage ({@link Stage}) that dead letters are filed under. */
    public static final String STAGE = "newsroom.stage";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /** Adds the three handlers and what they need to Streams properties. */
    public static void configure(Map<String, Object> streamsProperties, Stage stage) {
        streamsProperties.put(STAGE, stage.name());
        streamsProperties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, OnDeserialization.class);
        streamsProperties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, OnProcessing.class);
        streamsProperties.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OnProduction.class);
    }

    static DeadLetters deadLetters(Map<String, ?> configs) {
        Object stage = configs.get(STAGE);
        if (stage == null) {
            throw new IllegalStateException("Streams property " + STAGE + " is not set: use DeadLetterHandlers.configure");
        }
        TopicCatalogue topics = TopicCatalogue.of(configs, new SchemaRegistryClient(configs));
        return new DeadLetters(Stage.valueOf(stage.toString()), String.valueOf(configs.get("application.id")),
                topics.name(TopicId.DEADLETTER), topics.deadLetters().valueSerde().serializer(), Clock.systemUTC());
    }

    private static DeadLetters.Failed failed(ErrorHandlerContext context) {
        return new DeadLetters.Failed(context.topic(), context.partition(), context.offset(), context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers());
    }

    private static List<ProducerRecord<byte[], byte[]>> deadLetter(DeadLetters deadLetters, DeadLetters.Failed failed,
                                                                   Exception error, String where) {
        Map<String, String> details = new HashMap<>();
        details.put("failedIn", where);
        DeadLetter letter = deadLetters.describe(failed, error, details, 1);
        LOG.warn("Dead-lettering {}-{}@{} ({}): {}", failed.topic(), failed.partition(), failed.offset(), where,
                letter.getReason());
        return List.of(deadLetters.toRecord(letter));
    }

    /** A record that does not deserialize (not our wire format, unknown schema id, undecodable). */
    public static final class OnDeserialization implements DeserializationExceptionHandler {
        private DeadLetters deadLetters;

        @Override
        public void configure(Map<String, ?> configs) {
            deadLetters = deadLetters(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            if (FailureKind.of(exception) != FailureKind.POISON) {
                LOG.warn("Cannot deserialize {}-{}@{} now, will retry: {}", record.topic(), record.partition(),
                        record.offset(), DeadLetters.reason(exception));
                return Response.fail();
            }
            DeadLetters.Failed failed = new DeadLetters.Failed(record.topic(), record.partition(), record.offset(),
                    record.timestamp(), record.key(), record.value(), record.headers());
            return Response.resume(deadLetter(deadLetters, failed, exception, "deserialization"));
        }
    }

    /** An exception thrown by our processing code for a record. */
    public static final class OnProcessing implements ProcessingExceptionHandler {
        private DeadLetters deadLetters;

        @Override
        public void configure(Map<String, ?> configs) {
            deadLetters = deadLetters(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (FailureKind.of(exception) != FailureKind.POISON) {
                LOG.warn("Processing {}-{}@{} failed, will retry: {}", context.topic(), context.partition(),
                        context.offset(), DeadLetters.reason(exception));
                return Response.fail();
            }
            return Response.resume(deadLetter(deadLetters, failed(context), exception,
                    "processor " + context.processorNodeId()));
        }
    }

    /**
     * A result that cannot be written (its serialization fails for a reason other than a registry outage, or the
     * broker refuses it as too large): the input that produced it is dead-lettered.
     */
    public static final class OnProduction implements ProductionExceptionHandler {
        private DeadLetters deadLetters;

        @Override
        public void configure(Map<String, ?> configs) {
            deadLetters = deadLetters(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                    Exception exception) {
            if (exception instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
                return Response.resume(deadLetter(deadLetters, failed(context), exception,
                        "producing to " + record.topic()));
            }
            return Response.fail();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
                                                 Exception exception, SerializationExceptionOrigin origin) {
            if (FailureKind.of(exception) != FailureKind.POISON) {
                return Response.fail();
            }
            return Response.resume(deadLetter(deadLetters, failed(context), exception,
                    "serializing the " + origin.name().toLowerCase(java.util.Locale.ROOT) + " for " + record.topic()));
        }
    }
}
