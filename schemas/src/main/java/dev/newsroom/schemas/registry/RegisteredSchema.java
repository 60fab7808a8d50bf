package dev.newsroom.schemas.registry;

import org.apache.avro.Schema;

/** One version of a subject: its global id, its version number within the subject, its schema. */
public record RegisteredSchema(int id, int version, Schema schema) {
}
