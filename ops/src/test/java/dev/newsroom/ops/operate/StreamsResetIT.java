package dev.newsroom.ops.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ingest.service.IngestApplication;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsroom streams-reset} on the real ingest service, which has both kinds of internal topic (a
 * repartition topic and a changelog): refused while it runs; afterwards offsets move and internal topics go.
 */
@WithKafkaStack
class StreamsResetIT {

    @TempDir
    Path dir;

    @Test
    void aResetIsRefusedWhileTheServiceRunsAndAfterwardsMovesOffsetsAndDeletesInternalTopics(KafkaStack stack)
            throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "reset");
        pipeline.createTopics(2);
        String raw = pipeline.name(TopicId.RAW);
        String applicationId = pipeline.applicationId(PipelineService.INGEST);
        byte[] text = Files.readAllBytes(Path.of("..", "samples", "000_5ae1655f0e8fde34.txt"));
        var values = pipeline.topics().raw().valueSerde().serializer();
        Instant now = Instant.now();

        OperateCli.Run whileRunning;
        try (ServiceRunner ingest = ServiceRunner.start(new IngestApplication(),
                pipeline.serviceConfig(PipelineService.INGEST, dir.resolve("state"), Map.of()))) {
            await().atMost(Duration.ofSeconds(90)).until(ingest::isReady);
            try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
                producer.send(new ProducerRecord<>(raw, 0, now.minus(Duration.ofHours(2)).toEpochMilli(),
                        utf8("old"), values.serialize(raw, document("old", text)))).get();
                producer.send(new ProducerRecord<>(raw, 0, now.minus(Duration.ofMinutes(30)).toEpochMilli(),
                        utf8("new"), values.serialize(raw, document("new", ("Second story\n\n" + new String(text,
                                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))))).get();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(pipeline, applicationId)
                    .getOrDefault(new TopicPartition(raw, 0), -1L) == 2L);
            whileRunning = pipeline.run("streams-reset", "ingest");
        }
        Set<String> internalBefore = internalTopics(pipeline, applicationId);
        Map<TopicPartition, Long> offsetsBefore = committed(pipeline, applicationId);

        OperateCli.Run dryRun = pipeline.run("streams-reset", "ingest", "--to", "1h", "--dry-run");
        Map<TopicPartition, Long> afterDryRun = committed(pipeline, applicationId);
        OperateCli.Run toTime = pipeline.run("streams-reset", "ingest", "--to", "1h");
        Map<TopicPartition, Long> afterToTime = committed(pipeline, applicationId);
        Set<String> internalAfter = internalTopics(pipeline, applicationId);
        OperateCli.Run toStart = pipeline.run("streams-reset", "ingest");
        Map<TopicPartition, Long> afterToStart = committed(pipeline, applicationId);

        assertThat(whileRunning.exitCode()).isEqualTo(1);
        assertThat(whileRunning.err()).contains("Refusing to reset " + applicationId)
                .contains("the service is running (1 active member");
        assertThat(internalBefore).anyMatch(t -> t.endsWith("-repartition")).anyMatch(t -> t.endsWith("-changelog"));
        assertThat(offsetsBefore).containsEntry(new TopicPartition(raw, 0), 2L)
                .containsKeys(internalBefore.stream().filter(t -> t.endsWith("-repartition"))
                        .map(t -> new TopicPartition(t, 0)).toArray(TopicPartition[]::new));

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Would reset " + applicationId).contains("Dry run: nothing changed")
                .containsPattern(raw.replace(".", "\\.") + "\\s+0\\s+2\\s+1")
                .contains(internalBefore.iterator().next());
        assertThat(afterDryRun).isEqualTo(offsetsBefore);

        assertThat(toTime.exitCode()).as(toTime.err()).isZero();
        assertThat(afterToTime).as("the first record at or after an hour ago; the end where there is none")
                .isEqualTo(Map.of(new TopicPartition(raw, 0), 1L, new TopicPartition(raw, 1), 0L));
        assertThat(internalAfter).isEmpty();
        assertThat(toStart.exitCode()).as(toStart.err()).isZero();
        assertThat(afterToStart).isEqualTo(Map.of(new TopicPartition(raw, 0), 0L, new TopicPartition(raw, 1), 0L));
    }

    private static Map<TopicPartition, Long> committed(PrefixedPipeline pipeline, String group) throws Exception {
        try (Admin admin = pipeline.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private static Set<String> internalTopics(PrefixedPipeline pipeline, String applicationId) throws Exception {
        try (Admin admin = pipeline.admin()) {
            return admin.listTopics().names().get().stream().filter(t -> t.startsWith(applicationId + "-"))
                    .collect(Collectors.toSet());
        }
    }

    private static RawDocument document(String id, byte[] payload) {
        return RawDocument.newBuilder()
                .setDocumentId(id)
                .setSource("akhbar.example")
                .setContentType("text/plain; charset=utf-8")
                .setReceivedAt(Instant.now())
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
