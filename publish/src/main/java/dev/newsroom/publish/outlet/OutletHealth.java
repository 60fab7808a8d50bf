package dev.newsroom.publish.outlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How each pushing outlet is doing, for operators: active, disabled (a receiver answered 410 Gone) or failed
 * (its worker stopped), with counts and the last error. Served as JSON by the publish service's HTTP endpoint
 * ({@code /outlets}) and as meters ({@code newsroom_outlet_*}).
 */
public final class OutletHealth {

    public enum State { ACTIVE, DISABLED, FAILED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Entry> outlets = new ConcurrentHashMap<>();

    private static final class Entry {
        final String kind;
        volatile State state = State.ACTIVE;
        volatile String detail;
        volatile String lastError;
        volatile Instant lastDeliveredAt;
        final AtomicInteger pending = new AtomicInteger();
        Counter delivered;
        Counter retried;
        Counter parked;

        Entry(String kind) {
            this.kind = kind;
        }
    }

    public OutletHealth(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    public void register(Outlet outlet) {
        outlets.computeIfAbsent(outlet.name(), name -> {
            Entry entry = new Entry(outlet.kind().name().toLowerCase(java.util.Locale.ROOT));
            entry.delivered = counter(name, "delivered");
            entry.retried = counter(name, "retrying");
            entry.parked = counter(name, "parked");
            Gauge.builder("newsroom.outlet.active", entry, e -> e.state == State.ACTIVE ? 1 : 0)
                    .tag("outlet", name).description("1 while the outlet delivers, 0 when disabled or failed")
                    .register(meters);
            Gauge.builder("newsroom.outlet.pending", entry.pending, AtomicInteger::get)
                    .tag("outlet", name).description("Deliveries waiting or in flight").register(meters);
            return entry;
        });
    }

    private Counter counter(String outlet, String outcome) {
        return Counter.builder("newsroom.outlet.deliveries").tag("outlet", outlet).tag("outcome", outcome)
                .description("Delivery attempts by outcome").register(meters);
    }

    public void delivered(String outlet) {
        Entry entry = outlets.get(outlet);
        entry.delivered.increment();
        entry.lastDeliveredAt = clock.instant();
    }

    public void retrying(String outlet, String error) {
        Entry entry = outlets.get(outlet);
        entry.retried.increment();
        entry.lastError = error;
    }

    public void parked(String outlet, String error) {
        Entry entry = outlets.get(outlet);
        entry.parked.increment();
        entry.lastError = error;
    }

    /** A problem that does not stop the outlet (a feed file that cannot be written). */
    public void problem(String outlet, String error) {
        outlets.get(outlet).lastError = error;
    }

    public void pending(String outlet, int count) {
        outlets.get(outlet).pending.set(count);
    }

    public void disabled(String outlet, String reason) {
        Entry entry = outlets.get(outlet);
        entry.state = State.DISABLED;
        entry.detail = reason;
    }

    /** The worker is delivering again after a failure. */
    public void recovered(String outlet) {
        Entry entry = outlets.get(outlet);
        if (entry.state == State.FAILED) {
            entry.state = State.ACTIVE;
            entry.detail = null;
        }
    }

    public void failed(String outlet, String reason) {
        Entry entry = outlets.get(outlet);
        entry.state = State.FAILED;
        entry.detail = reason;
    }

    public boolean allActive() {
        return outlets.values().stream().allMatch(entry -> entry.state == State.ACTIVE);
    }

    /** {@code {"outlets": [{"name", "kind", "state", "detail", "pending", "lastError", "lastDeliveredAt"}]}}. */
    public String json() {
        ArrayNode list = JSON.createArrayNode();
        outlets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(named -> {
            Entry entry = named.getValue();
            ObjectNode node = list.addObject()
                    .put("name", named.getKey())
                    .put("kind", entry.kind)
                    .put("state", entry.state.name())
                    .put("pending", entry.pending.get());
            if (entry.detail != null) {
                node.put("detail", entry.detail);
            }
            if (entry.lastError != null) {
                node.put("lastError", entry.lastError);
            }
            if (entry.lastDeliveredAt != null) {
                node.put("lastDeliveredAt", entry.lastDeliveredAt.toString());
            }
        });
        ObjectNode root = JSON.createObjectNode();
        root.put("status", allActive() ? "UP" : "DEGRADED");
        root.set("outlets", list);
        return root.toString();
    }
}
