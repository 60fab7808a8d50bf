package dev.newsroom.ops.operate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsroom status} reports exactly the offsets, lag, dead letters and subjects the test put there. */
@WithKafkaStack
class StatusIT {

    @TempDir
    Path dir;

    @Test
    void statusShowsTopicsLagDeadLettersAndSubjects(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "status");
        pipeline.createTopics(3);
        String articles = pipeline.name(TopicId.ARTICLES);
        var serializer = pipeline.topics().articles().valueSerde().serializer();
        try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
            int[] perPartition = {5, 3, 0};
            for (int partition = 0; partition < perPartition.length; partition++) {
                for (int i = 0; i < perPartition[partition]; i++) {
                    String id = "p" + partition + "-" + i;
                    producer.send(new ProducerRecord<>(articles, partition, utf8(id), serializer.serialize(articles,
                            PrefixedPipeline.article(id, "en", "wire.example", "Story " + id, "Body " + id)))).get();
                }
            }
            DeadLetters enrich = writer(pipeline, Stage.ENRICH);
            DeadLetters ingest = writer(pipeline, Stage.INGEST);
            producer.send(enrich.toRecord(letter(enrich, articles, 1, new IllegalArgumentException(
                    "Article 'p0-1' has no body")))).get();
            producer.send(enrich.toRecord(letter(enrich, articles, 2, new IllegalArgumentException(
                    "Article 'p0-2' has no body")))).get();
            producer.send(ingest.toRecord(letter(ingest, pipeline.name(TopicId.RAW), 9, new IllegalArgumentException(
                    "Document 'feed-9' is empty")))).get();
        }
        String enrichGroup = pipeline.applicationId(PipelineService.ENRICH);
        try (Admin admin = pipeline.admin()) {
            admin.alterConsumerGroupOffsets(enrichGroup, Map.of(
                    new TopicPartition(articles, 0), new OffsetAndMetadata(2),
                    new TopicPartition(articles, 1), new OffsetAndMetadata(3))).all().get();
        }

        OperateCli.Run json = pipeline.run("status", "--json");
        OperateCli.Run text = pipeline.run("status");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(json.out());
        JsonNode articlesTopic = find(status.get("topics"), "role", "articles");
        assertThat(articlesTopic.get("name").asText()).isEqualTo(articles);
        assertThat(articlesTopic.get("partitions").asInt()).isEqualTo(3);
        assertThat(longs(articlesTopic.get("partitionEndOffsets"))).containsExactly(5L, 3L, 0L);
        assertThat(articlesTopic.get("endOffsets").asLong()).isEqualTo(8);
        assertThat(find(status.get("topics"), "role", "deadletter").get("retention").asText()).isEqualTo("30d");
        assertThat(find(status.get("topics"), "role", "published").get("retention").asText()).isEqualTo("compacted");

        JsonNode enrich = find(status.get("services"), "service", "enrich");
        assertThat(enrich.get("applicationId").asText()).isEqualTo(enrichGroup);
        assertThat(enrich.get("members")).isEmpty();
        assertThat(enrich.get("lag").asLong()).isEqualTo(3);
        assertThat(enrich.get("partitions")).hasSize(2);
        JsonNode partition0 = find(enrich.get("partitions"), "partition", "0");
        assertThat(partition0.get("committed").asLong()).isEqualTo(2);
        assertThat(partition0.get("end").asLong()).isEqualTo(5);
        assertThat(partition0.get("lag").asLong()).isEqualTo(3);
        assertThat(find(enrich.get("partitions"), "partition", "1").get("lag").asLong()).isZero();
        assertThat(find(status.get("services"), "service", "ingest").get("partitions")).isEmpty();

        JsonNode deadLetters = status.get("deadLetters");
        assertThat(deadLetters.get("total").asLong()).isEqualTo(3);
        assertThat(deadLetters.get("byStage").get("ENRICH").asLong()).isEqualTo(2);
        assertThat(deadLetters.get("byStage").get("INGEST").asLong()).isEqualTo(1);
        JsonNode noBody = find(deadLetters.get("byReason"), "reason", "Article '…' has no body");
        assertThat(noBody.get("stage").asText()).isEqualTo("ENRICH");
        assertThat(noBody.get("count").asLong()).isEqualTo(2);

        JsonNode subjects = status.get("registry").get("subjects");
        assertThat(longs(find(subjects, "subject", articles + "-value").get("versions"))).containsExactly(1L);
        assertThat(longs(find(subjects, "subject", pipeline.name(TopicId.DEADLETTER) + "-value").get("versions")))
                .containsExactly(1L);
        assertThat(find(subjects, "subject", pipeline.name(TopicId.RAW) + "-value").get("versions")).isEmpty();

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("TOPICS", "SERVICES", "DEAD LETTERS (3 in ", "REGISTRY")
                .containsPattern("articles\\s+" + articles.replace(".", "\\.") + "\\s+3\\s+8\\s+\\S+\\s+5 3 0")
                .contains("enrich   " + enrichGroup + ": ").contains("lag 3")
                .containsPattern("ENRICH\\s+2\\s+Article '…' has no body")
                .containsPattern(articles.replace(".", "\\.") + "-value\\s+1");
    }

    private static DeadLetters writer(PrefixedPipeline pipeline, Stage stage) {
        return new DeadLetters(stage, pipeline.prefix() + "-" + stage.name().toLowerCase(java.util.Locale.ROOT),
                pipeline.name(TopicId.DEADLETTER), pipeline.topics().deadLetters().valueSerde().serializer(),
                Clock.systemUTC());
    }

    private static dev.newsroom.schemas.DeadLetter letter(DeadLetters writer, String topic, long offset,
                                                          Exception error) {
        return writer.describe(DeadLetters.Failed.of(topic, 0, offset, System.currentTimeMillis(), "k" + offset,
                utf8("v"), new RecordHeaders()), error, Map.of(), 1);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asLong()));
        return values;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
