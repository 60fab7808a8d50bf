package dev.newsroom.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * This record's bytes cannot be turned into a value, however often we try: not in the Confluent
 * wire format, truncated, corrupt, or written with a schema this consumer cannot resolve to its
 * reader schema. A poison record: see {@link AvroDeserializer} for what to do with it.
 */
public class WireFormatException extends SerializationException {

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
