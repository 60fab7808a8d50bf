package dev.newsroom.ops.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ops.operate.replay.ReplayHeaders;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsroom replay} on the real broker: exact windows, exactly once across interruptions, no service touched. */
@WithKafkaStack
class ReplayIT {

    private static final Instant BASE = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dir;

    /** One source record as the test wrote it. */
    record Written(String key, String value, String trace, long timestamp) {
    }

    @Test
    void aWindowIsCopiedWithKeysValuesHeadersAndTimestampsExactlyOnceAcrossResumes(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "replay");
        String source = pipeline.prefix() + ".source";
        String target = pipeline.prefix() + ".copy";
        pipeline.createTopic(source, 3);
        pipeline.createTopic(target, 3);
        List<Written> written = writeSeconds(pipeline, source, 60, 25);
        writeAbortedInsideTheWindow(pipeline, source);
        String serviceGroup = pipeline.applicationId(PipelineService.ENRICH);
        commitAsAService(stack, serviceGroup, source, 5);
        Map<String, Object> groupBefore = describe(pipeline, serviceGroup);
        Set<String> groupsBefore = groups(pipeline);
        String from = BASE.plusSeconds(10).toString();
        String to = BASE.plusSeconds(40).toString();
        List<Written> window = written.subList(10, 40);
        String id = KafkaStack.uniqueName("window");

        OperateCli.Run dryRun = pipeline.run("replay", "--from-topic", source, "--from", from, "--to", to,
                "--to-topic", target, "--dry-run");
        OperateCli.Run dryRunJson = pipeline.run("replay", "--from-topic", source, "--from", from, "--to", to,
                "--to-topic", target, "--dry-run", "--json");
        OperateCli.Run first = pipeline.run("replay", "--from-topic", source, "--from", from, "--to", to,
                "--to-topic", target, "--replay-id", id, "--max-records", "7");
        int afterFirst = pipeline.readCommitted(target).size();
        OperateCli.Run second = pipeline.run("replay", "--resume", id);
        OperateCli.Run third = pipeline.run("replay", "--resume", id, "--json");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("dry run, nothing written").containsPattern("total\\s+\\S+ offsets\\s+30\\s");
        JsonNode survey = new ObjectMapper().readTree(dryRunJson.out());
        assertThat(survey.path("dryRun").asBoolean()).isTrue();
        assertThat(survey.path("records").asLong()).isEqualTo(30);
        assertThat(survey.path("partitions")).hasSize(3);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("stopped at --max-records").contains("This run copied 7 records")
                .contains("continue with: newsroom replay --resume " + id);
        assertThat(afterFirst).isEqualTo(7);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains(id + ": complete").contains("This run copied 23 records");
        // The late record is met by whichever run reads its partition past it, which depends on fetch order.
        assertThat(first.out() + second.out()).containsOnlyOnce("stamped outside the window's times")
                .contains("not copied: 1 stamped outside the window's times");
        assertThat(third.exitCode()).as(third.err()).isZero();
        JsonNode thirdSummary = new ObjectMapper().readTree(third.out());
        assertThat(thirdSummary.path("state").asText()).isEqualTo("complete");
        assertThat(thirdSummary.path("copied").asLong()).isZero();
        assertThat(thirdSummary.path("resume").isNull()).isTrue();

        List<ConsumerRecord<byte[], byte[]>> copies = pipeline.readCommitted(target);
        assertThat(copies).extracting(ReplayIT::asWritten).containsExactlyInAnyOrderElementsOf(window);
        Map<String, ConsumerRecord<byte[], byte[]>> originals = new HashMap<>();
        pipeline.readCommitted(source).forEach(r -> originals.put(utf8(r.key()), r));
        assertThat(copies).allSatisfy(copy -> {
            ConsumerRecord<byte[], byte[]> original = originals.get(utf8(copy.key()));
            assertThat(header(copy, ReplayHeaders.REPLAY_ID)).isEqualTo(id);
            assertThat(header(copy, ReplayHeaders.ORIGIN_TOPIC)).isEqualTo(source);
            assertThat(header(copy, ReplayHeaders.ORIGIN_PARTITION)).isEqualTo(String.valueOf(original.partition()));
            assertThat(header(copy, ReplayHeaders.ORIGIN_OFFSET)).isEqualTo(String.valueOf(original.offset()));
            assertThat(copy.partition()).isEqualTo(original.partition());
        });
        assertThat(describe(pipeline, serviceGroup)).as("the service's group").isEqualTo(groupBefore);
        Set<String> newGroups = new HashSet<>(groups(pipeline));
        newGroups.removeAll(groupsBefore);
        assertThat(newGroups).as("groups the replay created").containsExactly("newsroom-replay-" + id);
    }

    @Test
    void aReplayKilledMidRunResumesToExactlyTheWindow(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "killed");
        String source = pipeline.prefix() + ".source";
        String target = pipeline.prefix() + ".copy";
        pipeline.createTopic(source, 2);
        pipeline.createTopic(target, 2);
        List<Written> written = writeSeconds(pipeline, source, 80, -1);
        String id = KafkaStack.uniqueName("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas", "-cp",
                System.getProperty("java.class.path"), OperateCli.class.getName(), "replay", "--from-topic", source,
                "--from", BASE.toString(), "--to-topic", target, "--replay-id", id, "--rate", "20/s"));
        command.addAll(pipeline.connection());
        Process replay = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed-replay.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> copiedSoFar(pipeline, id) >= 15);
            replay.destroyForcibly();
            assertThat(replay.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            replay.destroyForcibly();
        }
        int committedBeforeResume = pipeline.readCommitted(target).size();

        OperateCli.Run resumed = pipeline.run("replay", "--resume", id);

        assertThat(committedBeforeResume).isBetween(15, 79);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains(id + ": complete");
        assertThat(pipeline.readCommitted(target)).extracting(ReplayIT::asWritten)
                .containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void filtersDecodeArticlesAndCopyOnlyTheLanguageAskedIntoATopicCreatedLikeTheSource(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "filter");
        pipeline.createTopics(2);
        String articles = pipeline.name(TopicId.ARTICLES);
        String target = pipeline.prefix() + ".arabic";
        var serializer = pipeline.topics().articles().valueSerde().serializer();
        try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
            for (Article article : List.of(
                    PrefixedPipeline.article("a1", "ar", "akhbar.example", "خبر أول", "نص الخبر الأول"),
                    PrefixedPipeline.article("a2", "en", "wire.example", "First story", "The first story."),
                    PrefixedPipeline.article("a3", "ar-EG", "masr.example", "خبر ثان", "نص الخبر الثاني"))) {
                producer.send(new ProducerRecord<>(articles, null, BASE.toEpochMilli(), utf8(article.getId()),
                        serializer.serialize(articles, article))).get();
            }
        }

        OperateCli.Run run = pipeline.run("replay", "--from-topic", articles, "--from", BASE.toString(),
                "--to-topic", target, "--create-topic", "--language", "ar");
        OperateCli.Run unknown = pipeline.run("replay", "--resume", "no-such-replay");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("This run copied 2 records").contains("1 left out by the filter");
        assertThat(pipeline.readCommitted(target)).extracting(r -> utf8(r.key()))
                .containsExactlyInAnyOrder("a1", "a3");
        try (Admin admin = pipeline.admin()) {
            assertThat(admin.describeTopics(List.of(target)).allTopicNames().get().get(target).partitions()).hasSize(2);
        }
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no replay 'no-such-replay'");
    }

    private static long copiedSoFar(PrefixedPipeline pipeline, String id) throws Exception {
        try (Admin admin = pipeline.admin()) {
            Map<TopicPartition, OffsetAndMetadata> progress = admin.listConsumerGroupOffsets("newsroom-replay-" + id)
                    .partitionsToOffsetAndMetadata().get();
            return progress.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    /**
     * Records one second apart from {@link #BASE}, spread over the partitions, each with a header of its own; after
     * the one at {@code lateAt}, one that arrives late, stamped an hour before all of them.
     */
    private static List<Written> writeSeconds(PrefixedPipeline pipeline, String topic, int count, int lateAt)
            throws Exception {
        List<Written> written = new ArrayList<>();
        int partitions;
        try (Admin admin = pipeline.admin()) {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
        try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
            for (int i = 0; i < count; i++) {
                Written record = new Written("key-" + i, "value-" + i + "-" + "x".repeat(i), "trace-" + i,
                        BASE.plusSeconds(i).toEpochMilli());
                RecordHeaders headers = new RecordHeaders();
                headers.add("trace", utf8(record.trace()));
                producer.send(new ProducerRecord<>(topic, i % partitions, record.timestamp(), utf8(record.key()),
                        utf8(record.value()), headers)).get();
                written.add(record);
                if (i == lateAt) {
                    producer.send(new ProducerRecord<>(topic, i % partitions, BASE.minus(Duration.ofHours(1))
                            .toEpochMilli(), utf8("late"), utf8("late"))).get();
                }
            }
        }
        return written;
    }

    /** A transaction that was aborted, with timestamps inside the window: a replay must not copy it. */
    private static void writeAbortedInsideTheWindow(PrefixedPipeline pipeline, String topic) {
        try (KafkaProducer<byte[], byte[]> producer = pipeline.transactionalProducer(KafkaStack.uniqueName("abort"))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int partition = 0; partition < 3; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, BASE.plusSeconds(20).toEpochMilli(),
                        utf8("aborted-" + partition), utf8("never")));
            }
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** A group with committed offsets, as a stopped service leaves it. */
    private static void commitAsAService(KafkaStack stack, String group, String topic, long offset) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                offsets.put(new TopicPartition(topic, partition), new OffsetAndMetadata(offset));
            }
            consumer.commitSync(offsets);
        }
    }

    private static Map<String, Object> describe(PrefixedPipeline pipeline, String group) throws Exception {
        try (Admin admin = pipeline.admin()) {
            var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            Map<String, Object> state = new HashMap<>();
            state.put("state", description.groupState());
            state.put("members", description.members().size());
            state.put("offsets", admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
            return state;
        }
    }

    private static Set<String> groups(PrefixedPipeline pipeline) throws Exception {
        try (Admin admin = pipeline.admin()) {
            Set<String> ids = new HashSet<>();
            admin.listGroups().all().get().stream().map(GroupListing::groupId).forEach(ids::add);
            return ids;
        }
    }

    private static Written asWritten(ConsumerRecord<byte[], byte[]> record) {
        return new Written(utf8(record.key()), utf8(record.value()), header(record, "trace"), record.timestamp());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : utf8(header.value());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
