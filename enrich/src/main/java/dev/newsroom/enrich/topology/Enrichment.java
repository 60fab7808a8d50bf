package dev.newsroom.enrich.topology;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import java.time.Instant;

/**
 * What the enrich service applies to each article. In production it is the {@link Enricher} with its shipped
 * reference data; operators' tests hand in a revised one to model a rules release under the same application id.
 */
public interface Enrichment {

    EnrichedArticle enrich(Article article, Instant now);

    /** Carried in every record, so a replay with new rules is traceable. */
    String version();

    static Enrichment of(Enricher enricher) {
        return new Enrichment() {
            @Override
            public EnrichedArticle enrich(Article article, Instant now) {
                return enricher.enrich(article, now);
            }

            @Override
            public String version() {
                return enricher.version();
            }
        };
    }
}
