package dev.newsroom.publish.service;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The publish service's own settings, with their defaults. Each can be set in the properties file or from the
 * environment ({@code newsroom.publish.outlets.file} is {@code NEWSROOM_PUBLISH_OUTLETS_FILE}); the platform's
 * settings (Kafka, registry, topics, management port) work as for every service.
 */
public final class PublishSettings {

    public static final String OUTLETS_FILE = "newsroom.publish.outlets.file";
    public static final String HTTP_HOST = "newsroom.publish.http.host";
    public static final String HTTP_PORT = "newsroom.publish.http.port";
    public static final String FEEDS_BASE_URL = "newsroom.publish.feeds.base-url";
    public static final String EMBARGO_CHECK_INTERVAL = "newsroom.publish.embargo.check-interval";
    public static final String WAIT_LIMIT = "newsroom.publish.moderation.wait-limit";
    public static final String WORKERS_ENABLED = "newsroom.publish.workers.enabled";

    public static final String DEFAULT_APPLICATION_ID = "newsroom-publish";
    public static final int DEFAULT_MANAGEMENT_PORT = 8093;
    public static final int DEFAULT_HTTP_PORT = 8094;

    public static final List<Setting> ALL = List.of(
            new Setting(OUTLETS_FILE, null, "The outlet file (YAML, or JSON by its .json name). Without one the"
                    + " service keeps the published log and pushes nowhere."),
            new Setting(HTTP_HOST, "127.0.0.1", "Address of the feeds (/feeds/<outlet>.rss|.atom|.json) and outlet"
                    + " health (/outlets) endpoint; 0.0.0.0 to serve feeds publicly."),
            new Setting(HTTP_PORT, String.valueOf(DEFAULT_HTTP_PORT), "Port of the feeds and outlet health endpoint."),
            new Setting(FEEDS_BASE_URL, null, "Public URL of /feeds/ behind any proxy, for the feeds' self links."),
            new Setting(EMBARGO_CHECK_INTERVAL, "1s", "How often due embargoes are looked for (wall clock); waiting"
                    + " moderation commands are looked at as often."),
            new Setting(WAIT_LIMIT, "72h", "How long a moderation command sent before its article (--before-arrival)"
                    + " waits for it before it expires."),
            new Setting(WORKERS_ENABLED, "true", "Run the webhook and feed workers in this process; false to run"
                    + " them apart (dev.newsroom.publish.service.OutletWorkers)."));

    private PublishSettings() {
    }

    /** The configuration as the service's own {@code main} reads it: defaults, the file, then the environment. */
    static ServiceConfig load(Path file, Map<String, String> environment) {
        List<Setting> known = new ArrayList<>(CommonSettings.ALL);
        known.addAll(ALL);
        return ServiceConfig.load(known, file, environment, Map.of());
    }

    static Duration embargoCheckInterval(ServiceConfig config) {
        return config.getDuration(EMBARGO_CHECK_INTERVAL, Duration.ofSeconds(1));
    }

    static Duration waitLimit(ServiceConfig config) {
        return config.getDuration(WAIT_LIMIT, Duration.ofHours(72));
    }

    static String applicationId(ServiceConfig config) {
        return config.get("application.id", DEFAULT_APPLICATION_ID);
    }

    /** Settings for the workers' own Kafka clients: the brokers and every {@code kafka.*} pass-through. */
    static Map<String, Object> kafkaClients(ServiceConfig config) {
        Map<String, Object> kafka = new HashMap<>(config.withPrefix(ServiceConfig.KAFKA_PREFIX));
        kafka.put("bootstrap.servers", config.require(ServiceConfig.BOOTSTRAP_SERVERS));
        return kafka;
    }
}
