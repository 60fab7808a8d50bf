package dev.newsroom.platform.streams;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.config.Setting;
import dev.newsroom.schemas.Stage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Settings of this service besides the common ones. */
    default List<Setting<?>> settings() {
        return List.of();
    }

    /** Every setting this service understands: the common ones with its own defaults, then its own. */
    default List<Setting<?>> allSettings() {
        List<Setting<?>> all = new ArrayList<>(CommonSettings.forService(name(), defaultManagementPort()));
        all.addAll(settings());
        return all;
    }

    /**
     * The service's configuration, the one way every launcher assembles it: the properties file (may be
     * {@code null}), then the environment, then explicit overrides, onto {@link #allSettings()}.
     */
    default ServiceConfig configuration(Path file, Map<String, String> environment, Map<String, String> overrides) {
        return ServiceConfig.load(allSettings(), file, environment, overrides);
    }

    /** Work besides the topology (pollers, HTTP servers) to start with the service and stop with it. */
    default AutoCloseable startSideTasks(ServiceContext context) {
        return () -> { };
    }
}
