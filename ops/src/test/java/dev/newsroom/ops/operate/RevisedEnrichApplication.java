package dev.newsroom.ops.operate;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.platform.streams.ServiceContext;
import dev.newsroom.platform.streams.StreamsApplication;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.Subject;
import dev.newsroom.schemas.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich service after a rule change, as a release would ship it: the real enricher, plus one new rule (a storm
 * in the headline makes the story an emergency incident too) under a new enricher version. EnrichApplication takes
 * no enricher from outside, so the release is modelled here with the same topology shape as EnrichTopology.
 */
final class RevisedEnrichApplication implements StreamsApplication {

    static final String EMERGENCY = "medtop:03000000";
    static final String RULES = "+rules-2";

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public Stage stage() {
        return Stage.ENRICH;
    }

    @Override
    public int defaultManagementPort() {
        return 0;
    }

    @Override
    public Topology topology(ServiceContext context) {
        Enricher enricher = Enricher.loadDefault();
        Topic<String, Article> articles = context.topics().articles();
        Topic<String, EnrichedArticle> enriched = context.topics().enriched();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(articles.name(), Consumed.with(articles.keySerde(), articles.valueSerde()))
                .mapValues(article -> revise(enricher.enrich(article, context.clock().instant())))
                .to(enriched.name(), Produced.with(enriched.keySerde(), enriched.valueSerde()));
        return builder.build();
    }

    private static EnrichedArticle revise(EnrichedArticle enriched) {
        EnrichedArticle.Builder revised = EnrichedArticle.newBuilder(enriched)
                .setEnricherVersion(enriched.getEnricherVersion() + RULES);
        boolean storm = enriched.getArticle().getHeadline().toLowerCase(Locale.ROOT).contains("storm");
        if (storm && enriched.getSubjects().stream().noneMatch(s -> s.getCode().equals(EMERGENCY))) {
            List<Subject> subjects = new ArrayList<>(enriched.getSubjects());
            subjects.add(new Subject(EMERGENCY, "http://cv.iptc.org/newscodes/mediatopic/03000000",
                    "disaster, accident and emergency incident", 90));
            revised.setSubjects(subjects);
        }
        return revised.build();
    }
}
