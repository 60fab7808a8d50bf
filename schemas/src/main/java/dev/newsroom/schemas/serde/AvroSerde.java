package dev.newsroom.schemas.serde;

import dev.newsroom.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka Streams serde.
 *
 * <p>Kafka Streams does not configure serde instances passed to {@code Consumed.with} or
 * {@code Produced.with}, so prefer the factories taking a client and a configuration, which return
 * a ready serde; pass every serde of a service the same client so they share one schema cache.
 * The factories without arguments return serdes that still need {@link #configure}.
 */
public final class AvroSerde<T> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /** Serde for a generated class; call {@link #configure} before use. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> cls) {
        return new AvroSerde<>(new AvroSerializer<>(), new AvroDeserializer<>(cls));
    }

    /** Serde for a generated class sharing {@code client}, configured for keys or values. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> cls, SchemaRegistryClient client,
            Map<String, ?> configs, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>(new AvroSerializer<>(client), new AvroDeserializer<>(client, cls));
        serde.configure(configs, isKey);
        return serde;
    }

    /** Serde for generic records; call {@link #configure} before use. */
    public static AvroSerde<GenericRecord> generic() {
        return new AvroSerde<>(new AvroSerializer<>(), new AvroDeserializer<>());
    }

    /** Serde for generic records sharing {@code client}, configured for keys or values. */
    public static AvroSerde<GenericRecord> generic(SchemaRegistryClient client, Map<String, ?> configs,
            boolean isKey) {
        AvroSerde<GenericRecord> serde = new AvroSerde<>(new AvroSerializer<>(client),
                new AvroDeserializer<>(client, null));
        serde.configure(configs, isKey);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
