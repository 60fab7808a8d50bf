package dev.newsroom.publish.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.publish.moderation.ArticleReference;
import dev.newsroom.publish.outlet.ArticleFacts;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Lineage;
import java.time.Instant;
import java.util.List;

/**
 * What the publish service keeps of the latest enriched version of an article: enough to publish it again after a
 * hold, an embargo, a correction or an added advisory, without the enriched topic.
 *
 * @param ninjs          the article as ninjs 2.2, before moderation adds status, advisories and notes
 * @param articleVersion ingest's version of the story, so a replayed older version never replaces a newer one
 */
public record StoredContent(String ninjs, ArticleFacts facts, List<StoredAdvisory> advisories, String enricherVersion,
                            int articleVersion, StoredLineage lineage, List<String> aliases) {

    /**
     * An advisory as raised by enrich or an editor.
     *
     * @param suggestion an automatic advisory below the notice threshold: for editors only
     */
    public record StoredAdvisory(AdvisoryKind kind, String reason, String source, boolean suggestion, Double score) {
        public static StoredAdvisory of(Advisory advisory) {
            return new StoredAdvisory(advisory.getKind(), advisory.getReason(), advisory.getSource(),
                    Boolean.TRUE.equals(advisory.getSuggestion()), advisory.getScore());
        }

        public Advisory toAvro() {
            return new Advisory(kind, reason, source, suggestion, score);
        }
    }

    /** The raw record behind the content. */
    public record StoredLineage(String rawTopic, int rawPartition, long rawOffset, String documentId, int itemIndex,
                                String format, Instant ingestedAt, String ingestVersion) {
        static StoredLineage of(Lineage lineage) {
            return new StoredLineage(lineage.getRawTopic(), lineage.getRawPartition(), lineage.getRawOffset(),
                    lineage.getDocumentId(), lineage.getItemIndex(), lineage.getFormat(), lineage.getIngestedAt(),
                    lineage.getIngestVersion());
        }

        public Lineage toAvro() {
            return new Lineage(rawTopic, rawPartition, rawOffset, documentId, itemIndex, format, ingestedAt,
                    ingestVersion);
        }
    }

    public StoredContent {
        advisories = List.copyOf(advisories);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static StoredContent of(EnrichedArticle enriched) {
        return of(enriched, NinjsWriter.enriched(enriched));
    }

    /** @param ninjs {@code NinjsWriter.enriched(enriched)}, made by the caller to be used again; only read here */
    public static StoredContent of(EnrichedArticle enriched, ObjectNode ninjs) {
        List<ArticleFacts.Section> sections = enriched.getSubjects().stream()
                .map(subject -> new ArticleFacts.Section(subject.getCode(), subject.getName(), subject.getRelevance()))
                .toList();
        ArticleFacts facts = new ArticleFacts(enriched.getLanguage().getCode(), enriched.getArticle().getSource(),
                sections);
        return new StoredContent(NinjsWriter.toJson(ninjs), facts,
                enriched.getAdvisories().stream().map(StoredAdvisory::of).toList(), enriched.getEnricherVersion(),
                enriched.getArticle().getVersion(), StoredLineage.of(enriched.getArticle().getLineage()),
                ArticleReference.aliases(enriched.getArticle()));
    }
}
