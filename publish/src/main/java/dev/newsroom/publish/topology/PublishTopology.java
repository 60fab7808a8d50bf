package dev.newsroom.publish.topology;

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
 * store and the embargo index; out to the published log, the moderation events, the Kafka outlets (with their
 * delivery receipts) and the dead-letter topic. Under exactly-once all of it, state included, is one transaction
 * per commit.
 */
public final class PublishTopology {

    public static final String ARTICLES_STORE = "publish-articles";
    public static final String EMBARGOES_STORE = "publish-embargoes";

    /** Headers on Kafka outlet records, so consumers can route without parsing the ninjs. */
    public static final String EVENT_HEADER = "newsroom-event";
    public static final String PUBSTATUS_HEADER = "newsroom-pubstatus";
    public static final String VERSION_HEADER = "newsroom-version";

    static final String PUBLISHED_SINK = "published-sink";
    static final String MODERATION_EVENTS_SINK = "moderation-events-sink";
    static final String DELIVERIES_SINK = "deliveries-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";
    private static final String PROCESSOR = "publish";

    private PublishTopology() {
    }

    public static Topology build(TopicCatalogue topics, Outlets outlets, Duration embargoCheckInterval) {
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Topic<String, PublishedArticle> published = topics.published();
        Topic<String, ModerationEvent> moderationEvents = topics.moderationEvents();
        Topic<String, DeliveryReceipt> deliveries = topics.deliveries();
        Publisher publisher = new Publisher(outlets);

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
