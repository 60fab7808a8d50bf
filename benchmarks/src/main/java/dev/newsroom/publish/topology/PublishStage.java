package dev.newsroom.publish.topology;

import dev.newsroom.publish.feed.FeedContents;
import dev.newsroom.publish.moderation.AliasIndexer;
import dev.newsroom.publish.outlet.FeedOutlet;
import dev.newsroom.publish.outlet.KafkaOutlet;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.publication.Publisher;
import dev.newsroom.publish.state.ArticleState;
import dev.newsroom.publish.state.JsonSerde;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * What the publish service's threads do for one enriched record, on the calling thread: the stream thread's source
 * deserialises it, {@link PublishProcessor} (the topology's own processor) keeps the article's state in RocksDB
 * stores and forwards the published version, the Kafka outlet's copy and receipt, and each sink serialises what it
 * gets; the global thread's {@link AliasIndexer} indexes the published version, and the feed worker decodes it and
 * updates each feed's items ({@link FeedContents}). Not here: the broker, the producer's and consumer's network
 * threads, the changelog sends, the record cache, and rendering feeds (once a second, not per article).
 *
 * <p>{@code TopologyTestDriver} would run the same topology but commits after every record, flushing RocksDB and
 * writing a checkpoint each time, which the service does once per commit interval; so the processor runs under
 * {@link MockProcessorContext} and {@link #commit()} flushes the stores when the caller says a commit is due.
 */
public final class PublishStage {

    private final PublishProcessor processor;
    private final MockProcessorContext<Object, Object> context;
    private final AliasIndexer aliasIndexer;
    private final MockProcessorContext<Void, Void> globalContext;
    private final Deserializer<EnrichedArticle> enrichedDecoder;
    private final Deserializer<PublishedArticle> publishedDecoder;
    private final Map<String, Serializer<Object>> sinks = new HashMap<>();
    private final List<StateStore> stores = new ArrayList<>();
    private final List<FeedContents> feeds = new ArrayList<>();
    private final String enrichedTopic;
    private final String publishedTopic;
    private long offset;

    @SuppressWarnings("unchecked")
    public PublishStage(TopicCatalogue topics, Outlets outlets, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "publish-cpu");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir.resolve("task").toFile());
        globalContext = new MockProcessorContext<>(config, new TaskId(0, 1), stateDir.resolve("global").toFile());
        KeyValueStore<String, String> aliases = store(globalContext, Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PublishTopology.ALIASES_STORE), Serdes.String(), Serdes.String()));
        context.addStateStore(aliases);
        store(context, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishTopology.ARTICLES_STORE),
                Serdes.String(), new JsonSerde<>(ArticleState.class)));
        store(context, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishTopology.EMBARGOES_STORE),
                Serdes.Bytes(), Serdes.String()));
        store(context, Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishTopology.WAITING_STORE),
                Serdes.Bytes(), Serdes.String()));
        processor = new PublishProcessor(new Publisher(outlets), outlets,
                topics.moderationCommands().valueSerde().deserializer(), topics.deadLetters().valueSerde().serializer(),
                topics.name(TopicId.DEADLETTER), Duration.ofSeconds(1));
        processor.init(context);
        aliasIndexer = new AliasIndexer(PublishTopology.ALIASES_STORE);
        aliasIndexer.init(globalContext);
        enrichedDecoder = topics.enriched().valueSerde().deserializer();
        publishedDecoder = topics.published().valueSerde().deserializer();
        enrichedTopic = topics.enriched().name();
        publishedTopic = topics.published().name();
        sinks.put(PublishTopology.PUBLISHED_SINK, (Serializer<Object>) (Serializer<?>) topics.published().valueSerde()
                .serializer());
        sinks.put(PublishTopology.MODERATION_EVENTS_SINK, (Serializer<Object>) (Serializer<?>) topics
                .moderationEvents().valueSerde().serializer());
        sinks.put(PublishTopology.DELIVERIES_SINK, (Serializer<Object>) (Serializer<?>) topics.deliveries()
                .valueSerde().serializer());
        for (KafkaOutlet outlet : outlets.kafka()) {
            sinks.put(PublishTopology.outletSink(outlet), (Serializer<Object>) (Serializer<?>) Serdes.String()
                    .serializer());
        }
        for (FeedOutlet outlet : outlets.feeds()) {
            feeds.add(new FeedContents(outlet));
        }
    }

    @SuppressWarnings("unchecked")
    private <S extends StateStore> S store(MockProcessorContext<?, ?> owner, StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().withCachingDisabled().build();
        store.init(owner.getStateStoreContext(), store);
        owner.addStateStore(store);
        stores.add(store);
        return store;
    }

    /**
     * One enriched record through the stream thread, the alias index and the feeds.
     *
     * @return the bytes the sinks wrote, so the work cannot be optimised away
     */
    public long publish(String key, byte[] enriched, long nowMs) {
        context.setCurrentSystemTimeMs(nowMs);
        context.setRecordMetadata(enrichedTopic, 0, offset++);
        processor.process(new Record<>(key, enrichedDecoder.deserialize(enrichedTopic, enriched), nowMs));
        long written = 0;
        List<byte[]> published = new ArrayList<>(1);
        for (MockProcessorContext.CapturedForward<?, ?> forward : context.forwarded()) {
            String sink = forward.childName().orElseThrow();
            byte[] bytes = sinks.get(sink).serialize(sink, forward.record().value());
            written += bytes.length;
            if (sink.equals(PublishTopology.PUBLISHED_SINK)) {
                published.add(bytes);
            }
        }
        context.resetForwards();
        for (byte[] bytes : published) {
            aliasIndexer.process(new Record<>(key, publishedDecoder.deserialize(publishedTopic, bytes), nowMs));
            PublishedArticle forFeeds = publishedDecoder.deserialize(publishedTopic, bytes);
            for (FeedContents feed : feeds) {
                feed.apply(forFeeds);
            }
        }
        return written;
    }

    /** What a commit does to the stores: RocksDB memtables flushed. */
    public void commit() {
        stores.forEach(StateStore::flush);
    }

    public void close() {
        stores.forEach(StateStore::close);
    }
}
