package dev.newsroom.systemtest.cluster;

import dev.newsroom.systemtest.net.FaultProxy;
import java.time.Duration;
import java.util.List;

/**
 * The proxies around one node of the replicated cluster, through which every byte to and from it passes but its own
 * fetches from the other brokers: clients and peers reach its broker and controller listeners only through them, and
 * it reaches the controller quorum only through them. Dropping them all cuts the node off as a failed switch port
 * would: its heartbeats stop, the quorum fences it, leadership moves to the replicas still in sync.
 */
public final class Isolation implements AutoCloseable {

    private final int nodeId;
    private final List<FaultProxy> links;
    private final String directBootstrapServers;

    Isolation(int nodeId, List<FaultProxy> links, String directBootstrapServers) {
        this.nodeId = nodeId;
        this.links = List.copyOf(links);
        this.directBootstrapServers = directBootstrapServers;
    }

    /** The node behind the proxies. */
    public int nodeId() {
        return nodeId;
    }

    /**
     * A listener of the node's own that no proxy stands in front of: what a client on the node's side of a partition
     * would still reach. Its metadata names only this node.
     */
    public String directBootstrapServers() {
        return directBootstrapServers;
    }

    public void drop() {
        links.forEach(FaultProxy::drop);
    }

    public void slow(Duration latency) {
        links.forEach(link -> link.slow(latency));
    }

    public void restore() {
        links.forEach(FaultProxy::pass);
    }

    @Override
    public void close() {
        links.forEach(FaultProxy::close);
    }
}
