package dev.newsroom.publish.topology;

import dev.newsroom.publish.moderation.AliasIndexer;
import dev.newsroom.publish.outlet.KafkaOutlet;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.publication.Publisher;
import dev.newsroom.publish.state.ArticleState;
import dev.newsroom.publish.state.JsonSerde;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The publish service's topology: enriched articles and moderation commands into one processor with the article
 * store, the embargo index and the index of commands waiting for their article; out to the published log, the
 * moderation events, the Kafka outlets (with their delivery receipts) and the dead-letter topic. A command that
 * names an article by another name than its id (ninjs uri, URL, guid) is looked up in the global alias index, fed
 * by the published log, and sent again to the commands topic keyed by the article id, so it reaches the task that
 * holds the article. Under exactly-once all of it, state included, is one transaction per commit.
 */
public final class PublishTopology {

    public static final String ARTICLES_STORE = "publish-articles";
    public static final String EMBARGOES_STORE = "publish-embargoes";
    public static final String WAITING_STORE = "publish-waiting";
    public static final String ALIASES_STORE = "publish-aliases";

    /** Headers on Kafka outlet records, so consumers can route without parsing the ninjs. */
    public static final String EVENT_HEADER = "newsroom-event";
    public static final String PUBSTATUS_HEADER = "newsroom-pubstatus";
    public static final String VERSION_HEADER = "newsroom-version";

    static final String PUBLISHED_SINK = "published-sink";
    static final String MODERATION_EVENTS_SINK = "moderation-events-sink";
    static final String DELIVERIES_SINK = "deliveries-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";
    static final String RESOLVED_COMMANDS_SINK = "resolved-commands-sink";
    private static final String PROCESSOR = "publish";

    private PublishTopology() {
    }

    public static Topology build(TopicCatalogue topics, Outlets outlets, Duration embargoCheckInterval) {
        return build(topics, outlets, embargoCheckInterval, Publisher.DEFAULT_WAIT_LIMIT);
    }

    /**
     * @param waitLimit how long a command sent before its article waits for it; the embargo check interval is also
     *                  how often waiting commands are looked at (expiry, a name that now resolves)
     */
    public static Topology build(TopicCatalogue topics, Outlets outlets, Duration embargoCheckInterval,
                                 Duration waitLimit) {
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Topic<String, PublishedArticle> published = topics.published();
        Topic<String, ModerationEvent> moderationEvents = topics.moderationEvents();
        Topic<String, DeliveryReceipt> deliveries = topics.deliveries();
        Publisher publisher = new Publisher(outlets, waitLimit);

        Topology topology = new Topology();
        topology.addSource("enriched-source", Serdes.String().deserializer(), enriched.valueSerde().deserializer(),
                enriched.name());
        topology.addSource("moderation-commands-source", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(), topics.name(TopicId.MODERATION_COMMANDS));
        topology.addProcessor(PROCESSOR, () -> new PublishProcessor(publisher, outlets,
                        topics.moderationCommands().valueSerde().deserializer(),
                        topics.deadLetters().valueSerde().serializer(), topics.name(TopicId.DEADLETTER),
                        embargoCheckInterval),
                "enriched-source", "moderation-commands-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES_STORE),
                Serdes.String(), new JsonSerde<>(ArticleState.class)), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EMBARGOES_STORE),
                Serdes.Bytes(), Serdes.String()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITING_STORE),
                Serdes.Bytes(), Serdes.String()), PROCESSOR);
        // Rebuilt from the published log through the indexer on restore, so it needs no changelog of its own.
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALIASES_STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(), "published-aliases-source",
                Serdes.String().deserializer(), published.valueSerde().deserializer(), published.name(),
                "alias-indexer", () -> new AliasIndexer(ALIASES_STORE));

        topology.addSink(RESOLVED_COMMANDS_SINK, topics.name(TopicId.MODERATION_COMMANDS),
                Serdes.String().serializer(), topics.moderationCommands().valueSerde().serializer(), PROCESSOR);
        topology.addSink(PUBLISHED_SINK, published.name(), Serdes.String().serializer(),
                published.valueSerde().serializer(), PROCESSOR);
        topology.addSink(MODERATION_EVENTS_SINK, moderationEvents.name(), Serdes.String().serializer(),
                moderationEvents.valueSerde().serializer(), PROCESSOR);
        topology.addSink(DELIVERIES_SINK, deliveries.name(), Serdes.String().serializer(),
                deliveries.valueSerde().serializer(), PROCESSOR);
        topology.addSink(DEADLETTER_SINK, topics.name(TopicId.DEADLETTER), Serdes.ByteArray().serializer(),
                Serdes.ByteArray().serializer(), PROCESSOR);
        for (KafkaOutlet outlet : outlets.kafka()) {
            topology.addSink(outletSink(outlet), outlet.topic(), Serdes.String().serializer(),
                    Serdes.String().serializer(), PROCESSOR);
        }
        return topology;
    }

    static String outletSink(KafkaOutlet outlet) {
        return "outlet-" + outlet.name() + "-sink";
    }
}
