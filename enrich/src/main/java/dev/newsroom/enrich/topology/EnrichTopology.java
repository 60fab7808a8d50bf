package dev.newsroom.enrich.topology;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * articles → enrich → enriched. Both topics are keyed by article id, so no repartition is needed; an article the
 * enricher cannot handle is dead-lettered by the platform's processing handler with its original bytes.
 */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static Topology build(TopicCatalogue topics, Enrichment enrichment, MeterRegistry meters, Clock clock) {
        Topic<String, Article> articles = topics.articles();
        Topic<String, EnrichedArticle> enriched = topics.enriched();
        Timer timer = Timer.builder("newsroom.enrich.duration")
                .description("Time to enrich one article")
                .tag("enricher", enrichment.version())
                .register(meters);

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(articles.name(), Consumed.with(articles.keySerde(), articles.valueSerde()).withName("articles"))
                .mapValues(article -> timer.record(() -> enrichment.enrich(article, clock.instant())), Named.as("enrich"))
                .to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()).withName("enriched"));
        return builder.build();
    }

    public static Topology build(TopicCatalogue topics, Enricher enricher, Clock clock) {
        return build(topics, Enrichment.of(enricher), new SimpleMeterRegistry(), clock);
    }
}
