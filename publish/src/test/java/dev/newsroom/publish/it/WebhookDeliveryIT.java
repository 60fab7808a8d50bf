package dev.newsroom.publish.it;

import static dev.newsroom.publish.fixtures.Articles.fromSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.publish.it.WebhookReceiver.Reply;
import dev.newsroom.publish.it.WebhookReceiver.Request;
import dev.newsroom.publish.publication.DeliveryId;
import dev.newsroom.publish.webhook.WebhookRedrive;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery on the real broker and registry to real HTTP endpoints on loopback. One publish service runs
 * every scenario; each has its own outlet and endpoint, and articles reach it by their source.
 */
@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryIT {

    /** Secrets of the Standard Webhooks reference vector, and a second one for key rotation. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String NEXT_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    private static final String UNRELATED_SECRET = "whsec_3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final List<String> OUTLETS = List.of("signed", "flaky", "throttled", "strict", "gone", "ordered",
            "slow", "fast");

    @TempDir
    static Path dir;

    private final Map<String, WebhookReceiver> receivers = new ConcurrentHashMap<>();
    private PublishHarness publish;

    @BeforeAll
    void start(KafkaStack stack) {
        OUTLETS.forEach(name -> receivers.put(name, WebhookReceiver.start()));
        publish = new PublishHarness(stack, dir);
        StringBuilder yaml = new StringBuilder("outlets:\n");
        outlet(yaml, "signed", "it-signed", "");
        outlet(yaml, "flaky", "it-flaky", "    retrySchedule: [400ms, 800ms]\n    retryJitter: 0.1\n");
        outlet(yaml, "throttled", "it-throttled", "    retrySchedule: [100ms, 100ms, 100ms]\n");
        outlet(yaml, "strict", "it-strict", "    retrySchedule: [100ms, 100ms]\n");
        outlet(yaml, "gone", "it-gone", "");
        outlet(yaml, "ordered", "it-ordered", "    retrySchedule: [2s, 2s, 2s]\n");
        outlet(yaml, "slow", "it-speed", "    concurrency: 1\n");
        outlet(yaml, "fast", "it-speed", "");
        publish.outlets(yaml.toString());
        OUTLETS.forEach(name -> publish.env("NEWSROOM_OUTLET_" + name.toUpperCase() + "_SECRET", SECRET));
        publish.env("NEWSROOM_OUTLET_SIGNED_SECRETS", SECRET + " " + NEXT_SECRET);
        publish.start();
    }

    private void outlet(StringBuilder yaml, String name, String source, String extra) {
        yaml.append("  - name: ").append(name).append("\n    kind: webhook\n    url: ")
                .append(receivers.get(name).url()).append("\n    filters: {sources: [").append(source).append("]}\n")
                .append(extra);
    }

    @AfterAll
    void stop() {
        publish.close();
        receivers.values().forEach(WebhookReceiver::close);
    }

    @Test
    void requestsCarryStandardWebhooksHeadersAndSignaturesThatVerifyWithEitherRotatingSecret() throws Exception {
        // The receiving side's check is first proven on the Standard Webhooks reference vector
        // (standard-webhooks/standard-webhooks, libraries/java/src/test/java/com/standardwebhooks/WebhookTest.java,
        // verifyWebhookSignWorks; the same in libraries/go/webhook_test.go, TestWebhookSign).
        Request vector = new Request("msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "{\"test\": 2432232314}", Instant.now());
        assertThat(StandardWebhooksVerifier.verifies(SECRET, vector, Instant.ofEpochSecond(1614265330))).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(NEXT_SECRET, vector, Instant.ofEpochSecond(1614265330))).isFalse();
        WebhookReceiver receiver = receivers.get("signed");
        String id = "it-signed:palmyra";

        publish.publish(fromSource(id, "it-signed"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() == 1);
        Request request = receiver.requests().get(0);
        assertThat(request.webhookId()).isEqualTo(DeliveryId.of(id, 1, "article.published"))
                .startsWith("msg_").doesNotContain(".");
        assertThat(StandardWebhooksVerifier.verifies(SECRET, request, Instant.now())).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(NEXT_SECRET, request, Instant.now())).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(UNRELATED_SECRET, request, Instant.now())).isFalse();
        assertThat(request.signature().split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        JsonNode body = request.json();
        assertThat(body.get("type").asText()).isEqualTo("article.published");
        assertThat(Instant.parse(body.get("timestamp").asText())).isBefore(Instant.now());
        assertThat(body.at("/data/uri").asText()).isEqualTo(NinjsWriter.uriFor(id));
        assertThat(body.at("/data/pubstatus").asText()).isEqualTo("usable");
        assertThat(receipts("signed", r -> r.size() >= 1)).singleElement().satisfies(receipt -> {
            assertThat(receipt.getDeliveryId()).isEqualTo(request.webhookId());
            assertThat(receipt.getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(receipt.getHttpStatus()).isEqualTo(200);
            assertThat(receipt.getAttempt()).isEqualTo(1);
        });
    }

    @Test
    void failedAttemptsAreRetriedOnTheScheduleWithTheSameIdAndBody() {
        WebhookReceiver receiver = receivers.get("flaky");
        receiver.script(nthAttempt(attempt -> attempt <= 2 ? Reply.status(500) : Reply.ok()));

        publish.publish(fromSource("it-flaky:one", "it-flaky"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() == 3);
        List<Request> attempts = receiver.requests();
        assertThat(attempts).extracting(Request::webhookId).containsOnly(attempts.get(0).webhookId());
        assertThat(attempts).extracting(Request::body).containsOnly(attempts.get(0).body());
        assertThat(gap(attempts, 0)).isGreaterThanOrEqualTo(Duration.ofMillis(360));
        assertThat(gap(attempts, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(720));
        assertThat(receipts("flaky", r -> r.size() >= 3)).satisfiesExactly(
                first -> {
                    assertThat(first.getOutcome()).isEqualTo(DeliveryOutcome.RETRYING);
                    assertThat(first.getHttpStatus()).isEqualTo(500);
                    assertThat(first.getNextAttemptAt()).isAfter(first.getAttemptedAt());
                },
                second -> assertThat(second.getAttempt()).isEqualTo(2),
                third -> {
                    assertThat(third.getOutcome()).isEqualTo(DeliveryOutcome.DELIVERED);
                    assertThat(third.getAttempt()).isEqualTo(3);
                });
    }

    @Test
    void retryAfterOn429And503OverridesTheSchedule() {
        WebhookReceiver receiver = receivers.get("throttled");
        receiver.script(nthAttempt(attempt -> switch (attempt) {
            case 1 -> Reply.retryAfter(429, "2");
            case 2 -> Reply.retryAfter(503, "1");
            default -> Reply.ok();
        }));

        publish.publish(fromSource("it-throttled:one", "it-throttled"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() == 3);
        List<Request> attempts = receiver.requests();
        assertThat(gap(attempts, 0)).as("429 asked for 2 s; the schedule says 100 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(gap(attempts, 1)).as("503 asked for 1 s").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aClientErrorIsParkedAtOnceTheLastRetryParksAndAParkedDeliveryCanBeReDriven() {
        WebhookReceiver receiver = receivers.get("strict");
        String refused = NinjsWriter.uriFor("it-strict:refused");
        receiver.script(request -> request.article().equals(refused) ? Reply.status(400) : Reply.status(500));

        publish.publish(fromSource("it-strict:refused", "it-strict"));
        publish.publish(fromSource("it-strict:broken", "it-strict"));

        List<DeadLetter> parked = deadLetters("strict", 2);
        assertThat(parked).hasSize(2);
        DeadLetter refusedLetter = parked.stream().filter(l -> l.getDetails().get("lastStatus").equals("400"))
                .findFirst().orElseThrow();
        DeadLetter brokenLetter = parked.stream().filter(l -> l.getDetails().get("lastStatus").equals("500"))
                .findFirst().orElseThrow();
        assertThat(refusedLetter.getAttempts()).isEqualTo(1);
        assertThat(brokenLetter.getAttempts()).isEqualTo(3);
        assertThat(receiver.requestsFor(refused)).hasSize(1);
        assertThat(refusedLetter.getStage()).isEqualTo(Stage.DELIVERY);
        assertThat(refusedLetter.getReason()).contains("'strict' gave up").contains("after 1 attempt: HTTP 400");
        assertThat(refusedLetter.getOriginalTopic()).isEqualTo(publish.topics().name(TopicId.PUBLISHED));
        assertThat(refusedLetter.getDetails()).containsEntry("outlet", "strict").containsEntry("event", "article.published")
                .containsKeys("webhookId", "lastError", "url");
        PublishedArticle original = publish.topics().published().valueSerde().deserializer()
                .deserialize(refusedLetter.getOriginalTopic(), bytes(refusedLetter.getOriginalValue()));
        assertThat(original.getArticleId()).isEqualTo("it-strict:refused");
        assertThat(receipts("strict", r -> r.stream().filter(x -> x.getOutcome() == DeliveryOutcome.PARKED).count() == 2))
                .filteredOn(r -> r.getOutcome() == DeliveryOutcome.PARKED).hasSize(2);

        receiver.script(request -> Reply.ok());
        publish.send(redrive(refusedLetter));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requestsFor(refused).size() == 2);
        assertThat(receiver.requestsFor(refused).get(1).webhookId()).isEqualTo(refusedLetter.getDetails().get("webhookId"));
        assertThat(receipts("strict", r -> r.stream().anyMatch(x -> x.getOutcome() == DeliveryOutcome.DELIVERED)))
                .filteredOn(r -> r.getOutcome() == DeliveryOutcome.DELIVERED)
                .singleElement().satisfies(r -> assertThat(r.getArticleId()).isEqualTo("it-strict:refused"));
    }

    @Test
    void goneDisablesTheOutletAndSaysSoInReceiptsAndHealth() throws Exception {
        WebhookReceiver receiver = receivers.get("gone");
        receiver.script(request -> Reply.status(410));

        publish.publish(fromSource("it-gone:one", "it-gone"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() == 1);
        assertThat(receipts("gone", r -> r.size() >= 1)).singleElement().satisfies(receipt -> {
            assertThat(receipt.getOutcome()).isEqualTo(DeliveryOutcome.OUTLET_DISABLED);
            assertThat(receipt.getHttpStatus()).isEqualTo(410);
        });
        HttpResponse<String> health = publish.get("/outlets");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"name\":\"gone\",\"kind\":\"webhook\",\"state\":\"DISABLED\"")
                .contains("answered 410 Gone");

        publish.publish(fromSource("it-gone:two", "it-gone"));
        Thread.sleep(2_000);
        assertThat(receiver.requests()).as("a disabled outlet gets nothing more").hasSize(1);
    }

    @Test
    void anArticlesKillWaitsForItsPublicationWhileOtherArticlesGoAhead() {
        WebhookReceiver receiver = receivers.get("ordered");
        String first = NinjsWriter.uriFor("it-ordered:first");
        String other = NinjsWriter.uriFor("it-ordered:other");
        receiver.script(request -> request.article().equals(first) && request.event().equals("article.published")
                && attemptsOf(request) <= 2 ? Reply.status(500) : Reply.ok());

        publish.publish(fromSource("it-ordered:first", "it-ordered"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requestsFor(first).isEmpty());
        publish.moderate(Articles.command("it-ordered:first", ModerationAction.KILL));
        publish.publish(fromSource("it-ordered:other", "it-ordered"));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requestsFor(first).size() == 4);
        List<Request> sequence = receiver.requestsFor(first);
        assertThat(sequence).extracting(Request::event).containsExactly("article.published", "article.published",
                "article.published", "article.killed");
        Request otherDelivery = receiver.requestsFor(other).get(0);
        assertThat(otherDelivery.receivedAt()).as("another article is not held up by the first one's retries")
                .isBefore(sequence.get(2).receivedAt());
    }

    @Test
    void aSlowOutletDoesNotDelayAFastOne() {
        WebhookReceiver slow = receivers.get("slow");
        WebhookReceiver fast = receivers.get("fast");
        slow.script(request -> Reply.slowly(Duration.ofSeconds(3)));

        for (int i = 0; i < 5; i++) {
            publish.publish(fromSource("it-speed:" + i, "it-speed"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> fast.requests().size() == 5);
        assertThat(slow.requests().size()).as("the slow endpoint has taken at most two while the fast one took all")
                .isLessThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> slow.requests().size() == 5);
    }

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private int attemptsOf(Request request) {
        return attempts.computeIfAbsent(request.webhookId(), id -> new AtomicInteger()).incrementAndGet();
    }

    /** Answers by how many times this webhook-id has been tried, 1 for the first attempt. */
    private Function<Request, Reply> nthAttempt(Function<Integer, Reply> byAttempt) {
        return request -> byAttempt.apply(attemptsOf(request));
    }

    private static Duration gap(List<Request> requests, int index) {
        return Duration.between(requests.get(index).receivedAt(), requests.get(index + 1).receivedAt());
    }

    private List<DeliveryReceipt> receipts(String outlet,
                                           java.util.function.Predicate<List<DeliveryReceipt>> done) {
        Deserializer<DeliveryReceipt> values = publish.topics().deliveries().valueSerde().deserializer();
        return publish.read(publish.topics().name(TopicId.DELIVERIES), values,
                        records -> done.test(records.stream().map(ConsumerRecord::value)
                                .filter(r -> r.getOutlet().equals(outlet)).toList()), Duration.ofSeconds(30))
                .stream().map(ConsumerRecord::value).filter(r -> r.getOutlet().equals(outlet)).toList();
    }

    private List<DeadLetter> deadLetters(String outlet, int expected) {
        Deserializer<DeadLetter> values = publish.topics().deadLetters().valueSerde().deserializer();
        return publish.read(publish.topics().name(TopicId.DEADLETTER), values,
                        records -> records.stream().filter(r -> outlet.equals(r.value().getDetails().get("outlet")))
                                .count() >= expected, Duration.ofSeconds(30))
                .stream().map(ConsumerRecord::value).filter(l -> outlet.equals(l.getDetails().get("outlet"))).toList();
    }

    private ProducerRecord<String, byte[]> redrive(DeadLetter letter) {
        ProducerRecord<byte[], byte[]> raw = WebhookRedrive.record(letter,
                publish.topics().name(TopicId.PUBLISH_REDRIVE));
        return new ProducerRecord<>(raw.topic(), null, new String(raw.key(), java.nio.charset.StandardCharsets.UTF_8),
                raw.value(), raw.headers());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
