package dev.newsroom.platform.streams;

import dev.newsroom.schemas.Stage;
import org.apache.kafka.streams.Topology;

/** A pipeline service built on Kafka Streams: what the runner needs to know to run it. */
public interface StreamsApplication {

    /** Short name: ingest, enrich, publish. */
    String name();

    Stage stage();

    /** Management port when none is configured. */
    int defaultManagementPort();

    /** The topology, built by a plain method that tests call too. */
    Topology topology(ServiceContext context);

    /** Work besides the topology (pollers, HTTP servers) to start with the service and stop with it. */
    default AutoCloseable startSideTasks(ServiceContext context) {
        return () -> { };
    }
}
