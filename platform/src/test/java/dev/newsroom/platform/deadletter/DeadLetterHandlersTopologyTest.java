package dev.newsroom.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.serde.AvroSerde;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Poison records land in the dead-letter topic with everything needed to re-drive them; the partition moves on. */
class DeadLetterHandlersTopologyTest {

    private InMemoryConfluentRegistryServer registry;
    private TopologyTestDriver driver;
    private AvroSerde<RawDocument> raw;
    private TestInputTopic<String, RawDocument> in;
    private TestInputTopic<String, byte[]> inBytes;
    private TestOutputTopic<String, String> out;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        registry = InMemoryConfluentRegistryServer.start();
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url());
        config.put(TopicId.DEADLETTER.configKey(), "dead");
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        raw = AvroSerde.specific(RawDocument.class, client, config, false);
        AvroSerde<DeadLetter> dead = AvroSerde.specific(DeadLetter.class, client, config, false);

        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), raw))
                .mapValues(document -> {
                    if (document.getDocumentId().startsWith("bad")) {
                        throw new IllegalArgumentException("Document '" + document.getDocumentId()
                                + "' (text/plain) is empty");
                    }
                    return document.getSource();
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Topology topology = builder.build();

        Properties props = new Properties();
        props.putAll(config);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsroom-ingest");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Map<String, Object> handlers = new HashMap<>();
        DeadLetterHandlers.configure(handlers, Stage.INGEST);
        props.putAll(handlers);
        driver = new TopologyTestDriver(topology, props);
        in = driver.createInputTopic("in", new StringSerializer(), raw.serializer());
        inBytes = driver.createInputTopic("in", new StringSerializer(), new ByteArraySerializer());
        out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
        deadLetters = driver.createOutputTopic("dead", Serdes.String().deserializer(), dead.deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        registry.close();
    }

    @Test
    void aRecordOurCodeRejectsIsDeadLetteredWithItsBytesAndTheNextOneFlows() {
        RawDocument bad = RawDocument.newBuilder(SampleRecords.raw()).setDocumentId("bad-1").build();
        byte[] badBytes = raw.serializer().serialize("in", bad);
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));

        in.pipeInput(new TestRecord<>("good-0", SampleRecords.raw()));
        inBytes.pipeInput(new TestRecord<>("bad-1", badBytes, headers));
        in.pipeInput(new TestRecord<>("good-2", SampleRecords.raw()));

        assertThat(out.readKeyValuesToList().stream().map(kv -> kv.key).toList()).containsExactly("good-0", "good-2");
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo(Stage.INGEST);
        assertThat(letter.getReason()).isEqualTo("Document 'bad-1' (text/plain) is empty");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(letter.getApplication()).isEqualTo("newsroom-ingest");
        assertThat(letter.getOriginalTopic()).isEqualTo("in");
        assertThat(letter.getOriginalOffset()).isEqualTo(1);
        assertThat(letter.getId()).isEqualTo("INGEST:in:0:1");
        assertThat(StandardCharsets.UTF_8.decode(letter.getOriginalKey()).toString()).isEqualTo("bad-1");
        assertThat(bytes(letter.getOriginalValue())).isEqualTo(badBytes);
        assertThat(letter.getOriginalHeaders()).extracting(h -> h.getKey()).containsExactly("traceparent");
        assertThat(letter.getStackTrace()).contains("IllegalArgumentException");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void bytesThatAreNotOurWireFormatAreDeadLetteredAtDeserialization() {
        byte[] json = "{\"documentId\": \"x\"}".getBytes(StandardCharsets.UTF_8);

        inBytes.pipeInput("x", json);
        in.pipeInput("good", SampleRecords.raw());

        assertThat(out.readKeyValuesToList().stream().map(kv -> kv.key).toList()).containsExactly("good");
        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).contains("magic byte").contains("'in'");
        assertThat(letter.getDetails()).containsEntry("failedIn", "deserialization");
        assertThat(bytes(letter.getOriginalValue())).isEqualTo(json);
    }

    @Test
    void anUnknownSchemaIdIsDeadLetteredNamingTheId() {
        byte[] unknownId = {0, 0, 0, 0x7f, 0x7f, 2, 'a'};

        inBytes.pipeInput("y", unknownId);

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).contains("32639").contains(registry.url());
        assertThat(out.isEmpty()).isTrue();
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
