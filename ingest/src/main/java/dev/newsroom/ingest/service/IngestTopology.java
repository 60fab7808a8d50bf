package dev.newsroom.ingest.service;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * raw → parse → (dead letters | repartition by article id → version) → articles.
 *
 * <p>Documents are keyed by the producer's document id, articles by article id; the same story can arrive in
 * documents on different partitions (a page and a feed), so articles are repartitioned by their id before the
 * versioning store sees them.
 */
public final class IngestTopology {

    private IngestTopology() {
    }

    static Topology build(TopicCatalogue topics, DocumentParser parser, String applicationId, IngestMetrics metrics,
                          Clock clock) {
        Topic<String, Article> articles = topics.articles();
        Topic<String, DeadLetter> deadLetterTopic = topics.deadLetters();
        DeadLetters deadLetters = new DeadLetters(Stage.INGEST, applicationId, deadLetterTopic.name(),
                deadLetterTopic.valueSerde().serializer(), clock);
        var rawDocuments = topics.raw().valueSerde().deserializer();

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VersionProcessor.STORE),
                Serdes.String(), Serdes.String()));

        Map<String, KStream<String, ParseOutcome>> outcomes = builder
                .stream(topics.raw().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw"))
                .process(() -> new ParseProcessor(parser, rawDocuments, deadLetters, metrics, clock), Named.as("parse"))
                .split(Named.as("parsed-"))
                .branch((key, outcome) -> outcome.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("article"));

        outcomes.get("parsed-rejected")
                .mapValues(ParseOutcome::deadLetter, Named.as("dead-letter"))
                .to(deadLetterTopic.name(), Produced.with(Serdes.String(), deadLetterTopic.valueSerde())
                        .withName("dead-letters"));

        outcomes.get("parsed-article")
                .mapValues(ParseOutcome::article, Named.as("article"))
                .repartition(Repartitioned.with(articles.keySerde(), articles.valueSerde()).withName("articles-by-id"))
                .process(() -> new VersionProcessor(metrics), Named.as("version"), VersionProcessor.STORE)
                .to(articles.name(), Produced.with(articles.keySerde(), articles.valueSerde()).withName("articles"));
        return builder.build();
    }

    /** For tests and tools that do not keep metrics. */
    public static Topology build(TopicCatalogue topics, DocumentParser parser, String applicationId, Clock clock) {
        return build(topics, parser, applicationId, IngestMetrics.discarding(), clock);
    }
}
