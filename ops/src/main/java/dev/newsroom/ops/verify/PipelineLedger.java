package dev.newsroom.ops.verify;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.IngestOutcome;
import dev.newsroom.schemas.IngestOutcomeKind;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the pipeline's topics hold from a point in time on, read with read_committed (so only what transactions
 * committed counts), condensed to what an account needs: which raw record each article version came from, which
 * raw record or item each of ingest's nothing-due outcomes accounts for, which article version each enriched and
 * published record carries, every delivery receipt, every dead letter and what it names. {@link #catchUp()} reads
 * on to the topics' current ends, so a test can call it again and again while the pipeline works, and a command
 * once.
 */
public final class PipelineLedger implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STALL = Duration.ofSeconds(60);

    /** A raw record: a document, or something on the raw topic that is not one. */
    public record RawRecord(RecordPosition position, String key, boolean decodable, String documentId,
                            Instant timestamp) {
    }

    /**
     * One of ingest's nothing-due outcomes: why a raw record, or one item of it, yields no article and no dead letter.
     *
     * @param raw       the raw record it accounts for
     * @param itemIndex the item; null when the outcome is the whole document's
     */
    public record OutcomeRecord(RecordPosition position, RecordPosition raw, Integer itemIndex,
                                IngestOutcomeKind kind, String articleId, Integer version, String sameAsArticleId,
                                String reason) {
    }

    /** An article version on the articles or enriched topic. */
    public record ArticleRecord(RecordPosition position, String articleId, int version, LineageKey lineage,
                                String contentHash) {
    }

    /** One version on the published log. */
    public record PublishedRecord(RecordPosition position, String articleId, int version, String event,
                                  Pubstatus pubstatus, List<String> outlets, LineageKey lineage, Instant updatedAt) {
    }

    /** One delivery receipt. */
    public record Receipt(RecordPosition position, String deliveryId, String outlet, String outletKind,
                          String articleId, int version, String event, DeliveryOutcome outcome, int attempt) {
    }

    /** One dead letter, with the record it stands for. */
    public record DeadLetterRecord(RecordPosition position, String id, Stage stage, String reason,
                                   RecordPosition original, Integer itemIndex, String outlet, String webhookId,
                                   Instant failedAt) {
    }

    /** One record on a Kafka outlet's topic. */
    public record OutletRecord(RecordPosition position, String outlet, String articleId, Integer version,
                               String event) {
    }

    private final TopicCatalogue topics;
    private final Instant from;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, String> outletTopics;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Deserializer<RawDocument> rawDocuments;
    private final Deserializer<Article> articleValues;
    private final Deserializer<IngestOutcome> outcomeValues;
    private final Deserializer<EnrichedArticle> enrichedValues;
    private final Deserializer<PublishedArticle> publishedValues;
    private final Deserializer<DeliveryReceipt> receiptValues;
    private final Deserializer<DeadLetter> deadLetterValues;

    private final List<RawRecord> raw = new ArrayList<>();
    private final List<ArticleRecord> articles = new ArrayList<>();
    private final List<OutcomeRecord> outcomes = new ArrayList<>();
    private final List<ArticleRecord> enriched = new ArrayList<>();
    private final List<PublishedRecord> published = new ArrayList<>();
    private final List<Receipt> receipts = new ArrayList<>();
    private final List<DeadLetterRecord> deadLetters = new ArrayList<>();
    private final List<OutletRecord> outletRecords = new ArrayList<>();
    private final Map<String, Long> undecodable = new LinkedHashMap<>();
    private Instant readAt;

    /**
     * @param kafka        client settings (bootstrap servers, security); the reader joins no group
     * @param from         the first record time to account for; null for everything the topics hold
     * @param outletTopics Kafka outlets by name and their topics, to check what they received
     */
    public PipelineLedger(Map<String, Object> kafka, TopicCatalogue topics, Instant from,
                          Map<String, String> outletTopics) {
        this.topics = topics;
        this.from = from;
        this.outletTopics = Map.copyOf(outletTopics);
        Map<String, Object> config = new HashMap<>(kafka);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsroom-verify");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.rawDocuments = topics.raw().valueSerde().deserializer();
        this.articleValues = topics.articles().valueSerde().deserializer();
        this.outcomeValues = topics.ingestOutcomes().valueSerde().deserializer();
        this.enrichedValues = topics.enriched().valueSerde().deserializer();
        this.publishedValues = topics.published().valueSerde().deserializer();
        this.receiptValues = topics.deliveries().valueSerde().deserializer();
        this.deadLetterValues = topics.deadLetters().valueSerde().deserializer();
    }

    public Instant from() {
        return from;
    }

    /** When {@link #catchUp()} last reached the ends of the topics. */
    public Instant readAt() {
        return readAt;
    }

    public TopicCatalogue topics() {
        return topics;
    }

    public Map<String, String> outletTopics() {
        return outletTopics;
    }

    /**
     * Reads every topic from where the last call stopped to at least its end now. Whatever a poll returns is kept,
     * also past those ends: a partition held back by an open transaction can release its records in the middle of
     * a read, and a record the consumer has passed is never fetched again.
     */
    public synchronized PipelineLedger catchUp() {
        Instant started = Instant.now();
        assignNewPartitions();
        Map<TopicPartition, Long> ends = consumer.endOffsets(positions.keySet());
        long lastProgress = System.nanoTime();
        while (behind(ends)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                take(record);
            }
            boolean moved = false;
            for (TopicPartition partition : positions.keySet()) {
                long position = consumer.position(partition);
                moved |= position != positions.put(partition, position);
            }
            if (moved) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("Reading the pipeline's topics made no progress for "
                        + STALL.toSeconds() + " s (positions " + positions + ", ends " + ends + ")");
            }
        }
        readAt = started;
        return this;
    }

    private boolean behind(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().anyMatch(end -> positions.get(end.getKey()) < end.getValue());
    }

    private void assignNewPartitions() {
        List<String> wanted = new ArrayList<>(List.of(topics.name(TopicId.RAW), topics.name(TopicId.ARTICLES),
                topics.name(TopicId.INGEST_OUTCOMES), topics.name(TopicId.ENRICHED), topics.name(TopicId.PUBLISHED),
                topics.name(TopicId.DELIVERIES), topics.name(TopicId.DEADLETTER)));
        wanted.addAll(outletTopics.values());
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : wanted) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                TopicPartition partition = new TopicPartition(topic, info.partition());
                if (!positions.containsKey(partition)) {
                    added.add(partition);
                }
            }
        }
        if (added.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> starts = new HashMap<>(consumer.beginningOffsets(added));
        if (from != null) {
            Map<TopicPartition, Long> times = new HashMap<>();
            added.forEach(partition -> times.put(partition, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
            Map<TopicPartition, Long> ends = consumer.endOffsets(added);
            for (TopicPartition partition : added) {
                OffsetAndTimestamp at = found.get(partition);
                starts.put(partition, at == null ? ends.get(partition) : at.offset());
            }
        }
        positions.putAll(starts);
        consumer.assign(List.copyOf(positions.keySet()));
        positions.forEach(consumer::seek);
    }

    private void take(ConsumerRecord<byte[], byte[]> record) {
        RecordPosition position = new RecordPosition(record.topic(), record.partition(), record.offset());
        String topic = record.topic();
        if (topic.equals(topics.name(TopicId.RAW))) {
            raw.add(rawRecord(record, position));
            return;
        }
        if (record.value() == null) {
            return;
        }
        try {
            if (topic.equals(topics.name(TopicId.ARTICLES))) {
                Article article = articleValues.deserialize(topic, record.value());
                articles.add(new ArticleRecord(position, article.getId(), article.getVersion(),
                        LineageKey.of(article.getLineage()), article.getContentHash()));
            } else if (topic.equals(topics.name(TopicId.INGEST_OUTCOMES))) {
                outcomes.add(outcome(position, outcomeValues.deserialize(topic, record.value())));
            } else if (topic.equals(topics.name(TopicId.ENRICHED))) {
                Article article = enrichedValues.deserialize(topic, record.value()).getArticle();
                enriched.add(new ArticleRecord(position, article.getId(), article.getVersion(),
                        LineageKey.of(article.getLineage()), article.getContentHash()));
            } else if (topic.equals(topics.name(TopicId.PUBLISHED))) {
                PublishedArticle value = publishedValues.deserialize(topic, record.value());
                published.add(new PublishedRecord(position, value.getArticleId(), value.getVersion(),
                        value.getEvent().name(), value.getPubstatus(), List.copyOf(value.getOutlets()),
                        LineageKey.of(value.getLineage()), value.getUpdatedAt()));
            } else if (topic.equals(topics.name(TopicId.DELIVERIES))) {
                DeliveryReceipt value = receiptValues.deserialize(topic, record.value());
                receipts.add(new Receipt(position, value.getDeliveryId(), value.getOutlet(),
                        value.getOutletKind().name(), value.getArticleId(), value.getVersion(), value.getEvent(),
                        value.getOutcome(), value.getAttempt()));
            } else if (topic.equals(topics.name(TopicId.DEADLETTER))) {
                deadLetters.add(deadLetter(position, deadLetterValues.deserialize(topic, record.value())));
            } else {
                outletRecords.add(outletRecord(record, position));
            }
        } catch (RuntimeException e) {
            undecodable.merge(topic, 1L, Long::sum);
        }
    }

    private RawRecord rawRecord(ConsumerRecord<byte[], byte[]> record, RecordPosition position) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        Instant timestamp = Instant.ofEpochMilli(record.timestamp());
        try {
            RawDocument document = rawDocuments.deserialize(record.topic(), record.value());
            return new RawRecord(position, key, true, document.getDocumentId(), timestamp);
        } catch (RuntimeException e) {
            return new RawRecord(position, key, false, null, timestamp);
        }
    }

    private static OutcomeRecord outcome(RecordPosition position, IngestOutcome outcome) {
        return new OutcomeRecord(position, new RecordPosition(outcome.getRawTopic(), outcome.getRawPartition(),
                outcome.getRawOffset()), outcome.getItemIndex(), outcome.getKind(), outcome.getArticleId(),
                outcome.getVersion(), outcome.getSameAsArticleId(), outcome.getReason());
    }

    private static DeadLetterRecord deadLetter(RecordPosition position, DeadLetter letter) {
        Map<String, String> details = letter.getDetails();
        String itemIndex = details.get("itemIndex");
        return new DeadLetterRecord(position, letter.getId(), letter.getStage(), letter.getReason(),
                new RecordPosition(letter.getOriginalTopic(), letter.getOriginalPartition(),
                        letter.getOriginalOffset()),
                itemIndex == null ? null : Integer.valueOf(itemIndex), details.get("outlet"),
                details.get("webhookId"), letter.getFailedAt());
    }

    private static OutletRecord outletRecord(ConsumerRecord<byte[], byte[]> record, RecordPosition position) {
        return new OutletRecord(position, null, record.key() == null ? null
                : new String(record.key(), StandardCharsets.UTF_8),
                header(record, "newsroom-version") == null ? null : Integer.valueOf(header(record, "newsroom-version")),
                header(record, "newsroom-event"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public synchronized List<RawRecord> raw() {
        return List.copyOf(raw);
    }

    public synchronized List<ArticleRecord> articles() {
        return List.copyOf(articles);
    }

    public synchronized List<OutcomeRecord> outcomes() {
        return List.copyOf(outcomes);
    }

    public synchronized List<ArticleRecord> enriched() {
        return List.copyOf(enriched);
    }

    public synchronized List<PublishedRecord> published() {
        return List.copyOf(published);
    }

    public synchronized List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    public synchronized List<DeadLetterRecord> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Records of the Kafka outlets' topics, with the outlet they belong to. */
    public synchronized List<OutletRecord> outletRecords() {
        Map<String, String> outletByTopic = new HashMap<>();
        outletTopics.forEach((outlet, topic) -> outletByTopic.put(topic, outlet));
        return outletRecords.stream().map(r -> new OutletRecord(r.position(), outletByTopic.get(r.position().topic()),
                r.articleId(), r.version(), r.event())).toList();
    }

    /** Everything read so far, as one consistent view. */
    public synchronized LedgerSnapshot snapshot() {
        return new LedgerSnapshot(from, readAt, topics.name(TopicId.PUBLISHED), outletTopics, raw, articles, outcomes,
                enriched, published, receipts, deadLetters, outletRecords());
    }

    /** Records that did not decode as their topic's type, by topic (the raw topic's are in {@link #raw()}). */
    public synchronized Map<String, Long> undecodable() {
        return Map.copyOf(undecodable);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
