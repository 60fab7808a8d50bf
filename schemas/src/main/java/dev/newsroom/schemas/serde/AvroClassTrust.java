package dev.newsroom.schemas.serde;

import java.util.HashSet;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.config.ConfigException;

/**
 * Avro 1.12 only instantiates generated classes whose package is trusted, and reads the trusted
 * list once, from the system property {@value #PROPERTY}, when its
 * {@code ClassSecurityValidator} is first used. An untrusted class makes every read throw
 * {@link SecurityException}, which a Kafka Streams handler would mistake for a stream of poison
 * records; checking every named type of the reader schema up front turns it into one
 * configuration error at start-up instead. We do not widen the trust ourselves: which packages a
 * JVM may instantiate from untrusted bytes is the application's decision.
 */
final class AvroClassTrust {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private AvroClassTrust() {
    }

    /** @throws ConfigException if any generated class behind {@code reader} is not trusted */
    static void requireTrusted(Schema reader, SpecificData model) {
        visit(reader, model, new HashSet<>());
    }

    /** Explains a {@link SecurityException} Avro threw while resolving {@code schema}'s classes. */
    static ConfigException untrusted(Schema schema, SecurityException cause) {
        String className = SpecificData.getClassName(schema);
        String packageName = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : className;
        ConfigException error = new ConfigException("Avro refuses to instantiate " + className
                + " because its package is not trusted. Start the JVM with -D" + PROPERTY + "=" + packageName
                + " (comma-separated, read once when Avro is first used, so setting it later has no effect) or"
                + " install a predicate with org.apache.avro.util.ClassSecurityValidator.setGlobal(...)."
                + " Avro said: " + cause.getMessage());
        error.initCause(cause);
        return error;
    }

    private static void visit(Schema schema, SpecificData model, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    check(schema, model);
                    schema.getFields().forEach(field -> visit(field.schema(), model, seen));
                }
            }
            case ENUM, FIXED -> {
                if (seen.add(schema.getFullName())) {
                    check(schema, model);
                }
            }
            case ARRAY -> visit(schema.getElementType(), model, seen);
            case MAP -> visit(schema.getValueType(), model, seen);
            case UNION -> schema.getTypes().forEach(type -> visit(type, model, seen));
            default -> {
            }
        }
    }

    private static void check(Schema schema, SpecificData model) {
        try {
            model.getClass(schema);
        } catch (SecurityException e) {
            throw untrusted(schema, e);
        }
    }
}
