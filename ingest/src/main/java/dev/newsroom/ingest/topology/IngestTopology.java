package dev.newsroom.ingest.topology;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.IngestOutcome;
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
 * raw → parse → (dead letters | nothing-due outcomes | repartition by article id → version → (articles | outcomes)).
 *
 * <p>Documents are keyed by the producer's document id, articles by article id; the same story can arrive in
 * documents on different partitions (a page and a feed), so articles are repartitioned by their id before the
 * versioning store sees them. What rightly yields nothing (a feed without items, a repeated item, an unchanged
 * re-ingest) is written to the outcomes topic in the same transaction as everything else, so every raw record
 * leaves a trace.
 */
public final class IngestTopology {

    private IngestTopology() {
    }

    public static Topology build(TopicCatalogue topics, DocumentParser parser, String applicationId, IngestMetrics metrics,
                                 Clock clock) {
        Topic<String, Article> articles = topics.articles();
        Topic<String, IngestOutcome> outcomeTopic = topics.ingestOutcomes();
        Topic<String, DeadLetter> deadLetterTopic = topics.deadLetters();
        DeadLetters deadLetters = new DeadLetters(Stage.INGEST, applicationId, deadLetterTopic.name(),
                deadLetterTopic.valueSerde().serializer(), clock);
        NothingDueOutcomes nothingDue = new NothingDueOutcomes(applicationId, clock);
        var rawDocuments = topics.raw().valueSerde().deserializer();

        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VersionProcessor.STORE),
                Serdes.String(), Serdes.String()));

        Map<String, KStream<String, IngestResult>> parsed = builder
                .stream(topics.raw().name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("raw"))
                .process(() -> new ParseProcessor(parser, rawDocuments, deadLetters, nothingDue, metrics, clock),
                        Named.as("parse"))
                .split(Named.as("parsed-"))
                .branch((key, result) -> result.isRejected(), Branched.as("rejected"))
                .branch((key, result) -> result.isNothingDue(), Branched.as("nothing-due"))
                .defaultBranch(Branched.as("article"));

        parsed.get("parsed-rejected")
                .mapValues(IngestResult::deadLetter, Named.as("dead-letter"))
                .to(deadLetterTopic.name(), Produced.with(Serdes.String(), deadLetterTopic.valueSerde())
                        .withName("dead-letters"));

        parsed.get("parsed-nothing-due")
                .mapValues(IngestResult::nothingDue, Named.as("parse-outcome"))
                .to(outcomeTopic.name(), Produced.with(outcomeTopic.keySerde(), outcomeTopic.valueSerde())
                        .withName("parse-outcomes"));

        Map<String, KStream<String, IngestResult>> versioned = parsed.get("parsed-article")
                .mapValues(IngestResult::article, Named.as("article"))
                .repartition(Repartitioned.with(articles.keySerde(), articles.valueSerde()).withName("articles-by-id"))
                .process(() -> new VersionProcessor(nothingDue, metrics), Named.as("version"), VersionProcessor.STORE)
                .split(Named.as("versioned-"))
                .branch((key, result) -> result.isNothingDue(), Branched.as("unchanged"))
                .defaultBranch(Branched.as("article"));

        versioned.get("versioned-unchanged")
                .mapValues(IngestResult::nothingDue, Named.as("version-outcome"))
                .to(outcomeTopic.name(), Produced.with(outcomeTopic.keySerde(), outcomeTopic.valueSerde())
                        .withName("version-outcomes"));

        versioned.get("versioned-article")
                .mapValues(IngestResult::article, Named.as("next-version"))
                .to(articles.name(), Produced.with(articles.keySerde(), articles.valueSerde()).withName("articles"));
        return builder.build();
    }

    /** For tests and tools that do not keep metrics. */
    public static Topology build(TopicCatalogue topics, DocumentParser parser, String applicationId, Clock clock) {
        return build(topics, parser, applicationId, IngestMetrics.discarding(), clock);
    }
}
