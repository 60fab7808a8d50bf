package dev.newsroom.ingest.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.schemas.RawDocument;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaRawDocumentSinkTest {

    private static final RawDocument DOCUMENT = RawDocument.newBuilder()
            .setDocumentId("poller:akhbar:0123456789abcdef")
            .setSource("poller:akhbar")
            .setReceivedAt(Instant.parse("2026-11-28T09:00:00Z"))
            .setPayload(ByteBuffer.wrap(new byte[] {'<', '/', '>'}))
            .build();

    @Test
    void producesEachDocumentKeyedByItsIdAndWaitsForTheAcknowledgement() {
        MockProducer<String, RawDocument> producer = new MockProducer<>(true, null, new StringSerializer(),
                (topic, document) -> new byte[0]);
        KafkaRawDocumentSink sink = new KafkaRawDocumentSink(producer, "acme.raw");

        sink.accept(DOCUMENT);

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("acme.raw");
            assertThat(record.key()).isEqualTo("poller:akhbar:0123456789abcdef");
            assertThat(record.value()).isEqualTo(DOCUMENT);
        });
    }

    @Test
    void aFailedSendIsAnErrorNamingTheDocumentAndTheTopic() {
        MockProducer<String, RawDocument> producer = new MockProducer<>(false, null, new StringSerializer(),
                (topic, document) -> new byte[0]);
        KafkaRawDocumentSink sink = new KafkaRawDocumentSink(producer, "acme.raw");

        CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> sink.accept(DOCUMENT));
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));

        assertThat(accepted).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(KafkaException.class)
                .withMessageContaining("Could not produce poller:akhbar:0123456789abcdef to acme.raw")
                .withMessageContaining("Expiring 1 record(s)");
    }

    @Test
    void theProducerIsAlwaysIdempotentWithAcksAll() {
        Map<String, Object> settings = KafkaRawDocumentSink.producerConfig(Map.of(
                "bootstrap.servers", "kafka:9092",
                "acks", "1",
                "enable.idempotence", "false",
                "schema.registry.url", "http://registry:8081",
                "newsroom.topic.raw", "acme.raw",
                "poller.feeds.a.url", "https://a.example/"));

        assertThat(settings).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("client.id", "newsroom-poller")
                .containsEntry("max.request.size", KafkaRawDocumentSink.DEFAULT_MAX_REQUEST_SIZE)
                .doesNotContainKeys("newsroom.topic.raw", "poller.feeds.a.url");
    }
}
