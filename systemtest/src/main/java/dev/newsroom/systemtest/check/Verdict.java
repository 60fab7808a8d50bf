package dev.newsroom.systemtest.check;

import java.util.List;

/**
 * What a check found: what is still missing (may yet arrive), what is wrong (can never be put right by waiting),
 * and the counts the scenario prints.
 */
public record Verdict(List<String> missing, List<String> violations, Counts counts) {

    /** Expected and observed, per kind of thing. */
    public record Counts(long documents, long goodDocuments, long badDocuments, long identicalResends,
                         long changedResends, long expectedArticles, long articles, long distinctArticleIds,
                         long expectedItemLetters, long itemLetters, long expectedDocumentLetters,
                         long documentLetters, long enriched, long expectedPublished, long published,
                         List<OutletCounts> outlets, List<KindCounts> bad) {
    }

    /**
     * One outlet as the receiving end saw it.
     *
     * @param delivered distinct webhook ids accepted (for the Kafka outlet: versions on its topic)
     * @param repeats   accepted requests beyond the first with the same webhook id (allowed)
     * @param refused   requests answered other than 2xx (503 during an outage)
     */
    public record OutletCounts(String outlet, String kind, long due, long delivered, long requests, long repeats,
                               long refused, long conflictingIds, long outOfOrder, long badSignatures,
                               long duplicates) {
    }

    /** Bad inputs of one kind: sent, and dead-lettered with the right reason. */
    public record KindCounts(String kind, long sent, long deadLettered) {
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
