package dev.newsroom.ops.operate;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.enrich.service.EnrichApplication;
import dev.newsroom.enrich.topology.Enrichment;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The enrich service after a rule change, as a release would ship it: the real enricher, plus one new rule (a storm
 * in the headline makes the story an emergency incident too) under a new enricher version.
 */
final class RevisedEnrichApplication {

    static final String EMERGENCY = "medtop:03000000";
    static final String RULES = "+rules-2";

    private RevisedEnrichApplication() {
    }

    static EnrichApplication create() {
        return new EnrichApplication(() -> {
            Enrichment shipped = Enrichment.of(Enricher.loadDefault());
            return new Enrichment() {
                @Override
                public EnrichedArticle enrich(Article article, Instant now) {
                    return revise(shipped.enrich(article, now));
                }

                @Override
                public String version() {
                    return shipped.version() + RULES;
                }
            };
        });
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
