package dev.newsroom.ops.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ingest.service.IngestApplication;
import dev.newsroom.ops.operate.dlq.Redriver;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead letters through {@code newsroom dlq} with the real ingest service: a poison document it dead-letters
 * itself, and one it failed on in an earlier, buggy release whose record is valid today. Re-driving the latter
 * gives ingest the same bytes again and an article comes out; a second redrive sends nothing; a redrive that
 * fails is rolled back and leaves the letter as it was.
 */
@WithKafkaStack
class DeadLetterIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void deadLettersAreListedShownAndReDrivenExactlyOnce(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "dlq");
        pipeline.createTopics(2);
        String raw = pipeline.name(TopicId.RAW);
        String tiny = pipeline.prefix() + ".tiny";
        try (Admin admin = pipeline.admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(new TopicProvisioner.TopicSpec(tiny, 1,
                    (short) 1, Map.of("max.message.bytes", "1024"))));
        }
        var rawValues = pipeline.topics().raw().valueSerde().serializer();
        byte[] seed = rawValues.serialize(raw, document("seed-doc",
                Files.readAllBytes(Path.of("..", "samples", "000_5ae1655f0e8fde34.txt"))));
        DeadLetter bug = deadLetter(pipeline, raw, 1, 41, "seed-doc", seed,
                new IllegalStateException("Parser bug: plain text with a BOM rejected (fixed in ingest 1.4.2)"));
        DeadLetter tooLarge = deadLetter(pipeline, tiny, 0, 7, "big-doc", new byte[4096],
                new IllegalStateException("Tiny topic experiment"));

        try (ServiceRunner ingest = ServiceRunner.start(new IngestApplication(),
                pipeline.serviceConfig(PipelineService.INGEST, dir.resolve("state"), Map.of()))) {
            await().atMost(Duration.ofSeconds(90)).until(ingest::isReady);
            try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
                producer.send(new ProducerRecord<>(raw, utf8("empty"), rawValues.serialize(raw,
                        document("empty", new byte[0])))).get();
                DeadLetters writer = writer(pipeline);
                producer.send(writer.toRecord(bug)).get();
                producer.send(writer.toRecord(tooLarge)).get();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> listJson(pipeline).size() == 3);
            String poisonId = Stage.INGEST + ":" + raw + ":";

            OperateCli.Run list = pipeline.run("dlq", "list");
            OperateCli.Run enrichOnly = pipeline.run("dlq", "list", "--stage", "enrich");
            OperateCli.Run show = pipeline.run("dlq", "show", bug.getId());
            OperateCli.Run dryRun = pipeline.run("dlq", "redrive", "--reason-matches", "Parser bug", "--dry-run");
            int rawBefore = pipeline.readCommitted(raw).size();
            OperateCli.Run failed = pipeline.run("dlq", "redrive", "--id", tooLarge.getId());
            OperateCli.Run redrive = pipeline.run("dlq", "redrive", "--reason-matches", "Parser bug");
            // A committed transaction's records become readable once its markers reach the partitions, just after.
            List<ConsumerRecord<byte[], byte[]>> rawAfter = await().atMost(Duration.ofSeconds(15))
                    .until(() -> pipeline.readCommitted(raw), records -> records.size() > rawBefore);
            OperateCli.Run again = pipeline.run("dlq", "redrive", "--reason-matches", "Parser bug");
            int rawAfterAgain = pipeline.readCommitted(raw).size();

            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).contains("ID", "STAGE", "AGE", "RE-DRIVEN", "REASON")
                    .contains(bug.getId()).contains("Parser bug: plain text with a BOM rejected")
                    .contains(poisonId).contains("is empty")
                    .contains("3 dead letters in " + pipeline.name(TopicId.DEADLETTER));
            assertThat(enrichOnly.out()).contains("0 dead letters").contains("(of 3)");
            assertThat(show.exitCode()).as(show.err()).isZero();
            assertThat(show.out()).contains("reason         Parser bug")
                    .contains("error class    java.lang.IllegalStateException")
                    .contains("original       " + raw + " partition 1 offset 41")
                    .contains("key            seed-doc")
                    .contains("value          " + String.format("%,d", seed.length) + " bytes")
                    .contains("  etag: \"5ae1655f\"")
                    .contains("re-driven      no")
                    .contains("stack trace").contains("at dev.newsroom.ops.operate.DeadLetterIT");
            assertThat(dryRun.out()).contains("would re-drive " + bug.getId() + " -> " + raw);
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.err()).contains(tooLarge.getId()).contains("rolled back");
            assertThat(pipeline.readCommitted(tiny)).isEmpty();
            assertThat(redrive.exitCode()).as(redrive.err()).isZero();
            assertThat(redrive.out()).contains("re-driven " + bug.getId() + " -> " + raw);
            assertThat(rawAfter).hasSize(rawBefore + 1);
            ConsumerRecord<byte[], byte[]> redriven = rawAfter.stream()
                    .filter(r -> r.headers().lastHeader(Redriver.REDRIVE_OF) != null).findFirst().orElseThrow();
            assertThat(redriven.partition()).isEqualTo(1);
            assertThat(redriven.key()).isEqualTo(utf8("seed-doc"));
            assertThat(redriven.value()).isEqualTo(seed);
            assertThat(new String(redriven.headers().lastHeader("etag").value(), StandardCharsets.UTF_8))
                    .isEqualTo("\"5ae1655f\"");
            assertThat(new String(redriven.headers().lastHeader(Redriver.REDRIVE_OF).value(), StandardCharsets.UTF_8))
                    .isEqualTo(bug.getId());
            assertThat(redriven.headers().lastHeader(Redriver.REDRIVE_ID)).isNotNull();
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("nothing to re-drive").contains("1 already re-driven");
            assertThat(rawAfterAgain).isEqualTo(rawAfter.size());

            var articles = pipeline.topics().articles().valueSerde().deserializer();
            await().atMost(Duration.ofSeconds(60)).until(() -> pipeline.readCommitted(pipeline.name(TopicId.ARTICLES))
                    .stream().map(r -> articles.deserialize(r.topic(), r.value()))
                    .anyMatch((Article a) -> a.getLineage().getDocumentId().equals("seed-doc")));
            Map<String, JsonNode> byId = new java.util.HashMap<>();
            listJson(pipeline).forEach(node -> byId.put(node.get("id").asText(), node));
            assertThat(byId.get(bug.getId()).get("redriven").get("topic").asText()).isEqualTo(raw);
            assertThat(byId.get(tooLarge.getId()).get("redriven").isNull()).as("a failed redrive marks nothing")
                    .isTrue();
            assertThat(byId.keySet()).anyMatch(id -> id.startsWith(poisonId));
        }
    }

    @Test
    void aParkedWebhookDeliveryGoesToItsOutletThroughTheRedriveTopicNeverBackToThePublishedLog(KafkaStack stack)
            throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "dlq-parked");
        pipeline.createTopics(2);
        String published = pipeline.name(TopicId.PUBLISHED);
        String redriveTopic = pipeline.name(TopicId.PUBLISH_REDRIVE);
        byte[] version = utf8("version 3 of the article, as the published log held it");
        DeadLetters webhooks = new DeadLetters(Stage.DELIVERY, "newsroom-publish-webhook-site",
                pipeline.name(TopicId.DEADLETTER), pipeline.topics().deadLetters().valueSerde().serializer(),
                Clock.systemUTC());
        DeadLetter parked = webhooks.describe(DeadLetters.Failed.of(published, 0, 12, Instant.now().toEpochMilli(),
                "akhbar.example:palmyra", version, new RecordHeaders()),
                new IllegalStateException("site answered 503 on every attempt"), Map.of("outlet", "site"), 8);
        try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
            producer.send(webhooks.toRecord(parked)).get();
        }

        OperateCli.Run dryRun = pipeline.run("dlq", "redrive", "--id", parked.getId(), "--dry-run");
        OperateCli.Run redrive = pipeline.run("dlq", "redrive", "--id", parked.getId());

        assertThat(dryRun.out()).contains("would re-drive " + parked.getId() + " -> " + redriveTopic);
        assertThat(redrive.exitCode()).as(redrive.err()).isZero();
        assertThat(redrive.out()).contains("re-driven " + parked.getId() + " -> " + redriveTopic);
        assertThat(pipeline.readCommitted(published)).as("the compacted published log is left alone").isEmpty();
        List<ConsumerRecord<byte[], byte[]>> sent = pipeline.readCommitted(redriveTopic);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).value()).isEqualTo(version);
        assertThat(new String(sent.get(0).headers().lastHeader("newsroom-redrive-outlet").value(),
                StandardCharsets.UTF_8)).isEqualTo("site");
        assertThat(new String(sent.get(0).headers().lastHeader(Redriver.REDRIVE_OF).value(), StandardCharsets.UTF_8))
                .isEqualTo(parked.getId());
    }

    private static List<JsonNode> listJson(PrefixedPipeline pipeline) throws Exception {
        OperateCli.Run run = pipeline.run("dlq", "list", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> letters = new java.util.ArrayList<>();
        JSON.readTree(run.out()).forEach(letters::add);
        return letters;
    }

    private static DeadLetters writer(PrefixedPipeline pipeline) {
        return new DeadLetters(Stage.INGEST, pipeline.applicationId(PipelineService.INGEST),
                pipeline.name(TopicId.DEADLETTER), pipeline.topics().deadLetters().valueSerde().serializer(),
                Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC));
    }

    /** The dead letter an earlier release wrote, with the record exactly as it was. */
    private static DeadLetter deadLetter(PrefixedPipeline pipeline, String topic, int partition, long offset,
                                         String key, byte[] value, Exception error) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("etag", utf8("\"5ae1655f\""));
        return writer(pipeline).describe(DeadLetters.Failed.of(topic, partition, offset,
                Instant.now().minus(Duration.ofHours(4)).toEpochMilli(), key, value, headers), error,
                Map.of("failedIn", "processor parse"), 1);
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
