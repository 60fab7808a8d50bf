package dev.newsroom.platform.streams;

import dev.newsroom.devstack.KafkaStack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.junit.CommittedRecords;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.testing.TestServiceSettings;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.serde.AvroSerde;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service run by the platform on the real broker and registry: topics, health, metrics, dead letters, clean exit. */
@WithKafkaStack
class ServiceRunnerIT {

    @TempDir
    Path stateDir;

    /** Copies raw documents to a configured topic, rejecting empty payloads. */
    static final class EchoApplication implements StreamsApplication {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public Stage stage() {
            return Stage.INGEST;
        }

        @Override
        public int defaultManagementPort() {
            return 0;
        }

        @Override
        public Topology topology(ServiceContext context) {
            Topic<String, RawDocument> raw = context.topics().raw();
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde()))
                    .mapValues(document -> {
                        if (!document.getPayload().hasRemaining()) {
                            throw new IllegalArgumentException("Document '" + document.getDocumentId() + "' is empty");
                        }
                        return document;
                    })
                    .to(context.config().get("echo.output"), Produced.with(raw.keySerde(), raw.valueSerde()));
            return builder.build();
        }
    }

    @Test
    void aServiceCreatesItsTopicsReportsHealthAndMetricsDeadLettersAndLeavesItsGroup(KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("svc");
        Map<String, String> settings = TestServiceSettings.forStack(stack, prefix + "-echo", stateDir);
        for (TopicId id : TopicId.values()) {
            settings.put(id.configKey(), prefix + "." + id.defaultName());
        }
        int port = LoopbackPorts.free();
        settings.put(CommonSettings.MANAGEMENT_PORT.key(), String.valueOf(port));
        settings.put("echo.output", prefix + "." + TopicId.ARTICLES.defaultName());
        ServiceConfig config = ServiceConfig.of(settings);

        HttpClient http = HttpClient.newHttpClient();
        try (ServiceRunner runner = ServiceRunner.start(new EchoApplication(), config)) {
            await().atMost(Duration.ofSeconds(60)).until(runner::isReady);
            assertThat(get(http, port, "/health").statusCode()).isEqualTo(200);
            assertThat(get(http, port, "/ready").body()).contains("\"state\":\"RUNNING\"");

            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()),
                    new StringSerializer(), serde(stack, RawDocument.class).serializer())) {
                producer.send(new ProducerRecord<>(prefix + ".newsroom.raw.v1", "ok", SampleRecords.raw())).get();
                producer.send(new ProducerRecord<>(prefix + ".newsroom.raw.v1", "empty",
                        RawDocument.newBuilder(SampleRecords.raw()).setDocumentId("empty")
                                .setPayload(ByteBuffer.allocate(0)).build())).get();
            }
            List<DeadLetter> deadLetters = CommittedRecords.read(stack, prefix + ".newsroom.deadletter.v1",
                    serde(stack, DeadLetter.class).deserializer(), 1);
            assertThat(deadLetters).singleElement().satisfies(letter -> {
                assertThat(letter.getReason()).isEqualTo("Document 'empty' is empty");
                assertThat(letter.getApplication()).isEqualTo(prefix + "-echo");
            });
            assertThat(CommittedRecords.read(stack, prefix + ".newsroom.articles.v1",
                    serde(stack, RawDocument.class).deserializer(), 1)).hasSize(1);

            String metrics = get(http, port, "/metrics").body();
            assertThat(metrics).contains("jvm_memory_used_bytes").contains("kafka_stream_").contains("service=\"echo\"");
        }

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            var group = admin.describeConsumerGroups(List.of(prefix + "-echo")).all().get().get(prefix + "-echo");
            assertThat(group.groupState()).as("left the group on close").isEqualTo(GroupState.EMPTY);
            assertThat(admin.listTopics().names().get()).contains(prefix + ".newsroom.published.v1");
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static <V extends SpecificRecord> AvroSerde<V> serde(KafkaStack stack, Class<V> type) {
        return AvroSerde.specific(type, new SchemaRegistryClient(stack.schemaRegistryUrl()),
                Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
    }
}
