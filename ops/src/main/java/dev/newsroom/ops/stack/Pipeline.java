package dev.newsroom.ops.stack;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.platform.streams.StreamsApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All services of the pipeline running in this JVM against one Kafka cluster and registry, each with its own
 * application id, state directory and management port, exactly as they would run as separate processes.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Map<Services, ServiceRunner> running;

    private Pipeline(Map<Services, ServiceRunner> running) {
        this.running = running;
    }

    /**
     * @param common   settings every service gets (bootstrap servers, registry, topic overrides ...)
     * @param perService extra settings for one service (management port, outlets file ...)
     * @param stateDir parent of each service's Streams state directory
     */
    public static Pipeline start(List<Services> services, Map<String, String> common,
                                 Map<Services, Map<String, String>> perService, Path stateDir) {
        Map<Services, StreamsApplication> applications = new LinkedHashMap<>();
        services.forEach(service -> applications.put(service, service.application()));
        return start(applications, common, perService, stateDir);
    }

    /** As above, with the applications given (the demo hands publish its webhook secret this way). */
    public static Pipeline start(Map<Services, StreamsApplication> applications, Map<String, String> common,
                                 Map<Services, Map<String, String>> perService, Path stateDir) {
        Map<Services, ServiceRunner> running = new LinkedHashMap<>();
        try {
            for (var entry : applications.entrySet()) {
                Services service = entry.getKey();
                Map<String, String> settings = new HashMap<>(common);
                settings.put(CommonSettings.STATE_DIR.key(), stateDir.resolve(service.label()).toString());
                settings.putAll(perService.getOrDefault(service, Map.of()));
                running.put(service, ServiceRunner.start(entry.getValue(), ServiceConfig.of(settings)));
            }
        } catch (RuntimeException e) {
            new Pipeline(running).close();
            throw e;
        }
        return new Pipeline(running);
    }

    public boolean isReady() {
        return running.values().stream().allMatch(ServiceRunner::isReady);
    }

    /** Waits until every service processes; false if that took longer than {@code timeout}. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    public Map<Services, String> managementUrls() {
        Map<Services, String> urls = new LinkedHashMap<>();
        running.forEach((service, runner) -> urls.put(service, runner.managementUrl()));
        return urls;
    }

    public ServiceRunner runner(Services service) {
        return running.get(service);
    }

    @Override
    public void close() {
        List<Services> reversed = new ArrayList<>(running.keySet());
        java.util.Collections.reverse(reversed);
        for (Services service : reversed) {
            try {
                running.get(service).close();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed: {}", service.label(), e.getMessage());
            }
        }
    }
}
