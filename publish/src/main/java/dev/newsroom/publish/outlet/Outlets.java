package dev.newsroom.publish.outlet;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured outlets, in file order. */
public final class Outlets {

    private final Map<String, Outlet> byName;

    public Outlets(List<? extends Outlet> outlets) {
        Map<String, Outlet> named = new LinkedHashMap<>();
        for (Outlet outlet : outlets) {
            if (named.putIfAbsent(outlet.name(), outlet) != null) {
                throw new OutletConfigurationException(outlet.name(), "name", "is used by more than one outlet");
            }
        }
        this.byName = named;
    }

    public static Outlets none() {
        return new Outlets(List.of());
    }

    public Collection<Outlet> all() {
        return byName.values();
    }

    public List<KafkaOutlet> kafka() {
        return ofType(KafkaOutlet.class);
    }

    public List<WebhookOutlet> webhooks() {
        return ofType(WebhookOutlet.class);
    }

    public List<FeedOutlet> feeds() {
        return ofType(FeedOutlet.class);
    }

    /** Refuses a Kafka outlet that would write into one of the pipeline's own topics. */
    public Outlets requireOwnTopics(Collection<String> pipelineTopics) {
        for (KafkaOutlet outlet : kafka()) {
            if (pipelineTopics.contains(outlet.topic())) {
                throw new OutletConfigurationException(outlet.name(), "topic",
                        "'" + outlet.topic() + "' is one of the pipeline's own topics; give the outlet a topic of its own");
            }
        }
        return this;
    }

    private <T extends Outlet> List<T> ofType(Class<T> type) {
        return byName.values().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
