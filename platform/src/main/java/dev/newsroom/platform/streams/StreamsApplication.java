package dev.newsroom.platform.streams;

import dev.newsroom.platform.config.Setting;
import dev.newsroom.schemas.Stage;
import java.util.List;
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

    /** Settings of this service besides {@link dev.newsroom.platform.config.CommonSettings#ALL}. */
    default List<Setting> settings() {
        return List.of();
    }

    /** Work besides the topology (pollers, HTTP servers) to start with the service and stop with it. */
    default AutoCloseable startSideTasks(ServiceContext context) {
        return () -> { };
    }
}
