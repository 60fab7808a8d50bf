package dev.newsroom.systemtest.scenario;

import java.time.Duration;

/**
 * The knobs of the {@code Cluster*} scenarios, beside {@link SystemTestSettings}' (rate and seed are shared). Their
 * defaults keep the four scenarios together within about five minutes of CI on two cores: a few hundred documents
 * each, and outages measured in seconds rather than the minute a soak holds them for.
 */
public final class ClusterSettings {

    private ClusterSettings() {
    }

    /**
     * Documents per cluster scenario ({@code newsroom.systemtest.cluster.documents}; else, when
     * {@code newsroom.systemtest.duration} is set, that long at the rate; else 200).
     */
    public static int documents() {
        Integer documents = Integer.getInteger("newsroom.systemtest.cluster.documents");
        if (documents != null) {
            return documents;
        }
        return System.getProperty("newsroom.systemtest.duration") == null ? 200 : SystemTestSettings.documents();
    }

    /** How long a killed broker stays down ({@code newsroom.systemtest.cluster.broker-down}, default 20 s). */
    public static Duration brokerDown() {
        return Duration.parse(System.getProperty("newsroom.systemtest.cluster.broker-down", "PT20S"));
    }

    /**
     * How long each phase of the network partition lasts, dropped and then slowed
     * ({@code newsroom.systemtest.cluster.partition}, default 15 s; the 60 s for longer runs). The
     * quorum fences a silent broker within {@code broker.session.timeout.ms}, 9 s; the scenario waits for that anyway.
     */
    public static Duration partitionPhase() {
        return Duration.parse(System.getProperty("newsroom.systemtest.cluster.partition", "PT15S"));
    }
}
