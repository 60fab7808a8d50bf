package dev.newsroom.platform.deadletter;

import dev.newsroom.platform.config.ConfigurationException;
import dev.newsroom.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * How a failure must be handled. The line that matters: a record that can never be processed goes to the
 * dead-letter topic and the partition moves on; a failure that is about the world (registry down, broker
 * unreachable) is retried and never dead-lettered; a misconfiguration stops the service. Anything else,
 * including a bug in our own processing, dead-letters the record so it can be re-driven after the fix.
 */
public enum FailureKind {
    /** The record itself is bad: dead-letter it. */
    POISON,
    /** Something outside the record is temporarily wrong: retry the record later. */
    TRANSIENT,
    /** The service is set up wrong (auth, config): stop and say why. */
    FATAL;

    public static FailureKind of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException) {
                return TRANSIENT;
            }
            if (t instanceof ConfigException || t instanceof ConfigurationException) {
                return FATAL;
            }
            if (t instanceof SchemaRegistryException registryError) {
                int status = registryError.status();
                return status == 401 || status == 403 ? FATAL : POISON;
            }
            if (t instanceof SecurityException) {
                return FATAL;
            }
        }
        return POISON;
    }
}
