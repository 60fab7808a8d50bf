package dev.newsroom.devstack;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A running Kafka broker plus a Confluent-compatible schema registry, as tests and the demo see them. */
public interface KafkaStack extends AutoCloseable {

    /** {@code bootstrap.servers} for clients. */
    String bootstrapServers();

    /** {@code schema.registry.url} for serdes: the registry's Confluent-compatible API. */
    String schemaRegistryUrl();

    /** What runs, for logs and reports, e.g. "in-process Kafka 4.4.0 + Apicurio Registry 3.3.3 on Java 25". */
    String description();

    /**
     * Takes the registry away until the returned handle is closed, to prove that clients wait and recover.
     * Schemas registered before the outage are still there afterwards.
     */
    Outage registryOutage();

    @Override
    void close();

    /** A name no other test in this JVM uses, for topics and application ids. */
    static String uniqueName(String prefix) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    /** An outage in progress; {@link #close()} ends it and waits until the component is back. */
    interface Outage extends AutoCloseable {
        @Override
        void close();
    }
}
