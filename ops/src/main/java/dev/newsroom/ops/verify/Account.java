package dev.newsroom.ops.verify;

import java.time.Instant;
import java.util.List;

/**
 * The pipeline's books for a time window: every input of every stage followed to an output, a dead letter or a
 * reason why none is due, and what is left: pending (not yet processed), unaccounted (processed, no trace) and
 * duplicated (the same version twice where exactly-once promises once).
 */
public record Account(Instant from, Instant readAt, List<StageLine> stages, IngestItems items,
                      List<NothingDueLine> nothingDue, List<DeliveryLine> deliveries, List<ReasonLine> deadLetters,
                      List<Problem> problems) {

    /**
     * One stage: its inputs and what became of each.
     *
     * @param outputs         output records (article versions, enriched versions, published versions)
     * @param produced        inputs that produced output
     * @param nothingDue      inputs that rightly produced nothing (an empty feed, an unchanged re-send, a killed
     *                        article)
     * @param duplicates      output records beyond the first for the same version
     */
    public record StageLine(String stage, String input, long in, long produced, long outputs, long deadLettered,
                            long nothingDue, long pending, long unaccounted, long duplicates) {
    }

    /** Ingest's outputs by feed item: articles and items that became dead letters. */
    public record IngestItems(long articleVersions, long itemDeadLetters, long documentDeadLetters,
                              long undecodableRecords) {
    }

    /**
     * Ingest's nothing-due outcomes of one kind.
     *
     * @param kind         empty document, unchanged, duplicate item
     * @param rawDocuments raw documents that yielded nothing, for this reason (a document with several kinds of
     *                     outcome counts under the first of these that applies)
     * @param outcomes     outcome records of this kind, items of documents that also produced articles included
     */
    public record NothingDueLine(String kind, long rawDocuments, long outcomes) {
    }

    /**
     * One outlet: the published versions addressed to it and what became of them.
     *
     * @param repeated deliveries made again with the same id (allowed for webhooks: receivers drop them)
     * @param conflicts the same article version and event delivered under different ids (never allowed)
     */
    public record DeliveryLine(String outlet, String kind, long due, long delivered, long parked, long retrying,
                               long pending, long unaccounted, long repeated, long duplicates, long conflicts) {
    }

    /** Dead letters of one stage with one reason (its shape, without the particulars). */
    public record ReasonLine(String stage, String reason, long count) {
    }

    /** Something that is not as it must be, with what identifies it. */
    public record Problem(Kind kind, String stage, String what) {
        public enum Kind { UNACCOUNTED, DUPLICATE, CONFLICT }
    }

    public long pending() {
        return stages.stream().mapToLong(StageLine::pending).sum()
                + deliveries.stream().mapToLong(d -> d.pending() + d.retrying()).sum();
    }

    /** Nothing lost, nothing duplicated, nothing conflicting (pending inputs may still be on their way). */
    public boolean consistent() {
        return problems.isEmpty();
    }

    /** Consistent, and nothing left to do. */
    public boolean complete() {
        return consistent() && pending() == 0;
    }
}
