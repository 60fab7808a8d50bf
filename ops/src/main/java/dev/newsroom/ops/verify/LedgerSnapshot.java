package dev.newsroom.ops.verify;

import dev.newsroom.ops.verify.PipelineLedger.ArticleRecord;
import dev.newsroom.ops.verify.PipelineLedger.DeadLetterRecord;
import dev.newsroom.ops.verify.PipelineLedger.OutcomeRecord;
import dev.newsroom.ops.verify.PipelineLedger.OutletRecord;
import dev.newsroom.ops.verify.PipelineLedger.PublishedRecord;
import dev.newsroom.ops.verify.PipelineLedger.RawRecord;
import dev.newsroom.ops.verify.PipelineLedger.Receipt;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a ledger had read at one moment, so that an account is drawn from one consistent view.
 *
 * @param from           the first record time accounted for; null for everything
 * @param readAt         when the ledger last reached the ends of the topics
 * @param publishedTopic the published log's name (webhook workers commit their progress on it)
 * @param outletTopics   Kafka outlets by name and their topics
 * @param outletRecords  records of the Kafka outlets' topics, each with its outlet
 */
public record LedgerSnapshot(Instant from, Instant readAt, String publishedTopic, Map<String, String> outletTopics,
                             List<RawRecord> raw, List<ArticleRecord> articles, List<OutcomeRecord> outcomes,
                             List<ArticleRecord> enriched, List<PublishedRecord> published, List<Receipt> receipts,
                             List<DeadLetterRecord> deadLetters, List<OutletRecord> outletRecords) {

    public LedgerSnapshot {
        outletTopics = Map.copyOf(outletTopics);
        raw = List.copyOf(raw);
        articles = List.copyOf(articles);
        outcomes = List.copyOf(outcomes);
        enriched = List.copyOf(enriched);
        published = List.copyOf(published);
        receipts = List.copyOf(receipts);
        deadLetters = List.copyOf(deadLetters);
        outletRecords = List.copyOf(outletRecords);
    }
}
