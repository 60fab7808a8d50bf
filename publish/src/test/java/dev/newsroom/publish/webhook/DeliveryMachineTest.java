package dev.newsroom.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.publish.outlet.AdvisoryPolicy;
import dev.newsroom.publish.outlet.WebhookSecret;
import dev.newsroom.publish.outlet.RetrySchedule;
import dev.newsroom.publish.outlet.OutletFilter;
import dev.newsroom.publish.outlet.WebhookOutlet;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.PublicationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.fixtures.SampleRecords;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Webhook delivery's decisions, without a broker, an HTTP server or a thread. */
class DeliveryMachineTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("published", 0);
    private static final TopicPartition P1 = new TopicPartition("published", 1);
    private static final RetrySchedule THREE_TRIES = new RetrySchedule(
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)), 0.0);

    private static WebhookOutlet outlet(int concurrency, int maxPending) {
        return new WebhookOutlet("site", OutletFilter.EVERYTHING, AdvisoryPolicy.PUBLISH_WITH_ADVISORY,
                URI.create("http://127.0.0.1:9/hook"),
                List.of(WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")), THREE_TRIES,
                Duration.ofSeconds(10), concurrency, maxPending);
    }

    private final DeliveryMachine machine = new DeliveryMachine(outlet(2, 4), () -> 0.5);

    private static Delivery delivery(TopicPartition partition, long offset, String article, int version,
                                     PublicationEvent event) {
        PublishedArticle published = PublishedArticle.newBuilder(SampleRecords.published()).setArticleId(article)
                .setVersion(version).setEvent(event)
                .setPubstatus(event == PublicationEvent.KILLED ? Pubstatus.canceled : Pubstatus.usable).build();
        return new Delivery(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, article,
                new byte[0]), published, AdvisoryPolicy.PUBLISH_WITH_ADVISORY.notices());
    }

    private static Delivery delivery(long offset, String article) {
        return delivery(P0, offset, article, 1, PublicationEvent.PUBLISHED);
    }

    private DeliveryMachine.Decision answer(Delivery delivery, DeliveryMachine.Answer answer) {
        return machine.answered(delivery, answer, T0, T0.plusMillis(40)).orElseThrow();
    }

    @Test
    void anArticlesVersionsGoOneAtATimeSoAKillNeverOvertakesItsPublication() {
        Delivery published = delivery(P0, 10, "a", 1, PublicationEvent.PUBLISHED);
        Delivery killed = delivery(P0, 11, "a", 2, PublicationEvent.KILLED);
        Delivery other = delivery(P0, 12, "b", 1, PublicationEvent.PUBLISHED);
        machine.accept(published);
        machine.accept(killed);
        machine.accept(other);

        assertThat(machine.startable()).containsExactly(published, other);

        assertThat(answer(published, DeliveryMachine.Answer.status(200, "", null)))
                .isInstanceOf(DeliveryMachine.Delivered.class);
        assertThat(machine.startable()).as("the kill goes once the publication is answered").containsExactly(killed);
    }

    @Test
    void noMoreThanTheOutletsConcurrencyIsInFlight() {
        for (int i = 0; i < 4; i++) {
            machine.accept(delivery(i, "article-" + i));
        }

        List<Delivery> first = machine.startable();
        assertThat(first).hasSize(2);
        assertThat(machine.startable()).isEmpty();

        answer(first.get(0), DeliveryMachine.Answer.status(204, "", null));
        assertThat(machine.startable()).hasSize(1);
    }

    @Test
    void aServerErrorIsRetriedOnTheScheduleAndParkedAfterTheLastAttemptWithItsDetails() {
        Delivery delivery = delivery(7, "a");
        machine.accept(delivery);
        machine.startable();

        DeliveryMachine.Decision first = answer(delivery, DeliveryMachine.Answer.status(503, ": busy", null));
        assertThat(first).isInstanceOfSatisfying(DeliveryMachine.Retry.class, retry -> {
            assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(5));
            assertThat(retry.receipt().getOutcome()).isEqualTo(DeliveryOutcome.RETRYING);
            assertThat(retry.receipt().getNextAttemptAt()).isEqualTo(T0.plusMillis(40).plusSeconds(5));
            assertThat(retry.receipt().getError()).isEqualTo("HTTP 503: busy");
        });
        assertThat(machine.startable()).as("nothing before its timer").isEmpty();

        machine.retryDue(delivery);
        assertThat(machine.startable()).containsExactly(delivery);
        assertThat(answer(delivery, DeliveryMachine.Answer.failure("cannot connect to 127.0.0.1:9")))
                .isInstanceOfSatisfying(DeliveryMachine.Retry.class,
                        retry -> assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(30)));

        machine.retryDue(delivery);
        machine.startable();
        DeliveryMachine.Decision last = answer(delivery, DeliveryMachine.Answer.status(500, "", null));

        assertThat(last).isInstanceOfSatisfying(DeliveryMachine.Park.class, park -> {
            assertThat(park.reason()).isEqualTo("Webhook outlet 'site' gave up on " + delivery.describe()
                    + " after 3 attempts: HTTP 500");
            assertThat(park.details()).containsEntry("lastStatus", "500").containsEntry("version", "1")
                    .containsEntry("url", "http://127.0.0.1:9/hook");
            assertThat(park.receipt().getOutcome()).isEqualTo(DeliveryOutcome.PARKED);
            assertThat(park.receipt().getAttempt()).isEqualTo(3);
        });
    }

    @Test
    void retryAfterIsHonouredOnA429AndA4xxThatRetryingCannotFixIsParkedAtOnce() {
        Delivery limited = delivery(1, "a");
        Delivery refused = delivery(2, "b");
        machine.accept(limited);
        machine.accept(refused);
        machine.startable();

        assertThat(answer(limited, DeliveryMachine.Answer.status(429, "", "120")))
                .isInstanceOfSatisfying(DeliveryMachine.Retry.class,
                        retry -> assertThat(retry.delay()).isEqualTo(Duration.ofMinutes(2)));
        assertThat(answer(refused, DeliveryMachine.Answer.status(400, ": bad signature", null)))
                .isInstanceOfSatisfying(DeliveryMachine.Park.class,
                        park -> assertThat(park.reason()).endsWith("after 1 attempt: HTTP 400: bad signature"));
    }

    @Test
    void goneDisablesTheOutletNothingMoreStartsAndReadingPauses() {
        Delivery first = delivery(1, "a");
        machine.accept(first);
        machine.accept(delivery(2, "b"));
        machine.startable();
        machine.accept(delivery(3, "c"));

        assertThat(answer(first, DeliveryMachine.Answer.status(410, "", null)))
                .isInstanceOfSatisfying(DeliveryMachine.Disable.class, disable -> {
                    assertThat(disable.reason()).contains("answered 410 Gone").contains("until the service restarts");
                    assertThat(disable.receipt().getOutcome()).isEqualTo(DeliveryOutcome.OUTLET_DISABLED);
                });
        assertThat(machine.disabled()).isTrue();
        assertThat(machine.startable()).isEmpty();
        assertThat(machine.pauseReading()).isTrue();
        assertThat(machine.dueCommits()).as("nothing is committed past the delivery that was refused")
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(1)));
    }

    @Test
    void aRecordIsCommittedOnlyOnceItsFinalReceiptIsAcknowledged() {
        Delivery delivery = delivery(5, "a");
        machine.passed(P0, 4);
        machine.accept(delivery);
        machine.startable();
        assertThat(machine.dueCommits()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5)));

        answer(delivery, DeliveryMachine.Answer.status(200, "", null));
        assertThat(machine.dueCommits()).as("answered, receipt not yet written").isEmpty();

        machine.finished(delivery);
        assertThat(machine.dueCommits()).isEqualTo(Map.of(P0, new OffsetAndMetadata(6)));
    }

    @Test
    void aRevokedPartitionsDeliveriesAreCancelledAndTheirLateAnswersIgnored() {
        Delivery onP0 = delivery(P0, 1, "a", 1, PublicationEvent.PUBLISHED);
        Delivery laterOnP1 = delivery(P1, 1, "a", 2, PublicationEvent.UPDATED);
        machine.accept(onP0);
        machine.accept(laterOnP1);
        machine.startable();

        machine.drop(List.of(P0));

        assertThat(machine.answered(onP0, DeliveryMachine.Answer.status(200, "", null), T0, T0)).isEqualTo(
                Optional.empty());
        assertThat(machine.startable()).as("the article's next version is no longer held back")
                .containsExactly(laterOnP1);
        assertThat(machine.commitPoints(List.of(P0))).isEmpty();
    }

    @Test
    void readingPausesAtMaxPendingAndResumesOnlyWhenHalfIsDone() {
        List<Delivery> deliveries = List.of(delivery(1, "a"), delivery(2, "b"), delivery(3, "c"), delivery(4, "d"));
        deliveries.forEach(machine::accept);
        assertThat(machine.pauseReading()).isTrue();

        List<Delivery> started = machine.startable();
        answer(started.get(0), DeliveryMachine.Answer.status(200, "", null));
        assertThat(machine.pauseReading()).as("3 of 4 waiting").isTrue();

        answer(started.get(1), DeliveryMachine.Answer.status(200, "", null));
        assertThat(machine.pauseReading()).as("2 of 4 waiting").isFalse();
    }

    @Test
    void afterAResetNothingFromBeforeIsDeliveredOrCommitted() {
        Delivery delivery = delivery(9, "a");
        machine.accept(delivery);
        machine.startable();

        machine.reset();

        assertThat(machine.pending()).isZero();
        assertThat(machine.inFlight()).isZero();
        assertThat(machine.startable()).isEmpty();
        assertThat(machine.dueCommits()).isEmpty();
        Delivery readAgain = delivery(9, "a");
        machine.accept(readAgain);
        assertThat(machine.startable()).as("read again from the last commit, it goes again")
                .containsExactly(readAgain);
    }
}
