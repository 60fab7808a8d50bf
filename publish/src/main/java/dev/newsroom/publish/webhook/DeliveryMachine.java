package dev.newsroom.publish.webhook;

import dev.newsroom.publish.outlet.WebhookOutlet;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.OutletKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Every decision of delivering to one webhook outlet, apart from Kafka, HTTP, timers and threads, so that order,
 * retries, parking, disabling and commits can be tested on their own. The {@link WebhookWorker} feeds it what
 * happened (a record read, an answer, a timer, an acknowledgement, a rebalance) and carries out what it decides.
 *
 * <ul>
 *   <li>An article's versions wait in a queue of their own and go one at a time; other articles are not held up.</li>
 *   <li>At most {@link WebhookOutlet#concurrency()} requests are in flight; none once the outlet is disabled.</li>
 *   <li>An answer is {@link ResponseVerdict judged}; a failure is retried on the outlet's schedule with jitter, or
 *       after the {@code Retry-After} a 429 or 503 asks for, until the last attempt, after which it is parked.</li>
 *   <li>A partition is committed only up to its lowest unfinished delivery; a delivery is finished when the worker
 *       reports its final receipt (or dead letter) acknowledged.</li>
 * </ul>
 */
final class DeliveryMachine {

    /** What a webhook answered: a status (with the body's error text and {@code Retry-After}), or no answer at all. */
    record Answer(Integer status, String error, String retryAfter) {

        static Answer status(int status, String errorText, String retryAfter) {
            return new Answer(status, status >= 300 ? "HTTP " + status + errorText : null, retryAfter);
        }

        static Answer failure(String error) {
            return new Answer(null, error, null);
        }
    }

    /** What the worker must do about an answer. */
    sealed interface Decision {
        DeliveryReceipt receipt();
    }

    /** Delivered: write the receipt; once acknowledged, the delivery is finished. */
    record Delivered(DeliveryReceipt receipt) implements Decision {
    }

    /** Try again after {@code delay}: write the (retrying) receipt and call {@link #retryDue} when the time comes. */
    record Retry(Duration delay, DeliveryReceipt receipt) implements Decision {
    }

    /** Give up: write the dead letter with {@code reason} and {@code details}, then the receipt; then finished. */
    record Park(String reason, Map<String, String> details, DeliveryReceipt receipt) implements Decision {
    }

    /** 410 Gone: the outlet is disabled until a restart; write the receipt, commit nothing more. */
    record Disable(String reason, DeliveryReceipt receipt) implements Decision {
    }

    private final WebhookOutlet outlet;
    private final DoubleSupplier jitter;
    private CommitPoints commits = new CommitPoints();
    private ArticleQueues<Delivery> queues = new ArticleQueues<>();
    private final ArrayDeque<Delivery> ready = new ArrayDeque<>();
    private int inFlight;
    private boolean disabled;
    private boolean paused;

    /** @param jitter random numbers in [0, 1) that spread the retries of many deliveries apart */
    DeliveryMachine(WebhookOutlet outlet, DoubleSupplier jitter) {
        this.outlet = outlet;
        this.jitter = jitter;
    }

    /** A record of the log that is not for this outlet (or a tombstone): nothing holds its partition back. */
    void passed(TopicPartition partition, long offset) {
        commits.passed(partition, offset);
    }

    /** A record whose work (a dead letter for an unreadable one) is under way outside a delivery. */
    void started(TopicPartition partition, long offset) {
        commits.started(partition, offset);
    }

    /** That work is done and acknowledged. */
    void finished(TopicPartition partition, long offset) {
        commits.finished(partition, offset);
    }

    /** A delivery read from the log; it waits behind the article's earlier versions. */
    void accept(Delivery delivery) {
        commits.started(delivery.partition, delivery.record.offset());
        if (queues.add(delivery.articleId(), delivery)) {
            ready.add(delivery);
        }
    }

    /** The deliveries to attempt now; each counts as an attempt in flight until {@link #answered}. */
    List<Delivery> startable() {
        List<Delivery> start = new ArrayList<>();
        while (!disabled && inFlight < outlet.concurrency() && !ready.isEmpty()) {
            Delivery delivery = ready.poll();
            if (!delivery.cancelled) {
                delivery.attempts++;
                inFlight++;
                start.add(delivery);
            }
        }
        return start;
    }

    /**
     * Judges an attempt's answer; empty when the delivery was cancelled meanwhile (its partition went away).
     *
     * @param started when the attempt was made
     * @param now     when the answer came
     */
    Optional<Decision> answered(Delivery delivery, Answer answer, Instant started, Instant now) {
        inFlight--;
        if (delivery.cancelled) {
            return Optional.empty();
        }
        long durationMs = Duration.between(started, now).toMillis();
        delivery.lastStatus = answer.status();
        delivery.lastError = answer.error();
        ResponseVerdict verdict = answer.status() == null ? ResponseVerdict.RETRY : ResponseVerdict.of(answer.status());
        if (verdict == ResponseVerdict.RETRY && delivery.attempts >= outlet.retries().maxAttempts()) {
            verdict = ResponseVerdict.PARK;
        }
        return Optional.of(switch (verdict) {
            case DELIVERED -> {
                advance(delivery);
                yield new Delivered(receipt(delivery, DeliveryOutcome.DELIVERED, started, durationMs, null));
            }
            case DISABLE_OUTLET -> {
                disabled = true;
                yield new Disable("Webhook outlet '" + outlet.name() + "' is disabled: " + outlet.url()
                        + " answered 410 Gone to " + delivery.describe() + "; nothing more is delivered or committed"
                        + " until the service restarts",
                        receipt(delivery, DeliveryOutcome.OUTLET_DISABLED, started, durationMs, null));
            }
            case PARK -> {
                advance(delivery);
                yield new Park("Webhook outlet '" + outlet.name() + "' gave up on " + delivery.describe() + " after "
                        + delivery.attempts + (delivery.attempts == 1 ? " attempt: " : " attempts: ")
                        + delivery.lastError, parkDetails(delivery),
                        receipt(delivery, DeliveryOutcome.PARKED, started, durationMs, null));
            }
            case RETRY -> {
                Optional<Duration> asked = answer.status() == null ? Optional.empty()
                        : ResponseVerdict.retryAfter(answer.status(), answer.retryAfter(), now);
                Duration delay = asked.orElseGet(() -> scheduled(delivery));
                yield new Retry(delay, receipt(delivery, DeliveryOutcome.RETRYING, started, durationMs,
                        now.plus(delay)));
            }
        });
    }

    private Duration scheduled(Delivery delivery) {
        return outlet.retries().delayAfter(delivery.attempts, jitter).orElseThrow();
    }

    /** A retry's time has come. */
    void retryDue(Delivery delivery) {
        if (!delivery.cancelled) {
            ready.add(delivery);
        }
    }

    /** The delivery's final receipt is acknowledged: its record may be committed. */
    void finished(Delivery delivery) {
        if (!delivery.cancelled) {
            commits.finished(delivery.partition, delivery.record.offset());
        }
    }

    /** The article's next version may go now. */
    private void advance(Delivery delivery) {
        queues.finishHead(delivery.articleId()).ifPresent(ready::add);
    }

    /** Offsets that can be committed now. */
    Map<TopicPartition, OffsetAndMetadata> dueCommits() {
        return commits.due();
    }

    /** A commit did not go through: those offsets are due again. */
    void commitFailed(Collection<TopicPartition> partitions) {
        commits.failed(partitions);
    }

    /** The offsets to commit for these partitions now, as on a revocation or a graceful stop. */
    Map<TopicPartition, OffsetAndMetadata> commitPoints(Collection<TopicPartition> partitions) {
        return commits.current(partitions);
    }

    /**
     * Whether reading should be paused now: when disabled, or past {@code maxPending} waiting deliveries; reading
     * resumes once half of them are done, so the worker does not flap.
     */
    boolean pauseReading() {
        boolean shouldPause = disabled || queues.size() >= outlet.maxPending();
        if (shouldPause) {
            paused = true;
        } else if (paused && queues.size() <= outlet.maxPending() / 2) {
            paused = false;
        }
        return paused;
    }

    /** Partitions taken away: their deliveries are cancelled and the next worker delivers them again. */
    void drop(Collection<TopicPartition> partitions) {
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

    /** After a failure the worker starts again from the last commit: everything under way is forgotten. */
    void reset() {
        queues.removeIf(delivery -> {
            delivery.cancelled = true;
            return true;
        });
        ready.clear();
        commits = new CommitPoints();
        queues = new ArticleQueues<>();
        inFlight = 0;
        paused = false;
    }

    int pending() {
        return queues.size();
    }

    int inFlight() {
        return inFlight;
    }

    boolean disabled() {
        return disabled;
    }

    private Map<String, String> parkDetails(Delivery delivery) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("outlet", outlet.name());
        details.put("url", outlet.url().toString());
        details.put("webhookId", delivery.message.webhookId());
        details.put("event", delivery.message.event());
        details.put("version", String.valueOf(delivery.published.getVersion()));
        details.put("lastStatus", delivery.lastStatus == null ? "none" : String.valueOf(delivery.lastStatus));
        details.put("lastError", String.valueOf(delivery.lastError));
        return details;
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
}
