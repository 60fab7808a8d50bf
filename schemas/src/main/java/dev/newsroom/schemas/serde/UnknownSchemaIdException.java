package dev.newsroom.schemas.serde;

import dev.newsroom.schemas.registry.SchemaNotFoundException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The record names a writer schema id the registry does not have (HTTP 404). Either the record
 * was produced against another registry or the schema was hard-deleted; the record cannot be read
 * here, so it is a poison record, not a registry outage.
 */
public class UnknownSchemaIdException extends SerializationException {

    private final String topic;
    private final int schemaId;
    private final String registryUrl;

    public UnknownSchemaIdException(String topic, int schemaId, SchemaNotFoundException cause) {
        super("Record from topic '" + topic + "' was written with schema id " + schemaId
                + ", which schema registry " + cause.url() + " does not know: " + cause.getMessage(), cause);
        this.topic = topic;
        this.schemaId = schemaId;
        this.registryUrl = cause.url();
    }

    public String topic() {
        return topic;
    }

    public int schemaId() {
        return schemaId;
    }

    public String registryUrl() {
        return registryUrl;
    }
}
