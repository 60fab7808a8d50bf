package dev.newsroom.schemas.registry;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Confluent's three subject name strategies, chosen with
 * {@value SchemaRegistryConfig#KEY_SUBJECT_NAME_STRATEGY} /
 * {@value SchemaRegistryConfig#VALUE_SUBJECT_NAME_STRATEGY} by short name or by Confluent's class
 * name, so a properties file written for Confluent's serde works unchanged.
 */
public enum SubjectNameStrategy {

    /** {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic. */
    TOPIC("topic", "io.confluent.kafka.serializers.subject.TopicNameStrategy"),
    /** The record's full name: one lineage per record type, across topics. */
    RECORD("record", "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
    /** {@code <topic>-<record full name>}: several record types in one topic, each with its lineage. */
    TOPIC_RECORD("topic-record", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");

    static final ConfigDef.Validator VALIDATOR = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null) {
                try {
                    named((String) value);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }
        }

        @Override
        public String toString() {
            return Arrays.stream(values()).map(s -> s.shortName + " or " + s.confluentClass)
                    .collect(Collectors.joining(", "));
        }
    };

    private final String shortName;
    private final String confluentClass;

    SubjectNameStrategy(String shortName, String confluentClass) {
        this.shortName = shortName;
        this.confluentClass = confluentClass;
    }

    public String shortName() {
        return shortName;
    }

    /** The strategy with this short name or Confluent class name. */
    public static SubjectNameStrategy named(String name) {
        String wanted = name.strip();
        for (SubjectNameStrategy strategy : values()) {
            if (strategy.shortName.equalsIgnoreCase(wanted) || strategy.confluentClass.equals(wanted)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown subject name strategy; expected one of " + VALIDATOR);
    }

    /** The subject a record with {@code schema} written to {@code topic} is registered under. */
    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC -> topic + (isKey ? "-key" : "-value");
            case RECORD -> schema.getFullName();
            case TOPIC_RECORD -> topic + "-" + schema.getFullName();
        };
    }
}
