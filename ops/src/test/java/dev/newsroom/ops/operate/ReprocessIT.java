package dev.newsroom.ops.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.enrich.service.EnrichApplication;
import dev.newsroom.ops.operate.replay.ReplayHeaders;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule change, then {@code newsroom reprocess} with the real enrich and publish services: the window's articles
 * get new enriched versions, publish republishes only the article whose published form changed, and reprocessing
 * publish afterwards republishes nothing (and never an older version).
 */
@WithKafkaStack
class ReprocessIT {

    @TempDir
    Path dir;

    @Test
    void reprocessingAfterARuleChangeRepublishesOnlyWhatChanged(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "reprocess");
        pipeline.createTopics(2);
        String articles = pipeline.name(TopicId.ARTICLES);
        String enriched = pipeline.name(TopicId.ENRICHED);
        String published = pipeline.name(TopicId.PUBLISHED);
        Instant now = Instant.now();
        Instant before = now.minus(Duration.ofHours(3));
        Instant inside = now.minus(Duration.ofHours(1));
        String from = now.minus(Duration.ofHours(2)).toString();
        Map<String, String> publishSettings = Map.of(
                PublishSettings.WORKERS_ENABLED.key(), "false",
                PublishSettings.HTTP_PORT.key(), String.valueOf(LoopbackPorts.free()));

        ServiceRunner publish = ServiceRunner.start(new PublishApplication(Map.of()),
                pipeline.serviceConfig(PipelineService.PUBLISH, dir.resolve("publish"), publishSettings));
        ServiceRunner enrich = ServiceRunner.start(new EnrichApplication(),
                pipeline.serviceConfig(PipelineService.ENRICH, dir.resolve("enrich"), Map.of()));
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> enrich.isReady() && publish.isReady());
            var values = pipeline.topics().articles().valueSerde().serializer();
            try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
                for (var entry : Map.of(
                        "a1", story("a1", "Storm closes northern ferry routes", before),
                        "a2", story("a2", "Football season opens with a derby", before),
                        "a3", story("a3", "Election commission publishes turnout figures", inside),
                        "a4", story("a4", "Storm closes coastal roads overnight", inside)).entrySet()) {
                    producer.send(new ProducerRecord<>(articles, null, entry.getValue().timestamp(),
                            utf8(entry.getKey()), values.serialize(articles, entry.getValue().article()))).get();
                }
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> pipeline.readCommitted(published).size() == 4);

            enrich.close();
            try (ServiceRunner revised = ServiceRunner.start(RevisedEnrichApplication.create(),
                    pipeline.serviceConfig(PipelineService.ENRICH, dir.resolve("enrich"), Map.of()))) {
                await().atMost(Duration.ofSeconds(120)).until(revised::isReady);

                OperateCli.Run dryRun = pipeline.run("reprocess", "--stage", "enrich", "--from", from, "--dry-run");
                OperateCli.Run reprocessEnrich = pipeline.run("reprocess", "--stage", "enrich", "--from", from);
                await().atMost(Duration.ofSeconds(120)).until(() -> enrichedValues(pipeline).size() == 6);
                awaitProcessed(pipeline, PipelineService.PUBLISH, enriched);
                List<EnrichedArticle> versions = enrichedValues(pipeline);
                List<PublishedArticle> afterEnrich = publishedValues(pipeline);

                OperateCli.Run reprocessPublish = pipeline.run("reprocess", "--stage", "publish", "--from", from);
                awaitProcessed(pipeline, PipelineService.PUBLISH, enriched);
                List<PublishedArticle> afterPublish = publishedValues(pipeline);

                assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
                assertThat(dryRun.out()).contains("dry run, nothing written")
                        .containsPattern("total\\s+\\S+ offsets\\s+2\\s");
                assertThat(reprocessEnrich.exitCode()).as(reprocessEnrich.err()).isZero();
                assertThat(reprocessEnrich.out()).contains(": complete").contains("This run copied 2 records");
                assertThat(reprocessEnrich.err()).doesNotContain("no active members");
                List<ConsumerRecord<byte[], byte[]>> copies = pipeline.readCommitted(articles).stream()
                        .filter(r -> r.headers().lastHeader(ReplayHeaders.REPROCESS) != null).toList();
                assertThat(copies).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrder("a3", "a4");

                List<EnrichedArticle> revisedVersions = versions.stream()
                        .filter(e -> e.getEnricherVersion().endsWith(RevisedEnrichApplication.RULES)).toList();
                assertThat(revisedVersions).extracting(e -> e.getArticle().getId())
                        .containsExactlyInAnyOrder("a3", "a4");
                assertThat(revisedVersions).filteredOn(e -> e.getArticle().getId().equals("a4")).singleElement()
                        .satisfies(e -> assertThat(e.getSubjects()).anyMatch(s -> s.getCode()
                                .equals(RevisedEnrichApplication.EMERGENCY)));

                assertThat(afterEnrich).as("only a4's published form changed").hasSize(5);
                assertThat(latestVersions(afterEnrich)).isEqualTo(Map.of("a1", 1, "a2", 1, "a3", 1, "a4", 2));
                assertThat(afterEnrich).filteredOn(p -> p.getArticleId().equals("a4") && p.getVersion() == 1)
                        .singleElement().satisfies(p -> assertThat(p.getNinjs())
                                .doesNotContain(RevisedEnrichApplication.EMERGENCY));
                assertThat(latest(afterEnrich, "a4").getNinjs()).contains(RevisedEnrichApplication.EMERGENCY);
                assertThat(latest(afterEnrich, "a4").getEnricherVersion()).endsWith(RevisedEnrichApplication.RULES);

                assertThat(reprocessPublish.exitCode()).as(reprocessPublish.err()).isZero();
                assertThat(reprocessPublish.out()).contains("This run copied 2 records");
                assertThat(afterPublish).as("nothing changed, so nothing is republished").hasSize(5);
                assertThat(latest(afterPublish, "a4").getNinjs()).contains(RevisedEnrichApplication.EMERGENCY);
            }
        } finally {
            enrich.close();
            publish.close();
        }
    }

    /** An article and the time its record carries. */
    record Story(Article article, long timestamp) {
    }

    private static Story story(String id, String headline, Instant at) {
        String body = headline + ". Officials in the capital said on Tuesday that more details would follow, and"
                + " residents were asked to check the official website for updates during the week.";
        return new Story(PrefixedPipeline.article(id, "en", "wire.example", headline, body), at.toEpochMilli());
    }

    /** Waits until the service's group has committed past every record now in the topic. */
    private static void awaitProcessed(PrefixedPipeline pipeline, PipelineService service, String topic) {
        Map<TopicPartition, Long> needed = new HashMap<>();
        pipeline.readCommitted(topic).forEach(r -> needed.merge(new TopicPartition(r.topic(), r.partition()),
                r.offset() + 1, Math::max));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            try (Admin admin = pipeline.admin()) {
                var committed = admin.listConsumerGroupOffsets(pipeline.applicationId(service))
                        .partitionsToOffsetAndMetadata().get();
                return needed.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue());
            }
        });
    }

    private static List<EnrichedArticle> enrichedValues(PrefixedPipeline pipeline) {
        var values = pipeline.topics().enriched().valueSerde().deserializer();
        return pipeline.readCommitted(pipeline.name(TopicId.ENRICHED)).stream()
                .map(r -> values.deserialize(r.topic(), r.value())).toList();
    }

    private static List<PublishedArticle> publishedValues(PrefixedPipeline pipeline) {
        var values = pipeline.topics().published().valueSerde().deserializer();
        return pipeline.readCommitted(pipeline.name(TopicId.PUBLISHED)).stream()
                .map(r -> values.deserialize(r.topic(), r.value())).toList();
    }

    private static Map<String, Integer> latestVersions(List<PublishedArticle> published) {
        return published.stream().collect(Collectors.toMap(PublishedArticle::getArticleId,
                PublishedArticle::getVersion, Math::max));
    }

    private static PublishedArticle latest(List<PublishedArticle> published, String id) {
        return published.stream().filter(p -> p.getArticleId().equals(id))
                .max((a, b) -> Integer.compare(a.getVersion(), b.getVersion())).orElseThrow();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
