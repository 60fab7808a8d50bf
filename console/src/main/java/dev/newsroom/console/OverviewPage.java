package dev.newsroom.console;

import dev.newsroom.console.ConsoleServer.View;
import dev.newsroom.ops.operate.status.PipelineStatus;
import dev.newsroom.ops.operate.status.PipelineStatus.TopicStatus;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.DeliveryReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pipeline at a glance, from {@code newsroom status}'s collector: topics with their throughput since the last
 * look, each stage's lag per partition, dead letters by stage and reason, outlets' health and the registry.
 */
final class OverviewPage {

    /** A feed whose last delivery is older than this is shown as stale. */
    private static final long STALE_FEED_SECONDS = 3600;

    private final Console console;
    private Map<String, Long> previousEnds = Map.of();
    private long previousAt;

    OverviewPage(Console console) {
        this.console = console;
    }

    View page() {
        return new View("overview", model());
    }

    /** The same page's main part alone, which the overview's script fetches every few seconds. */
    View live() {
        return new View("overview-live", model());
    }

    private Map<String, Object> model() {
        PipelineStatus status = console.status();
        return Model.of("nav", "overview", "status", status, "rates", rates(status), "outlets", outlets(),
                "indexReady", console.articles().caughtUp());
    }

    /** Records per second into each topic since the previous look (blank on the first). */
    private synchronized Map<String, String> rates(PipelineStatus status) {
        long now = System.nanoTime();
        Map<String, Long> ends = new HashMap<>();
        Map<String, String> rates = new HashMap<>();
        double seconds = (now - previousAt) / 1e9;
        for (TopicStatus topic : status.topics()) {
            ends.put(topic.name(), topic.endOffsets());
            Long before = previousEnds.get(topic.name());
            if (before != null && seconds >= 0.5) {
                rates.put(topic.name(), String.format("%.1f/s", Math.max(0, topic.endOffsets() - before) / seconds));
            }
        }
        if (seconds >= 0.5 || previousEnds.isEmpty()) {
            previousEnds = ends;
            previousAt = now;
        }
        return rates;
    }

    /**
     * Each outlet's health: publish's own report (state, pending, last error, last delivery) with the latest
     * receipt of each delivery counted as delivered, retrying or parked. A feed is stale when nothing reached it
     * for an hour.
     */
    private Map<String, Object> outlets() {
        PublishOutlets.Report report = console.publishOutlets().read();
        Map<String, Map<String, DeliveryReceipt>> latest = new TreeMap<>();
        for (ArticleTrail trail : console.articles().trails()) {
            for (ArticleTrail.At<DeliveryReceipt> receipt : trail.deliveries()) {
                DeliveryReceipt value = receipt.value();
                latest.computeIfAbsent(value.getOutlet(), outlet -> new HashMap<>())
                        .merge(value.getDeliveryId(), value, (a, b) -> b.getAttempt() >= a.getAttempt() ? b : a);
            }
        }
        Map<String, PublishOutlets.Outlet> reported = new TreeMap<>();
        report.outlets().forEach(outlet -> reported.put(outlet.name(), outlet));
        java.util.Set<String> names = new java.util.TreeSet<>(reported.keySet());
        names.addAll(latest.keySet());
        Instant now = console.clock().instant();
        List<Map<String, Object>> outlets = new ArrayList<>();
        for (String name : names) {
            PublishOutlets.Outlet outlet = reported.get(name);
            Map<DeliveryOutcome, Integer> counts = new HashMap<>();
            Instant last = outlet == null ? null : outlet.lastDeliveredAt();
            String kind = outlet == null ? "" : outlet.kind();
            for (DeliveryReceipt receipt : latest.getOrDefault(name, Map.of()).values()) {
                counts.merge(receipt.getOutcome(), 1, Integer::sum);
                kind = kind.isEmpty() ? receipt.getOutletKind().name().toLowerCase(java.util.Locale.ROOT) : kind;
                if (receipt.getOutcome() == DeliveryOutcome.DELIVERED
                        && (last == null || receipt.getAttemptedAt().isAfter(last))) {
                    last = receipt.getAttemptedAt();
                }
            }
            int retrying = counts.getOrDefault(DeliveryOutcome.RETRYING, 0);
            int parked = counts.getOrDefault(DeliveryOutcome.PARKED, 0);
            boolean stale = kind.equals("feed") && last != null
                    && now.getEpochSecond() - last.getEpochSecond() > STALE_FEED_SECONDS;
            String state = outlet == null ? "" : outlet.state();
            String health = !state.isEmpty() && !state.equals("ACTIVE") ? state.toLowerCase(java.util.Locale.ROOT)
                    : parked > 0 ? "parked" : retrying > 0 ? "retrying" : stale ? "stale" : "ok";
            outlets.add(Model.of("name", name, "kind", kind, "health", health,
                    "pending", outlet == null ? "" : String.valueOf(outlet.pending()),
                    "lastError", outlet == null || outlet.lastError() == null ? "" : outlet.lastError(),
                    "delivered", counts.getOrDefault(DeliveryOutcome.DELIVERED, 0), "retrying", retrying,
                    "parked", parked, "last", Model.time(last), "lastAge", last == null ? "never" : Model.age(last, now) + " ago"));
        }
        return Model.of("rows", outlets, "source", console.publishOutlets().url(), "error", report.error());
    }
}
