package dev.newsroom.systemtest.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The knobs of the suite, as system properties (Maven passes {@code -D} on its command line through): CI runs the
 * defaults; a soak sets more documents, a slower rate, or the webhook outage the issue names.
 */
public final class SystemTestSettings {

    private SystemTestSettings() {
    }

    /**
     * Documents per scenario ({@code newsroom.systemtest.documents}; else {@code newsroom.systemtest.duration}
     * times the rate). The default keeps the scenarios within CI's budget on two cores: 28 s of load each.
     */
    public static int documents() {
        Integer documents = Integer.getInteger("newsroom.systemtest.documents");
        if (documents != null) {
            return documents;
        }
        String duration = System.getProperty("newsroom.systemtest.duration");
        return duration == null ? 700 : (int) Math.ceil(Duration.parse(duration).toMillis() / 1000.0 * rate());
    }

    /**
     * Documents per second the load generator sends ({@code newsroom.systemtest.rate}). About what enrich keeps up
     * with on two shared cores, so that a stall or a delay shows as one and is not lost in a backlog.
     */
    public static double rate() {
        return Double.parseDouble(System.getProperty("newsroom.systemtest.rate", "25"));
    }

    /** How long the webhook site is down in the webhook scenario ({@code newsroom.systemtest.webhook-outage}). */
    public static Duration webhookOutage() {
        return Duration.parse(System.getProperty("newsroom.systemtest.webhook-outage", "PT45S"));
    }

    /** Seed of the document stream ({@code newsroom.systemtest.seed}), printed with every account. */
    public static long seed() {
        return Long.getLong("newsroom.systemtest.seed", 20261128L);
    }

    /** Where processes keep data and logs ({@code newsroom.systemtest.work}). */
    public static Path workDir() {
        return Path.of(System.getProperty("newsroom.systemtest.work", "target/systemtest")).toAbsolutePath();
    }

    /** The sample inputs ({@code newsroom.systemtest.samples}, else {@code samples} above the working directory). */
    public static Path samples() {
        String configured = System.getProperty("newsroom.systemtest.samples");
        if (configured != null) {
            return Path.of(configured);
        }
        Path parent = Path.of("..", "samples");
        return Files.isDirectory(parent) ? parent : Path.of("samples");
    }
}
