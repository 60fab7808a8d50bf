package dev.newsroom.publish.feed;

import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.platform.deadletter.FailureKind;
import dev.newsroom.publish.outlet.FeedOutlet;
import dev.newsroom.publish.outlet.LogFollower;
import dev.newsroom.publish.outlet.OutletHealth;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the feed outlets current. Like a new downstream site, it bootstraps from the beginning of the published
 * log every time it starts (the log is the source of truth, so feeds need no storage of their own), keeps each
 * feed's latest items in memory, and once it has caught up re-renders a feed whenever its items change: in memory
 * for the service's HTTP endpoint and, when the outlet names a directory, as files replaced atomically.
 * Re-rendering every changed feed after every poll cost more CPU under load than the whole publish stage (each
 * rendering writes every item of three formats), so changes are gathered for up to {@link #RENDER_INTERVAL}.
 */
public final class FeedWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedWorker.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);
    static final Duration RENDER_INTERVAL = Duration.ofSeconds(1);

    private final String publishedTopic;
    private final Deserializer<PublishedArticle> decoder;
    private final List<FeedOutlet> outlets;
    private final URI baseUrl;
    private final OutletHealth health;
    private final Clock clock;
    private final Map<String, Map<FeedFormat, FeedDocument>> documents = new ConcurrentHashMap<>();
    private final LogFollower follower;
    private volatile boolean caughtUp;

    private FeedWorker(List<FeedOutlet> outlets, Supplier<Consumer<String, byte[]>> consumers, TopicCatalogue topics,
                       URI baseUrl, OutletHealth health, Clock clock) {
        this.outlets = List.copyOf(outlets);
        this.publishedTopic = topics.name(TopicId.PUBLISHED);
        this.decoder = topics.published().valueSerde().deserializer();
        this.baseUrl = baseUrl;
        this.health = health;
        this.clock = clock;
        outlets.forEach(health::register);
        this.follower = new LogFollower("feeds", consumers, RESTART_PAUSE, new Reader());
    }

    /** @param baseUrl the public URL of the service's {@code /feeds/} (for self links), or null */
    public static FeedWorker start(List<FeedOutlet> outlets, Map<String, Object> kafka, TopicCatalogue topics,
                                   URI baseUrl, OutletHealth health, Clock clock) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return start(outlets, () -> new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer()), topics, baseUrl, health, clock);
    }

    /** @param consumers a new consumer of the published log for each read (after a failure, the next one) */
    public static FeedWorker start(List<FeedOutlet> outlets, Supplier<Consumer<String, byte[]>> consumers,
                                   TopicCatalogue topics, URI baseUrl, OutletHealth health, Clock clock) {
        FeedWorker worker = new FeedWorker(outlets, consumers, topics, baseUrl, health, clock);
        worker.follower.start();
        return worker;
    }

    /** The rendered feed, once the worker has read the log up to where it stood at start. */
    public Optional<FeedDocument> document(String outlet, FeedFormat format) {
        return Optional.ofNullable(documents.get(outlet)).map(byFormat -> byFormat.get(format));
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public boolean serves(String outlet) {
        return outlets.stream().anyMatch(feed -> feed.name().equals(outlet));
    }

    @Override
    public void close() {
        follower.close();
    }

    /** Each read starts over from the beginning of the log, with empty feeds. */
    private final class Reader implements LogFollower.Reader {
        @Override
        public void read(Consumer<String, byte[]> consumer) {
            Map<String, FeedContents> contents = new HashMap<>();
            outlets.forEach(outlet -> contents.put(outlet.name(), new FeedContents(outlet)));
            caughtUp = false;
            bootstrapAndFollow(consumer, contents);
        }

        @Override
        public void failed(RuntimeException error, String reason, boolean fatal) {
            outlets.forEach(outlet -> health.failed(outlet.name(), reason));
            if (fatal) {
                LOG.error("Feed outlets stop: {}", reason, error);
            } else {
                LOG.warn("Feed outlets: reading the published log failed ({}); reading it again in {} s", reason,
                        RESTART_PAUSE.toSeconds(), error);
            }
        }
    }

    private void bootstrapAndFollow(Consumer<String, byte[]> kafka, Map<String, FeedContents> contents) {
        List<TopicPartition> partitions = partitions(kafka);
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> startingEnd = kafka.endOffsets(partitions);
        LOG.info("Feed outlets {}: reading the published log {} from the beginning",
                outlets.stream().map(FeedOutlet::name).toList(), publishedTopic);
        Set<String> changed = new HashSet<>();
        long lastRender = System.nanoTime();
        while (follower.running()) {
            ConsumerRecords<String, byte[]> records = kafka.poll(POLL_TIMEOUT);
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.value() == null) {
                    continue;
                }
                PublishedArticle published;
                try {
                    published = decoder.deserialize(record.topic(), record.value());
                } catch (RuntimeException e) {
                    if (FailureKind.of(e) != FailureKind.POISON) {
                        throw e;
                    }
                    LOG.warn("Feed outlets skip {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            DeadLetters.reason(e));
                    continue;
                }
                contents.values().forEach(feed -> {
                    if (feed.apply(published)) {
                        changed.add(feed.outlet().name());
                    }
                });
            }
            if (!caughtUp && partitions.stream().allMatch(p -> kafka.position(p) >= startingEnd.get(p))) {
                caughtUp = true;
                outlets.forEach(outlet -> health.recovered(outlet.name()));
                contents.values().forEach(this::render);
                changed.clear();
                lastRender = System.nanoTime();
                LOG.info("Feed outlets caught up with the published log; serving {}",
                        outlets.stream().map(FeedOutlet::name).toList());
            } else if (caughtUp && !changed.isEmpty()
                    && System.nanoTime() - lastRender >= RENDER_INTERVAL.toNanos()) {
                changed.forEach(name -> render(contents.get(name)));
                changed.clear();
                lastRender = System.nanoTime();
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> kafka) {
        while (follower.running()) {
            var infos = kafka.partitionsFor(publishedTopic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            LOG.info("Feed outlets wait for the published log {} to exist", publishedTopic);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
        throw new WakeupException();
    }

    private void render(FeedContents feed) {
        FeedOutlet outlet = feed.outlet();
        List<FeedItem> items = feed.latest();
        Map<FeedFormat, FeedDocument> rendered = new EnumMap<>(FeedFormat.class);
        rendered.put(FeedFormat.RSS, FeedDocument.of(FeedFormat.RSS.contentType(),
                FeedRenderer.rss(outlet, items, clock.instant())));
        rendered.put(FeedFormat.ATOM, FeedDocument.of(FeedFormat.ATOM.contentType(),
                FeedRenderer.atom(outlet, items, clock.instant(), baseUrl)));
        rendered.put(FeedFormat.JSON_FEED, FeedDocument.of(FeedFormat.JSON_FEED.contentType(),
                FeedRenderer.jsonFeed(outlet, items, baseUrl)));
        documents.put(outlet.name(), rendered);
        health.pending(outlet.name(), 0);
        if (outlet.directory() != null) {
            rendered.forEach((format, document) -> write(outlet, format, document));
        }
    }

    private void write(FeedOutlet outlet, FeedFormat format, FeedDocument document) {
        Path target = outlet.directory().resolve(outlet.name() + "." + format.extension());
        try {
            Files.createDirectories(outlet.directory());
            Path temporary = Files.createTempFile(outlet.directory(), "." + outlet.name(), ".tmp");
            Files.write(temporary, document.body());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Feed outlet '{}': cannot write {}: {}", outlet.name(), target, e.toString());
            health.problem(outlet.name(), "cannot write " + target + ": " + e.getMessage());
        }
    }
}
