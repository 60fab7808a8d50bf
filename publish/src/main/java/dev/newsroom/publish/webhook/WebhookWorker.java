package dev.newsroom.publish.webhook;

import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.platform.deadletter.FailureKind;
import dev.newsroom.publish.outlet.LogFollower;
import dev.newsroom.publish.outlet.OutletHealth;
import dev.newsroom.publish.outlet.RetrySchedule;
import dev.newsroom.publish.outlet.WebhookOutlet;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the published log to one webhook outlet. The log is the outbox: the worker reads it with a consumer
 * group of its own ({@code <application id>-webhook-<outlet>}, read_committed, manual commits) and delivers the
 * versions whose {@code outlets} name this outlet, plus records re-driven to it.
 *
 * <ul>
 *   <li><b>Order per article</b>: an article's versions wait in a queue of their own and go one at a time, so a
 *       kill never overtakes the publication it takes down; other articles are not held up by it.</li>
 *   <li><b>Retries</b>: on the outlet's {@link RetrySchedule} with jitter, or after the {@code Retry-After} a 429 or
 *       503 asks for, on a timer rather than a blocked thread; after the last attempt, or at once for a 4xx that
 *       retrying cannot fix, the delivery is parked in the dead-letter topic (stage DELIVERY).</li>
 *   <li><b>410 Gone</b> disables the outlet: the worker stops delivering and reading (nothing more is committed),
 *       says so in the log, a receipt and {@link OutletHealth}; a restart tries again.</li>
 *   <li><b>Crash safety</b>: a partition is committed only up to its lowest unfinished delivery, and a delivery is
 *       finished only once its final receipt (or dead letter) is acknowledged, so after a crash unfinished work is
 *       delivered again, with the same webhook-id, and nothing is lost.</li>
 *   <li><b>Bounded memory</b>: past {@code maxPending} waiting deliveries the worker pauses its partitions.</li>
 * </ul>
 *
 * <p>All state lives on the worker's own thread; HTTP answers, timers and acknowledgements come back to it
 * through an inbox, waking up its poll.
 */
public final class WebhookWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final long COMMIT_INTERVAL_MS = 200;
    private static final Duration DEAD_LETTER_RETRY = Duration.ofSeconds(5);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final WebhookOutlet outlet;
    private final String publishedTopic;
    private final String redriveTopic;
    private final String deliveriesTopic;
    private final Producer<byte[], byte[]> producer;
    private final Deserializer<PublishedArticle> decoder;
    private final Serializer<DeliveryReceipt> receipts;
    private final DeadLetters deadLetters;
    private final WebhookRequests requests;
    private final OutletHealth health;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final LogFollower follower;
    private final Queue<Event> inbox = new ConcurrentLinkedQueue<>();
    private volatile boolean polling;

    private final DeliveryMachine machine;
    /** Counts restarts after a failure: answers and timers from before one are ignored. */
    private int epoch;
    private boolean paused;
    private long lastCommitMs;

    private WebhookWorker(WebhookOutlet outlet, String groupId, TopicCatalogue topics, String redriveTopic,
                          OutletHealth health, Clock clock, Supplier<Consumer<String, byte[]>> consumers,
                          Producer<byte[], byte[]> producer, WebhookRequests requests) {
        this.outlet = outlet;
        this.publishedTopic = topics.name(TopicId.PUBLISHED);
        this.redriveTopic = redriveTopic;
        this.deliveriesTopic = topics.name(TopicId.DELIVERIES);
        this.health = health;
        this.clock = clock;
        this.decoder = topics.published().valueSerde().deserializer();
        this.receipts = topics.deliveries().valueSerde().serializer();
        this.deadLetters = new DeadLetters(Stage.DELIVERY, groupId, topics.name(TopicId.DEADLETTER),
                topics.deadLetters().valueSerde().serializer(), clock);
        this.machine = new DeliveryMachine(outlet, ThreadLocalRandom.current()::nextDouble);
        this.producer = producer;
        this.requests = requests;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread timer = new Thread(runnable, "webhook-" + outlet.name() + "-timers");
            timer.setDaemon(true);
            return timer;
        });
        this.follower = new LogFollower("webhook-" + outlet.name(), consumers, RESTART_PAUSE, new Reader());
        health.register(outlet);
    }

    /**
     * Starts delivering.
     *
     * @param kafka   client settings ({@code bootstrap.servers}, security, registry) for the consumer and producer
     * @param groupId the consumer group, which is also the application named in dead letters
     */
    public static WebhookWorker start(WebhookOutlet outlet, Map<String, Object> kafka, String groupId,
                                      TopicCatalogue topics, String redriveTopic, OutletHealth health, Clock clock) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        Map<String, Object> producerConfig = new HashMap<>(kafka);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, groupId + "-receipts");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return start(outlet, groupId, topics, redriveTopic, health, clock,
                () -> new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer()),
                new WebhookRequests(outlet, WebhookRequests.client(outlet)));
    }

    /**
     * Starts delivering with the clients given.
     *
     * @param consumers a new consumer in the outlet's group for each read (after a failure, the next one)
     * @param producer  writes receipts and dead letters; the worker closes it
     */
    static WebhookWorker start(WebhookOutlet outlet, String groupId, TopicCatalogue topics,
                               String redriveTopic, OutletHealth health, Clock clock,
                               Supplier<Consumer<String, byte[]>> consumers, Producer<byte[], byte[]> producer,
                               WebhookRequests requests) {
        WebhookWorker worker = new WebhookWorker(outlet, groupId, topics, redriveTopic, health, clock, consumers,
                producer, requests);
        worker.follower.start();
        return worker;
    }

    /**
     * Stops reading, gives the requests in flight a few seconds to answer, commits what finished and leaves the
     * group; whatever is still under way is delivered again (same webhook-id) by the next worker.
     */
    @Override
    public void close() {
        follower.close();
        timers.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }

    /** Each read resumes from the group's commits; a failure forgets whatever was under way. */
    private final class Reader implements LogFollower.Reader {
        @Override
        public void read(Consumer<String, byte[]> consumer) {
            consumer.subscribe(List.of(publishedTopic, redriveTopic), new Rebalance());
            if (!machine.disabled()) {
                health.recovered(outlet.name());
            }
            while (follower.running()) {
                deliverOnce(consumer);
            }
            finishUnderWay(consumer);
        }

        @Override
        public void failed(RuntimeException error, String reason, boolean fatal) {
            health.failed(outlet.name(), reason);
            if (fatal) {
                LOG.error("Webhook outlet '{}' stops: {}", outlet.name(), reason, error);
                return;
            }
            LOG.warn("Webhook outlet '{}': worker failed ({}); restarting from the last commit in {} s",
                    outlet.name(), reason, RESTART_PAUSE.toSeconds(), error);
            forgetEverything();
        }
    }

    private void deliverOnce(Consumer<String, byte[]> kafka) {
        polling = true;
        Iterable<ConsumerRecord<String, byte[]>> records;
        try {
            records = kafka.poll(inbox.isEmpty() ? POLL_TIMEOUT : Duration.ZERO);
        } catch (WakeupException e) {
            records = List.of();
        } finally {
            polling = false;
        }
        if (!follower.running()) {
            return;
        }
        List<TopicPartition> rewound = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (!rewound.contains(partition) && !accept(kafka, record)) {
                rewound.add(partition);
            }
        }
        handleEvents();
        machine.startable().forEach(this::attempt);
        flowControl(kafka);
        health.pending(outlet.name(), machine.pending());
        long now = clock.millis();
        if (now - lastCommitMs >= COMMIT_INTERVAL_MS) {
            lastCommitMs = now;
            Map<TopicPartition, OffsetAndMetadata> due = machine.dueCommits();
            if (!due.isEmpty()) {
                kafka.commitAsync(due, (offsets, error) -> {
                    if (error != null) {
                        LOG.warn("Webhook outlet '{}': commit failed, it will be repeated: {}", outlet.name(),
                                error.getMessage());
                        machine.commitFailed(offsets.keySet());
                    }
                });
            }
        }
    }

    private void handleEvents() {
        for (Event event = inbox.poll(); event != null; event = inbox.poll()) {
            if (event.epoch() == epoch) {
                event.action().run();
            }
        }
    }

    /**
     * On a graceful stop: lets the requests in flight answer (for a few seconds), waits for their receipts and
     * commits, so that a restart repeats as little as possible. Nothing new starts meanwhile.
     */
    private void finishUnderWay(Consumer<String, byte[]> kafka) {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (machine.inFlight() > 0 && System.nanoTime() < deadline) {
            handleEvents();
            sleep(Duration.ofMillis(10));
        }
        producer.flush();
        handleEvents();
        commitSync(kafka, machine.commitPoints(kafka.assignment()));
    }

    /** Takes a record in; false when it could not be read now and the partition was rewound to it. */
    private boolean accept(Consumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.value() == null) {
            machine.passed(partition, record.offset());
            return true;
        }
        boolean redriven = record.topic().equals(redriveTopic);
        if (redriven && !outlet.name().equals(header(record, WebhookRedrive.OUTLET_HEADER))) {
            machine.passed(partition, record.offset());
            return true;
        }
        PublishedArticle published;
        try {
            published = decoder.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            if (FailureKind.of(e) == FailureKind.TRANSIENT) {
                LOG.warn("Webhook outlet '{}': cannot read {}-{}@{} now ({}); will read it again", outlet.name(),
                        record.topic(), record.partition(), record.offset(), DeadLetters.reason(e));
                kafka.seek(partition, record.offset());
                return false;
            }
            if (FailureKind.of(e) == FailureKind.FATAL) {
                throw e;
            }
            machine.started(partition, record.offset());
            parkUnreadable(record, e);
            return true;
        }
        if (!redriven && !published.getOutlets().contains(outlet.name())) {
            machine.passed(partition, record.offset());
            return true;
        }
        machine.accept(new Delivery(record, published, outlet.advisories().notices()));
        return true;
    }

    private void attempt(Delivery delivery) {
        Instant started = clock.instant();
        int attemptEpoch = epoch;
        requests.send(delivery, started, answer -> post(attemptEpoch, () -> machine.answered(delivery, answer,
                started, clock.instant()).ifPresent(decision -> carryOut(delivery, decision))));
    }

    private void carryOut(Delivery delivery, DeliveryMachine.Decision decision) {
        if (decision instanceof DeliveryMachine.Delivered delivered) {
            health.delivered(outlet.name());
            send(receiptRecord(delivered.receipt()), () -> machine.finished(delivery));
        } else if (decision instanceof DeliveryMachine.Retry retry) {
            health.retrying(outlet.name(), delivery.lastError);
            LOG.info("Webhook outlet '{}': attempt {} for {} failed ({}); next attempt at {}", outlet.name(),
                    delivery.attempts, delivery.describe(), delivery.lastError, retry.receipt().getNextAttemptAt());
            send(receiptRecord(retry.receipt()), null);
            int retryEpoch = epoch;
            timers.schedule(() -> post(retryEpoch, () -> machine.retryDue(delivery)), retry.delay().toMillis(),
                    TimeUnit.MILLISECONDS);
        } else if (decision instanceof DeliveryMachine.Park park) {
            LOG.warn("{}; parked in the dead-letter topic", park.reason());
            health.parked(outlet.name(), delivery.lastError);
            DeadLetter letter = deadLetter(delivery.record, new WebhookDeliveryException(park.reason()),
                    park.details(), delivery.attempts);
            parkDurably(letter, () -> send(receiptRecord(park.receipt()), () -> machine.finished(delivery)), delivery);
        } else if (decision instanceof DeliveryMachine.Disable disable) {
            LOG.error(disable.reason());
            health.disabled(outlet.name(), disable.reason());
            send(receiptRecord(disable.receipt()), null);
        }
    }

    private void parkUnreadable(ConsumerRecord<String, byte[]> record, RuntimeException error) {
        Map<String, String> details = new HashMap<>();
        details.put("outlet", outlet.name());
        DeadLetter letter = deadLetter(record, error, details, 1);
        LOG.warn("Webhook outlet '{}': {}; parked in the dead-letter topic", outlet.name(), letter.getReason());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        parkDurably(letter, () -> machine.finished(partition, record.offset()), null);
    }

    /** Writes the dead letter, trying again until the broker takes it: a parked delivery must not vanish. */
    private void parkDurably(DeadLetter letter, Runnable then, Delivery delivery) {
        int parkEpoch = epoch;
        producer.send(deadLetters.toRecord(letter), (metadata, error) -> post(parkEpoch, () -> {
            if (delivery != null && delivery.cancelled) {
                return;
            }
            if (error == null) {
                then.run();
            } else {
                LOG.warn("Webhook outlet '{}': cannot write dead letter {} yet ({}); trying again", outlet.name(),
                        letter.getId(), error.getMessage());
                timers.schedule(() -> post(parkEpoch, () -> parkDurably(letter, then, delivery)),
                        DEAD_LETTER_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }));
    }

    private DeadLetter deadLetter(ConsumerRecord<String, byte[]> record, Throwable error, Map<String, String> details,
                                  int attempts) {
        DeadLetters.Failed failed = DeadLetters.Failed.of(record);
        DeadLetter letter = deadLetters.describe(failed, error, details, attempts);
        return DeadLetter.newBuilder(letter).setId(letter.getId() + ":" + outlet.name()).build();
    }

    private void send(ProducerRecord<byte[], byte[]> record, Runnable onAcknowledged) {
        int sendEpoch = epoch;
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                LOG.warn("Webhook outlet '{}': receipt not written: {}", outlet.name(), error.getMessage());
            }
            if (onAcknowledged != null) {
                post(sendEpoch, onAcknowledged);
            }
        });
    }

    private ProducerRecord<byte[], byte[]> receiptRecord(DeliveryReceipt receipt) {
        return new ProducerRecord<>(deliveriesTopic, receipt.getArticleId().getBytes(StandardCharsets.UTF_8),
                receipts.serialize(deliveriesTopic, receipt));
    }

    private void flowControl(Consumer<String, byte[]> kafka) {
        boolean pause = machine.pauseReading();
        if (pause && !paused) {
            kafka.pause(kafka.assignment());
        } else if (!pause && paused) {
            kafka.resume(kafka.paused());
        }
        paused = pause;
    }

    /** Something that happened off the worker's thread, to handle on it. */
    private record Event(int epoch, Runnable action) {
    }

    private void post(int eventEpoch, Runnable action) {
        inbox.add(new Event(eventEpoch, action));
        if (polling) {
            follower.wakeup();
        }
    }

    private void forgetEverything() {
        machine.reset();
        inbox.clear();
        epoch++;
        paused = false;
    }

    private void commitSync(Consumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        for (int tries = 0; tries < 3; tries++) {
            try {
                kafka.commitSync(offsets);
                return;
            } catch (WakeupException e) {
                // a late wake-up from an answer; the commit itself still has to happen
            }
        }
    }

    /** Partitions taken away: commit what finished there, and drop the rest to whoever gets them next. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitSync(follower.consumer(), machine.commitPoints(partitions));
            machine.drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            machine.drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                follower.consumer().pause(partitions);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
