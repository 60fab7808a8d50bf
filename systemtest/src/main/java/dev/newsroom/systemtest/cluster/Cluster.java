package dev.newsroom.systemtest.cluster;

import dev.newsroom.devstack.registry.ApicurioRegistry;
import java.nio.file.Path;

/**
 * The broker and the registry the scenarios share, each a process of its own on loopback. Scenarios keep apart by
 * topic prefixes and application ids; one that takes the broker or the registry away brings it back, and
 * {@link #ensureUp()} repairs what a failed one left down.
 */
public final class Cluster implements AutoCloseable {

    private final BrokerProcess broker;
    private final ApicurioRegistry registry;

    private Cluster(BrokerProcess broker, ApicurioRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    /**
     * Starts a broker on {@code dir/kafka} and a registry keeping its schemas in {@code dir/registry}, so that both
     * come back from a restart with what they held.
     */
    public static Cluster start(Path dir) {
        BrokerProcess broker = BrokerProcess.start(dir.resolve("kafka"), dir);
        try {
            ApicurioRegistry registry = ApicurioRegistry.start(0, dir.resolve("registry"), true);
            return new Cluster(broker, registry);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public BrokerProcess broker() {
        return broker;
    }

    public ApicurioRegistry registry() {
        return registry;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    /** Starts whatever is not running. */
    public void ensureUp() {
        broker.start();
        registry.start();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            broker.close();
        }
    }
}
