package dev.newsroom.console;

import dev.newsroom.console.ArticleTrail.At;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The articles, their enrichment, publication, deliveries and moderation outcomes, by article id, kept in memory
 * by one thread that reads those topics from their beginning and then follows them. No topic holds an article's
 * whole path, and searching it by headline words needs every headline at hand; the topics keep a week, so this is
 * a week of headlines and metadata (raw payloads are fetched one at a time for the lineage page, never kept).
 * It reads with assign/seek as a group-less, read_committed consumer, so it commits nothing anywhere.
 */
final class ArticleIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final long REASSIGN_NANOS = Duration.ofSeconds(5).toNanos();

    /** One followed topic and what to do with its records. */
    private record Followed<T>(String topic, Deserializer<T> values, BiConsumer<ArticleTrail, At<T>> add,
                               Function<T, String> articleId) {
        void accept(ArticleIndex index, ConsumerRecord<byte[], byte[]> record) {
            T value = values.deserialize(record.topic(), record.value());
            if (value == null) {
                return;
            }
            ArticleTrail trail = index.trail(articleId.apply(value));
            add.accept(trail, new At<>(value, record.topic(), record.partition(), record.offset(), record.timestamp()));
            index.indexed(trail);
        }
    }

    private final KafkaClients clients;
    private final Map<String, Followed<?>> followed = new HashMap<>();
    private final Map<String, ArticleTrail> trails = new ConcurrentHashMap<>();
    /** Every name an article is known by (id, URL, alt ids, aliases), folded, to the article's id. */
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean closed;
    private volatile Map<TopicPartition, Long> startEnds = Map.of();
    private volatile boolean caughtUp;
    private volatile long undecodable;

    ArticleIndex(KafkaClients clients, TopicCatalogue topics) {
        this.clients = clients;
        follow(new Followed<>(topics.articles().name(), topics.articles().valueSerde().deserializer(),
                ArticleTrail::addVersion, Article::getId));
        follow(new Followed<>(topics.enriched().name(), topics.enriched().valueSerde().deserializer(),
                ArticleTrail::addEnriched, (EnrichedArticle e) -> e.getArticle().getId()));
        follow(new Followed<>(topics.published().name(), topics.published().valueSerde().deserializer(),
                ArticleTrail::addPublished, PublishedArticle::getArticleId));
        follow(new Followed<>(topics.deliveries().name(), topics.deliveries().valueSerde().deserializer(),
                ArticleTrail::addDelivery, DeliveryReceipt::getArticleId));
        follow(new Followed<>(topics.moderationEvents().name(), topics.moderationEvents().valueSerde().deserializer(),
                ArticleTrail::addModeration, ModerationEvent::getArticleId));
        this.reader = new Thread(this::run, "newsroom-console-index");
        reader.setDaemon(true);
    }

    private void follow(Followed<?> topic) {
        followed.put(topic.topic(), topic);
    }

    ArticleIndex start() {
        reader.start();
        return this;
    }

    /** True once every record that was in the topics when the index started has been read. */
    boolean caughtUp() {
        return caughtUp;
    }

    long undecodable() {
        return undecodable;
    }

    List<ArticleTrail> trails() {
        return List.copyOf(trails.values());
    }

    Optional<ArticleTrail> find(String idOrName) {
        ArticleTrail trail = trails.get(idOrName);
        if (trail != null) {
            return Optional.of(trail);
        }
        return Optional.ofNullable(names.get(SearchText.fold(idOrName.strip()))).map(trails::get);
    }

    /**
     * Articles whose id, URL or other names contain the query, or whose headline (any version's) has a word
     * starting with each of the query's words; newest first.
     */
    List<ArticleTrail> search(String query) {
        String folded = SearchText.fold(query.strip());
        List<String> words = SearchText.words(query);
        if (folded.isEmpty()) {
            return newestFirst(new ArrayList<>(trails.values()));
        }
        Set<String> hits = new HashSet<>();
        names.forEach((name, id) -> {
            if (name.contains(folded)) {
                hits.add(id);
            }
        });
        List<ArticleTrail> found = new ArrayList<>();
        for (ArticleTrail trail : trails.values()) {
            if (hits.contains(trail.id()) || (!words.isEmpty() && headlinesHaveAll(trail, words))) {
                found.add(trail);
            }
        }
        return newestFirst(found);
    }

    private static boolean headlinesHaveAll(ArticleTrail trail, List<String> wanted) {
        Set<String> headlineWords = new HashSet<>();
        trail.versions().forEach(v -> headlineWords.addAll(SearchText.words(v.value().getHeadline())));
        trail.enriched().forEach(v -> headlineWords.addAll(SearchText.words(v.value().getArticle().getHeadline())));
        return wanted.stream().allMatch(word -> headlineWords.stream().anyMatch(w -> w.startsWith(word)));
    }

    private static List<ArticleTrail> newestFirst(List<ArticleTrail> found) {
        found.removeIf(trail -> trail.latest() == null);
        found.sort(Comparator.comparing((ArticleTrail t) -> t.latest().getLineage().getIngestedAt()).reversed()
                .thenComparing(ArticleTrail::id));
        return found;
    }

    private ArticleTrail trail(String id) {
        return trails.computeIfAbsent(id, ArticleTrail::new);
    }

    private void indexed(ArticleTrail trail) {
        names.put(SearchText.fold(trail.id()), trail.id());
        Article latest = trail.latest();
        if (latest != null) {
            if (latest.getCanonicalUrl() != null) {
                names.put(SearchText.fold(latest.getCanonicalUrl()), trail.id());
            }
            for (AltId altId : latest.getAltIds()) {
                names.put(SearchText.fold(altId.getValue()), trail.id());
            }
        }
        PublishedArticle published = trail.livePublished();
        if (published != null) {
            published.getAliases().forEach(alias -> names.put(SearchText.fold(alias), trail.id()));
        }
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> reading = clients.reader("newsroom-console-index")) {
            consumer = reading;
            long lastAssigned = 0;
            while (!closed) {
                if (System.nanoTime() - lastAssigned > REASSIGN_NANOS) {
                    assignNewPartitions(reading);
                    lastAssigned = System.nanoTime();
                }
                if (reading.assignment().isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : reading.poll(POLL)) {
                    try {
                        followed.get(record.topic()).accept(this, record);
                    } catch (RuntimeException e) {
                        undecodable++;
                        LOG.debug("Skipping {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                                e.getMessage());
                    }
                }
                if (!caughtUp) {
                    caughtUp = startEnds.entrySet().stream()
                            .allMatch(end -> reading.position(end.getKey()) >= end.getValue());
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: done.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("The console's article index stopped reading: {}", e.getMessage(), e);
            }
        }
    }

    /** Topics created after the console started (or partitions added) are picked up here, from their start. */
    private void assignNewPartitions(KafkaConsumer<byte[], byte[]> reading) {
        Set<TopicPartition> assigned = new HashSet<>(reading.assignment());
        List<TopicPartition> added = new ArrayList<>();
        Map<String, List<PartitionInfo>> existing = reading.listTopics(Duration.ofSeconds(10));
        for (String topic : followed.keySet()) {
            for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
                TopicPartition partition = new TopicPartition(topic, info.partition());
                if (!assigned.contains(partition)) {
                    added.add(partition);
                }
            }
        }
        if (added.isEmpty()) {
            if (startEnds.isEmpty()) {
                caughtUp = true;
            }
            return;
        }
        assigned.addAll(added);
        reading.assign(assigned);
        reading.seekToBeginning(added);
        if (!caughtUp) {
            Map<TopicPartition, Long> ends = new HashMap<>(startEnds);
            ends.putAll(reading.endOffsets(added));
            startEnds = Map.copyOf(ends);
        }
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<byte[], byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        try {
            reader.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
