package dev.newsroom.console;

import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.operate.dlq.DeadLetterStore;
import dev.newsroom.ops.operate.dlq.Redriver;
import dev.newsroom.ops.operate.status.PipelineStatus;
import dev.newsroom.ops.operate.status.StatusCollector;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the pages show and do, through the command line's own parts: {@link StatusCollector} for the overview,
 * {@link DeadLetterStore} and {@link Redriver} for dead letters, the moderation topic for editors' commands.
 */
final class Console implements AutoCloseable {

    /** Long enough for a slow registry, short enough that the overview still answers while it is down. */
    private static final String REGISTRY_RETRY_MS = "5000";
    /** Browsers polling the overview share one collection this fresh. */
    private static final Duration STATUS_FRESH = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final TopicCatalogue topics;
    private final Function<PipelineService, String> applicationIds;
    private final String registryUrl;
    private final PublishOutlets publishOutlets;
    private final Clock clock;
    private ArticleIndex index;
    private Audit audit;
    private PipelineStatus lastStatus;
    private long lastStatusAt;

    /** @param publishUrl the publish service's feeds port, which also reports its outlets' health */
    Console(KafkaClients clients, Function<PipelineService, String> applicationIds, String registryUrl,
            String publishUrl) {
        this.clients = clients;
        this.publishOutlets = new PublishOutlets(publishUrl);
        this.topics = clients.catalogue();
        this.applicationIds = applicationIds;
        this.registryUrl = registryUrl;
        this.clock = Clock.systemUTC();
    }

    KafkaClients clients() {
        return clients;
    }

    TopicCatalogue topics() {
        return topics;
    }

    PublishOutlets publishOutlets() {
        return publishOutlets;
    }

    Clock clock() {
        return clock;
    }

    synchronized PipelineStatus status() {
        if (lastStatus == null || System.nanoTime() - lastStatusAt > STATUS_FRESH.toNanos()) {
            Map<String, Object> registrySettings = new HashMap<>(clients.settings());
            registrySettings.putIfAbsent("schema.registry.retry.max.ms", REGISTRY_RETRY_MS);
            lastStatus = new StatusCollector(clients, topics, applicationIds, clock)
                    .collect(new SchemaRegistryClient(registrySettings), registryUrl);
            lastStatusAt = System.nanoTime();
        }
        return lastStatus;
    }

    /** The article index (lineage, search, outlet receipts), started on first use rather than with the server. */
    synchronized ArticleIndex articles() {
        if (index == null) {
            index = new ArticleIndex(clients, topics).start();
        }
        return index;
    }

    /** The audit topic's writer, made (and the topic created when missing) on the first action. */
    synchronized Audit audit() {
        if (audit == null) {
            audit = new Audit(clients, topics, clock);
        }
        return audit;
    }

    DeadLetterStore deadLetters() {
        return new DeadLetterStore(clients, topics);
    }

    DeadLetterPager deadLetterPager() {
        return new DeadLetterPager(clients, topics);
    }

    Redriver redriver() {
        return new Redriver(clients, deadLetters(), clock);
    }

    /** One raw record, decoded, with where it sits; empty when it is gone (retention) or not a raw document. */
    Optional<ArticleTrail.At<RawDocument>> raw(String topic, int partition, long offset) {
        TopicPartition where = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-console-raw")) {
            consumer.assign(List.of(where));
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() != offset) {
                        return Optional.empty();
                    }
                    RawDocument document = topics.raw().valueSerde().deserializer().deserialize(topic, record.value());
                    return Optional.of(new ArticleTrail.At<>(document, topic, partition, offset, record.timestamp()));
                }
                if (consumer.position(where) > offset) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (index != null) {
            index.close();
        }
        if (audit != null) {
            audit.close();
        }
    }
}
