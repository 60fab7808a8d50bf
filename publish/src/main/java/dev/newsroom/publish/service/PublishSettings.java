package dev.newsroom.publish.service;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The publish service's own settings, with their defaults. Each can be set in the properties file or from the
 * environment ({@code newsroom.publish.outlets.file} is {@code NEWSROOM_PUBLISH_OUTLETS_FILE}); the platform's
 * settings (Kafka, registry, topics, management port) work as for every service.
 */
public final class PublishSettings {

    public static final Setting<Path> OUTLETS_FILE = Setting.path("newsroom.publish.outlets.file", null,
            "The outlet file (YAML, or JSON by its .json name). Without one the service keeps the published log and"
                    + " pushes nowhere.");
    public static final Setting<String> HTTP_HOST = Setting.text("newsroom.publish.http.host", "127.0.0.1",
            "Address of the feeds (/feeds/<outlet>.rss|.atom|.json) and outlet health (/outlets) endpoint; 0.0.0.0"
                    + " to serve feeds publicly.");
    public static final Setting<Integer> HTTP_PORT = Setting.wholeNumber("newsroom.publish.http.port", 8094,
            "Port of the feeds and outlet health endpoint.");
    public static final Setting<String> FEEDS_BASE_URL = Setting.text("newsroom.publish.feeds.base-url", null,
            "Public URL of /feeds/ behind any proxy, for the feeds' self links.");
    public static final Setting<Duration> EMBARGO_CHECK_INTERVAL = Setting.duration(
            "newsroom.publish.embargo.check-interval", Duration.ofSeconds(1),
            "How often due embargoes are looked for (wall clock); waiting moderation commands are looked at as"
                    + " often.");
    public static final Setting<Duration> WAIT_LIMIT = Setting.duration("newsroom.publish.moderation.wait-limit",
            Duration.ofHours(72),
            "How long a moderation command sent before its article (--before-arrival) waits for it before it"
                    + " expires.");
    public static final Setting<Boolean> WORKERS_ENABLED = Setting.flag("newsroom.publish.workers.enabled", true,
            "Run the webhook and feed workers in this process; false to run them apart"
                    + " (dev.newsroom.publish.service.OutletWorkers).");

    public static final int DEFAULT_MANAGEMENT_PORT = 8093;

    public static final List<Setting<?>> ALL = List.of(OUTLETS_FILE, HTTP_HOST, HTTP_PORT, FEEDS_BASE_URL,
            EMBARGO_CHECK_INTERVAL, WAIT_LIMIT, WORKERS_ENABLED);

    private PublishSettings() {
    }

    /** The consumer group the workers' groups are named after: the service's application id. */
    static String applicationId(ServiceConfig config) {
        return config.get(CommonSettings.applicationId("publish"));
    }
}
