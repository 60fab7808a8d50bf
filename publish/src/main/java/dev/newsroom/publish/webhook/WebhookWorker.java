package dev.newsroom.publish.webhook;

import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.platform.deadletter.FailureKind;
import dev.newsroom.publish.outlet.OutletHealth;
import dev.newsroom.publish.outlet.WebhookOutlet;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.OutletKind;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
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
    private static final int ERROR_TEXT_LIMIT = 300;

    private final WebhookOutlet outlet;
    private final Map<String, Object> consumerConfig;
    private final String publishedTopic;
    private final String redriveTopic;
    private final String deliveriesTopic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Deserializer<PublishedArticle> decoder;
    private final Serializer<DeliveryReceipt> receipts;
    private final DeadLetters deadLetters;
    private final HttpClient http;
    private final WebhookSigner signer;
    private final OutletHealth health;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Thread thread;
    private final Queue<Event> inbox = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile boolean polling;
    private volatile KafkaConsumer<String, byte[]> consumer;

    private CommitPoints commits = new CommitPoints();
    private ArticleQueues<Delivery> queues = new ArticleQueues<>();
    private final ArrayDeque<Delivery> ready = new ArrayDeque<>();
    private int inFlight;
    /** Counts restarts after a failure: answers and timers from before one are ignored. */
    private int epoch;
    private boolean paused;
    private boolean disabled;
    private long lastCommitMs;

    private WebhookWorker(WebhookOutlet outlet, Map<String, Object> kafka, String groupId, TopicCatalogue topics,
                          String redriveTopic, OutletHealth health, Clock clock) {
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
        this.signer = new WebhookSigner(outlet.secrets());

        consumerConfig = new HashMap<>(kafka);
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
        this.producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());

        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(outlet.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread timer = new Thread(runnable, "webhook-" + outlet.name() + "-timers");
            timer.setDaemon(true);
            return timer;
        });
        this.thread = new Thread(this::run, "webhook-" + outlet.name());
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
        WebhookWorker worker = new WebhookWorker(outlet, kafka, groupId, topics, redriveTopic, health, clock);
        worker.thread.start();
        return worker;
    }

    /**
     * Stops reading, gives the requests in flight a few seconds to answer, commits what finished and leaves the
     * group; whatever is still under way is delivered again (same webhook-id) by the next worker.
     */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                kafka.subscribe(List.of(publishedTopic, redriveTopic), new Rebalance());
                if (!disabled) {
                    health.recovered(outlet.name());
                }
                while (running) {
                    deliverOnce(kafka);
                }
                finishUnderWay(kafka);
            } catch (WakeupException e) {
                // close() woke the consumer: the loop condition ends the worker
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                String reason = DeadLetters.reason(e);
                if (FailureKind.of(e) == FailureKind.FATAL) {
                    LOG.error("Webhook outlet '{}' stops: {}", outlet.name(), reason, e);
                    health.failed(outlet.name(), reason);
                    return;
                }
                LOG.warn("Webhook outlet '{}': worker failed ({}); restarting from the last commit in {} s",
                        outlet.name(), reason, RESTART_PAUSE.toSeconds(), e);
                health.failed(outlet.name(), reason);
                forgetEverything();
                sleep(RESTART_PAUSE);
            }
        }
    }

    private void deliverOnce(KafkaConsumer<String, byte[]> kafka) {
        polling = true;
        Iterable<ConsumerRecord<String, byte[]>> records;
        try {
            records = kafka.poll(inbox.isEmpty() ? POLL_TIMEOUT : Duration.ZERO);
        } catch (WakeupException e) {
            records = List.of();
        } finally {
            polling = false;
        }
        if (!running) {
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
        dispatch();
        flowControl(kafka);
        health.pending(outlet.name(), queues.size());
        long now = System.currentTimeMillis();
        if (now - lastCommitMs >= COMMIT_INTERVAL_MS) {
            lastCommitMs = now;
            Map<TopicPartition, OffsetAndMetadata> due = commits.due();
            if (!due.isEmpty()) {
                kafka.commitAsync(due, (offsets, error) -> {
                    if (error != null) {
                        LOG.warn("Webhook outlet '{}': commit failed, it will be repeated: {}", outlet.name(),
                                error.getMessage());
                        commits.failed(offsets.keySet());
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
    private void finishUnderWay(KafkaConsumer<String, byte[]> kafka) {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (inFlight > 0 && System.nanoTime() < deadline) {
            handleEvents();
            sleep(Duration.ofMillis(10));
        }
        producer.flush();
        handleEvents();
        commitSync(kafka, commits.current(kafka.assignment()));
    }

    /** Takes a record in; false when it could not be read now and the partition was rewound to it. */
    private boolean accept(KafkaConsumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.value() == null) {
            commits.passed(partition, record.offset());
            return true;
        }
        boolean redriven = record.topic().equals(redriveTopic);
        if (redriven && !outlet.name().equals(header(record, WebhookRedrive.OUTLET_HEADER))) {
            commits.passed(partition, record.offset());
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
            commits.started(partition, record.offset());
            parkUnreadable(record, e);
            return true;
        }
        if (!redriven && !published.getOutlets().contains(outlet.name())) {
            commits.passed(partition, record.offset());
            return true;
        }
        Delivery delivery = new Delivery(record, published, outlet.advisories().notices());
        commits.started(partition, record.offset());
        if (queues.add(delivery.articleId(), delivery)) {
            ready.add(delivery);
        }
        return true;
    }

    private void dispatch() {
        while (!disabled && inFlight < outlet.concurrency() && !ready.isEmpty()) {
            Delivery delivery = ready.poll();
            if (!delivery.cancelled) {
                attempt(delivery);
            }
        }
    }

    private void attempt(Delivery delivery) {
        delivery.attempts++;
        Instant started = clock.instant();
        long timestamp = started.getEpochSecond();
        WebhookMessage message = delivery.message;
        HttpRequest request = HttpRequest.newBuilder(outlet.url())
                .timeout(outlet.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "newsroom-publish")
                .header("webhook-id", message.webhookId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signer.sign(message.webhookId(), timestamp, message.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                .build();
        inFlight++;
        int attemptEpoch = epoch;
        http.sendAsync(request, info -> info.statusCode() >= 200 && info.statusCode() < 300
                        ? HttpResponse.BodySubscribers.replacing("")
                        : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> post(attemptEpoch,
                        () -> answered(delivery, started, response, error)));
    }

    private void answered(Delivery delivery, Instant started, HttpResponse<String> response, Throwable error) {
        inFlight--;
        if (delivery.cancelled) {
            return;
        }
        long durationMs = Duration.between(started, clock.instant()).toMillis();
        ResponseVerdict verdict;
        if (error != null) {
            delivery.lastStatus = null;
            delivery.lastError = describe(error);
            verdict = ResponseVerdict.RETRY;
        } else {
            delivery.lastStatus = response.statusCode();
            delivery.lastError = response.statusCode() >= 300 ? "HTTP " + response.statusCode() + errorText(response)
                    : null;
            verdict = ResponseVerdict.of(response.statusCode());
        }
        switch (verdict) {
            case DELIVERED -> {
                health.delivered(outlet.name());
                finish(delivery, receipt(delivery, DeliveryOutcome.DELIVERED, started, durationMs, null));
            }
            case DISABLE_OUTLET -> disable(delivery, started, durationMs);
            case PARK -> park(delivery, started, durationMs);
            case RETRY -> retry(delivery, started, durationMs, response);
        }
    }

    private void retry(Delivery delivery, Instant started, long durationMs, HttpResponse<String> response) {
        if (delivery.attempts >= outlet.retries().maxAttempts()) {
            park(delivery, started, durationMs);
            return;
        }
        Optional<Duration> asked = response == null ? Optional.empty() : ResponseVerdict.retryAfter(
                response.statusCode(), response.headers().firstValue("retry-after").orElse(null), clock.instant());
        Duration delay = asked.orElseGet(() -> outlet.retries()
                .delayAfter(delivery.attempts, ThreadLocalRandom.current()::nextDouble).orElseThrow());
        Instant next = clock.instant().plus(delay);
        health.retrying(outlet.name(), delivery.lastError);
        LOG.info("Webhook outlet '{}': attempt {} for {} failed ({}); next attempt at {}", outlet.name(),
                delivery.attempts, delivery.describe(), delivery.lastError, next);
        send(receiptRecord(receipt(delivery, DeliveryOutcome.RETRYING, started, durationMs, next)), null);
        int retryEpoch = epoch;
        timers.schedule(() -> post(retryEpoch, () -> {
            if (!delivery.cancelled) {
                ready.add(delivery);
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void park(Delivery delivery, Instant started, long durationMs) {
        String reason = "Webhook outlet '" + outlet.name() + "' gave up on " + delivery.describe() + " after "
                + delivery.attempts + (delivery.attempts == 1 ? " attempt: " : " attempts: ") + delivery.lastError;
        LOG.warn("{}; parked in the dead-letter topic", reason);
        health.parked(outlet.name(), delivery.lastError);
        Map<String, String> details = new HashMap<>();
        details.put("outlet", outlet.name());
        details.put("url", outlet.url().toString());
        details.put("webhookId", delivery.message.webhookId());
        details.put("event", delivery.message.event());
        details.put("version", String.valueOf(delivery.published.getVersion()));
        details.put("lastStatus", delivery.lastStatus == null ? "none" : String.valueOf(delivery.lastStatus));
        details.put("lastError", String.valueOf(delivery.lastError));
        DeadLetter letter = deadLetter(delivery.record, new WebhookDeliveryException(reason), details,
                delivery.attempts);
        advance(delivery);
        DeliveryReceipt parked = receipt(delivery, DeliveryOutcome.PARKED, started, durationMs, null);
        parkDurably(letter, () -> send(receiptRecord(parked), () -> finished(delivery)), delivery);
    }

    private void parkUnreadable(ConsumerRecord<String, byte[]> record, RuntimeException error) {
        Map<String, String> details = new HashMap<>();
        details.put("outlet", outlet.name());
        DeadLetter letter = deadLetter(record, error, details, 1);
        LOG.warn("Webhook outlet '{}': {}; parked in the dead-letter topic", outlet.name(), letter.getReason());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        parkDurably(letter, () -> commits.finished(partition, record.offset()), null);
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

    private void disable(Delivery delivery, Instant started, long durationMs) {
        disabled = true;
        String reason = "Webhook outlet '" + outlet.name() + "' is disabled: " + outlet.url() + " answered 410 Gone"
                + " to " + delivery.describe() + "; nothing more is delivered or committed until the service restarts";
        LOG.error(reason);
        health.disabled(outlet.name(), reason);
        send(receiptRecord(receipt(delivery, DeliveryOutcome.OUTLET_DISABLED, started, durationMs, null)), null);
    }

    private void finish(Delivery delivery, DeliveryReceipt receipt) {
        advance(delivery);
        send(receiptRecord(receipt), () -> finished(delivery));
    }

    private void finished(Delivery delivery) {
        if (!delivery.cancelled) {
            commits.finished(delivery.partition, delivery.record.offset());
        }
    }

    /** The article's next version may go now. */
    private void advance(Delivery delivery) {
        queues.finishHead(delivery.articleId()).ifPresent(ready::add);
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

    private DeliveryReceipt receipt(Delivery delivery, DeliveryOutcome outcome, Instant attemptedAt, long durationMs,
                                    Instant nextAttemptAt) {
        return DeliveryReceipt.newBuilder()
                .setDeliveryId(delivery.message.webhookId())
                .setOutlet(outlet.name())
                .setOutletKind(OutletKind.WEBHOOK)
                .setArticleId(delivery.articleId())
                .setVersion(delivery.published.getVersion())
                .setEvent(delivery.message.event())
                .setAttempt(delivery.attempts)
                .setOutcome(outcome)
                .setHttpStatus(delivery.lastStatus)
                .setError(delivery.lastError)
                .setAttemptedAt(attemptedAt)
                .setDurationMs(durationMs)
                .setNextAttemptAt(nextAttemptAt)
                .build();
    }

    private void flowControl(KafkaConsumer<String, byte[]> kafka) {
        boolean shouldPause = disabled || queues.size() >= outlet.maxPending();
        if (shouldPause && !paused) {
            kafka.pause(kafka.assignment());
            paused = true;
        } else if (!shouldPause && paused && queues.size() <= outlet.maxPending() / 2) {
            kafka.resume(kafka.paused());
            paused = false;
        }
    }

    /** Something that happened off the worker's thread, to handle on it. */
    private record Event(int epoch, Runnable action) {
    }

    private void post(int eventEpoch, Runnable action) {
        inbox.add(new Event(eventEpoch, action));
        KafkaConsumer<String, byte[]> current = consumer;
        if (polling && current != null) {
            current.wakeup();
        }
    }

    private void forgetEverything() {
        queues.removeIf(delivery -> {
            delivery.cancelled = true;
            return true;
        });
        ready.clear();
        inbox.clear();
        commits = new CommitPoints();
        queues = new ArticleQueues<>();
        inFlight = 0;
        epoch++;
        paused = false;
    }

    private void commitSync(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> offsets) {
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
            commitSync(consumer, commits.current(partitions));
            drop(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
        }

        private void drop(Collection<TopicPartition> partitions) {
            commits.forget(partitions);
            ready.removeIf(delivery -> partitions.contains(delivery.partition));
            for (Delivery head : queues.removeIf(delivery -> {
                boolean gone = partitions.contains(delivery.partition);
                delivery.cancelled |= gone;
                return gone;
            })) {
                ready.add(head);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        URI url = outlet.url();
        if (cause instanceof HttpTimeoutException) {
            return "no answer from " + url.getHost() + ":" + url.getPort() + " within " + outlet.timeout().toMillis()
                    + " ms";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + url.getHost() + ":" + url.getPort();
        }
        if (cause instanceof IOException) {
            return "connection to " + url.getHost() + " failed: " + cause;
        }
        return String.valueOf(cause);
    }

    private static String errorText(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        return ": " + (body.length() > ERROR_TEXT_LIMIT ? body.substring(0, ERROR_TEXT_LIMIT) + "..." : body);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
