package dev.newsroom.ingest.topology;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.IngestOutcome;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.RawDocument;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns one raw record into articles keyed by article id, a dead letter for each feed item that yields no
 * article, and an outcome for what rightly yields nothing: a feed without items, an item repeating an earlier
 * item's content. The raw value arrives as bytes and is decoded here, so that an item's dead letter can carry the
 * original bytes unchanged; a document that cannot be decoded or parsed at all is thrown to the platform's
 * processing handler, which dead-letters it with the same bytes.
 *
 * <p>Repeats are recognised within one document only, where they cost one map per document. Across documents, the
 * same content under the same id is already an unchanged re-ingest; under another id it stays an article of its
 * own, since recognising it would take a second repartition (by content hash) of every article, one more write and
 * read through Kafka on ingest's busiest path.
 */
final class ParseProcessor extends ContextualProcessor<String, byte[], String, IngestResult> {

    private final DocumentParser parser;
    private final Deserializer<RawDocument> rawDocuments;
    private final DeadLetters deadLetters;
    private final NothingDueOutcomes nothingDue;
    private final IngestMetrics metrics;
    private final Clock clock;

    ParseProcessor(DocumentParser parser, Deserializer<RawDocument> rawDocuments, DeadLetters deadLetters,
                   NothingDueOutcomes nothingDue, IngestMetrics metrics, Clock clock) {
        this.parser = parser;
        this.rawDocuments = rawDocuments;
        this.deadLetters = deadLetters;
        this.nothingDue = nothingDue;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata where = context().recordMetadata().orElseThrow();
        RawDocument document = rawDocuments.deserialize(where.topic(), record.headers(), record.value());
        if (document == null) {
            throw new IllegalArgumentException("Raw record with key '" + record.key() + "' has no value (a tombstone)");
        }
        Lineage lineage = Lineage.newBuilder()
                .setRawTopic(where.topic())
                .setRawPartition(where.partition())
                .setRawOffset(where.offset())
                .setDocumentId(document.getDocumentId())
                .setItemIndex(0)
                .setFormat("")
                .setIngestedAt(clock.instant())
                .build();
        ParsedDocument parsed;
        try {
            parsed = parser.parse(input(document), lineage);
        } catch (RejectedDocumentException e) {
            metrics.rejected(e);
            throw e;
        }
        metrics.parsed(parsed.format());
        if (parsed.articles().isEmpty() && parsed.rejectedItems().isEmpty()) {
            Lineage whole = Lineage.newBuilder(lineage).setFormat(parsed.format().format()).build();
            IngestOutcome empty = nothingDue.emptyDocument(whole, document.getContentType());
            metrics.nothingDue(empty.getKind());
            context().forward(record.withKey(whole.getDocumentId()).withValue(IngestResult.nothingDue(empty)));
        }
        Map<String, Article> firstWithContent = new HashMap<>();
        Map<String, Article> firstWithId = new HashMap<>();
        for (Article article : parsed.articles()) {
            Article earlier = firstWithContent.putIfAbsent(article.getContentHash(), article);
            if (earlier == null) {
                earlier = firstWithId.putIfAbsent(article.getId(), article);
            } else {
                firstWithId.putIfAbsent(article.getId(), article);
            }
            if (earlier != null) {
                IngestOutcome repeat = nothingDue.duplicateItem(article, earlier);
                metrics.nothingDue(repeat.getKind());
                context().forward(record.withKey(article.getId()).withValue(IngestResult.nothingDue(repeat)));
            } else {
                context().forward(record.withKey(article.getId()).withValue(IngestResult.of(article)));
            }
        }
        for (ItemRejection rejection : parsed.rejectedItems()) {
            metrics.rejectedItem();
            DeadLetters.Failed failed = DeadLetters.Failed.of(where, record, record.value());
            var letter = deadLetters.describe(failed, new IllegalArgumentException(rejection.reason()),
                    Map.of("itemIndex", String.valueOf(rejection.itemIndex()), "format", parsed.format().format()), 1);
            context().forward(record.withValue(IngestResult.rejected(letter)));
        }
    }

    private static RawInput input(RawDocument document) {
        // The schema and the parser each have a LinkedPage, hence the qualified names.
        java.util.List<dev.newsroom.ingest.parse.document.LinkedPage> pages = new java.util.ArrayList<>();
        for (dev.newsroom.schemas.LinkedPage page : document.getLinkedPages()) {
            pages.add(new dev.newsroom.ingest.parse.document.LinkedPage(page.getUrl(), page.getFetchedUrl(),
                    page.getContentType(), page.getCharset(), bytes(page.getPayload()), page.getFetchedAt()));
        }
        return new RawInput(document.getDocumentId(), document.getSource(), document.getContentType(),
                document.getUri(), document.getCharset(), document.getHeaders(), bytes(document.getPayload()),
                document.getReceivedAt(), null, pages);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
