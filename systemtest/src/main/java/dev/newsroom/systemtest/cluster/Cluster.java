package dev.newsroom.systemtest.cluster;

import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.devstack.registry.ApicurioRegistry;
import dev.newsroom.systemtest.net.FaultProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * The brokers and the registry the scenarios share, each a process of its own on loopback. Scenarios keep apart by
 * topic prefixes and application ids; one that takes a broker or the registry away brings it back, and
 * {@link #ensureUp()} repairs what a failed one left down.
 */
public final class Cluster implements AutoCloseable {

    /** Nodes of the replicated cluster, and the replicas of each of its partitions. */
    public static final int REPLICAS = 3;
    /** Replicas that must have a write before a producer with {@code acks=all} hears it is done. */
    public static final int MIN_IN_SYNC = 2;

    private final List<BrokerProcess> brokers;
    private final ApicurioRegistry registry;
    private final Isolation isolation;

    private Cluster(List<BrokerProcess> brokers, ApicurioRegistry registry, Isolation isolation) {
        this.brokers = List.copyOf(brokers);
        this.registry = registry;
        this.isolation = isolation;
    }

    /**
     * Starts a broker on {@code dir/kafka} and a registry keeping its schemas in {@code dir/registry}, so that both
     * come back from a restart with what they held.
     */
    public static Cluster start(Path dir) {
        BrokerProcess broker = BrokerProcess.start(dir.resolve("kafka"), dir);
        try {
            ApicurioRegistry registry = ApicurioRegistry.start(0, dir.resolve("registry"), true);
            return new Cluster(List.of(broker), registry, null);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * Starts {@value #REPLICAS} KRaft nodes (broker and controller each, a quorum of {@value #REPLICAS} voters) on
     * {@code dir/node-N}, every topic, internal ones included, at replication {@value #REPLICAS} with
     * {@code min.insync.replicas} {@value #MIN_IN_SYNC}, as production runs; and a registry keeping its schemas in
     * Kafka (Apicurio's kafkasql storage), so that it holds no state of its own. The last node stands behind
     * {@link #isolation()}'s proxies, which pass everything until a scenario cuts it off.
     */
    public static Cluster startReplicated(Path dir) {
        // A new quorum on a new cluster id: the data of an earlier run would be another cluster's.
        deleteTree(dir);
        int isolated = REPLICAS;
        Map<Integer, Integer> brokerPorts = new LinkedHashMap<>();
        Map<Integer, Integer> controllerPorts = new LinkedHashMap<>();
        for (int node = 1; node <= REPLICAS; node++) {
            brokerPorts.put(node, LoopbackPorts.free());
            controllerPorts.put(node, LoopbackPorts.free());
        }
        // The last node stands behind proxies: its listeners as everyone else sees them, and the quorum as it sees it.
        List<FaultProxy> links = new ArrayList<>();
        Map<Integer, String> outbound = new LinkedHashMap<>();
        Isolation isolation;
        try {
            links.add(FaultProxy.start("node-" + isolated + "-broker", LoopbackPorts.free(),
                    brokerPorts.get(isolated)));
            links.add(FaultProxy.start("node-" + isolated + "-controller", LoopbackPorts.free(),
                    controllerPorts.get(isolated)));
            for (int node = 1; node < isolated; node++) {
                FaultProxy link = FaultProxy.start("node-" + isolated + "-to-" + node, LoopbackPorts.free(),
                        controllerPorts.get(node));
                links.add(link);
                outbound.put(node, node + "@127.0.0.1:" + link.port());
            }
            isolation = new Isolation(isolated, links, "127.0.0.1:" + LoopbackPorts.free());
        } catch (RuntimeException e) {
            links.forEach(FaultProxy::close);
            throw e;
        }
        FaultProxy brokerLink = links.get(0);
        FaultProxy controllerLink = links.get(1);
        outbound.put(isolated, isolated + "@127.0.0.1:" + controllerPorts.get(isolated));
        String direct = isolation.directBootstrapServers();
        String voters = IntStream.rangeClosed(1, REPLICAS)
                .mapToObj(node -> node + "@127.0.0.1:"
                        + (node == isolated ? controllerLink.port() : controllerPorts.get(node)))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<BrokerProcess> brokers = new ArrayList<>();
        for (int node = 1; node <= REPLICAS; node++) {
            Map<String, String> settings = nodeSettings(node, brokerPorts.get(node), controllerPorts.get(node),
                    voters, dir.resolve("node-" + node));
            int advertised = brokerPorts.get(node);
            if (node == isolated) {
                advertised = brokerLink.port();
                settings.put("controller.quorum.voters", String.join(",", outbound.values()));
                settings.put("listeners", settings.get("listeners") + ",DIRECT://" + direct);
                settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertised + ",DIRECT://" + direct);
                settings.put("listener.security.protocol.map", settings.get("listener.security.protocol.map")
                        + ",DIRECT:PLAINTEXT");
            }
            brokers.add(BrokerProcess.node(node, clusterId, advertised, settings, dir));
        }
        try {
            brokers.forEach(BrokerProcess::launch);
            brokers.forEach(BrokerProcess::awaitReady);
            String bootstrap = brokers.stream().map(BrokerProcess::bootstrapServers).collect(Collectors.joining(","));
            ApicurioRegistry registry = ApicurioRegistry.start(ApicurioRegistry.choose(), 0, dir.resolve("registry"),
                    false, Map.of("apicurio.storage.kind", "kafkasql",
                            "apicurio.kafkasql.bootstrap.servers", bootstrap));
            return new Cluster(brokers, registry, isolation);
        } catch (RuntimeException e) {
            brokers.forEach(BrokerProcess::close);
            isolation.close();
            throw e;
        }
    }

    private static Map<String, String> nodeSettings(int node, int brokerPort, int controllerPort, String voters,
                                                    Path dataDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(node));
        settings.put("controller.quorum.voters", voters);
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", dataDir.toAbsolutePath().toString());
        String replicas = String.valueOf(REPLICAS);
        String minInSync = String.valueOf(MIN_IN_SYNC);
        settings.put("default.replication.factor", replicas);
        settings.put("min.insync.replicas", minInSync);
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", minInSync);
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        settings.put("share.coordinator.state.topic.min.isr", minInSync);
        settings.put("offsets.topic.num.partitions", "8");
        settings.put("transaction.state.log.num.partitions", "8");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // As the single broker: topics are created deliberately and awaited (KAFKA-15591).
        settings.put("auto.create.topics.enable", "false");
        settings.put("num.partitions", "1");
        return settings;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + dir, e);
        }
    }

    /** The first broker; on a replicated cluster, see {@link #brokers()}. */
    public BrokerProcess broker() {
        return brokers.get(0);
    }

    public List<BrokerProcess> brokers() {
        return brokers;
    }

    /** The broker whose node id in the cluster's metadata is {@code nodeId}. */
    public BrokerProcess node(int nodeId) {
        return brokers.get(nodeId - 1);
    }

    /** The proxies that can cut one node of a replicated cluster off; none on a single broker. */
    public Optional<Isolation> isolation() {
        return Optional.ofNullable(isolation);
    }

    public ApicurioRegistry registry() {
        return registry;
    }

    public String bootstrapServers() {
        return brokers.stream().map(BrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    public String schemaRegistryUrl() {
        return registry.confluentApiUrl();
    }

    /** Starts whatever is not running. */
    public void ensureUp() {
        if (isolation != null) {
            isolation.restore();
        }
        brokers.forEach(BrokerProcess::launch);
        brokers.forEach(BrokerProcess::awaitReady);
        registry.start();
    }

    @Override
    public void close() {
        try {
            registry.close();
        } finally {
            brokers.forEach(BrokerProcess::close);
            if (isolation != null) {
                isolation.close();
            }
        }
    }
}
