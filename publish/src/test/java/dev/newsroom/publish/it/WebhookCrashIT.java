package dev.newsroom.publish.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.publish.it.WebhookReceiver.Reply;
import dev.newsroom.publish.publication.DeliveryId;
import dev.newsroom.publish.service.OutletWorkers;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.PublicationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook worker killed with SIGKILL in the middle of delivering (no graceful commit, requests in flight),
 * then started again: every version is delivered, and the only repeats carry the same webhook-id.
 */
@WithKafkaStack
class WebhookCrashIT {

    private static final int ARTICLES = 60;
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    @Test
    void aWorkerKilledMidDeliveryLosesNothingWhenItStartsAgain(KafkaStack stack) throws Exception {
        try (WebhookReceiver site = WebhookReceiver.start(); PublishHarness publish = new PublishHarness(stack, dir)) {
            site.script(request -> Reply.slowly(Duration.ofMillis(150)));
            publish.outlets("outlets:\n  - {name: crash-site, kind: webhook, url: '" + site.url()
                    + "', concurrency: 2}\n");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
                new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(publish.topics().specs(2, (short) 1));
            }
            Set<String> expected = produceVersions(publish);
            Path config = config(publish);

            Process first = worker(config, "first");
            await().atMost(Duration.ofSeconds(60)).until(() -> site.requests().size() >= 15);
            first.destroyForcibly().waitFor();
            Set<String> beforeCrash = ids(site);
            assertThat(beforeCrash).as("the crash came in the middle of the work").hasSizeLessThan(ARTICLES);

            Process second = worker(config, "second");
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> ids(site).size() == ARTICLES);
                assertThat(ids(site)).isEqualTo(expected);
                List<String> all = site.requests().stream().map(WebhookReceiver.Request::webhookId).toList();
                assertThat(all).as("repeats are only of ids already delivered").isSubsetOf(expected);
                await().atMost(Duration.ofSeconds(30)).until(() -> committedToTheEnd(stack, publish));
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    private static Set<String> produceVersions(PublishHarness publish) {
        String topic = publish.topics().name(TopicId.PUBLISHED);
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < ARTICLES; i++) {
            String id = "crash:" + i;
            PublishedArticle version = PublishedArticle.newBuilder(SampleRecords.published())
                    .setArticleId(id)
                    .setVersion(1)
                    .setEvent(PublicationEvent.PUBLISHED)
                    .setPubstatus(Pubstatus.usable)
                    .setNinjs("{\"uri\":\"" + NinjsWriter.uriFor(id) + "\",\"type\":\"text\",\"version\":\"1\"}")
                    .setOutlets(List.of("crash-site"))
                    .setUpdatedAt(Instant.now())
                    .build();
            publish.send(new ProducerRecord<>(topic, id, publish.topics().published().valueSerde().serializer()
                    .serialize(topic, version)));
            ids.add(DeliveryId.of(id, 1, "article.published"));
        }
        return ids;
    }

    private Path config(PublishHarness publish) throws IOException {
        StringBuilder properties = new StringBuilder();
        publish.settings().forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        properties.append(PublishSettings.HTTP_PORT.key()).append('=').append(LoopbackPorts.free()).append('\n');
        properties.append("kafka.session.timeout.ms=6000\nkafka.heartbeat.interval.ms=1000\n");
        return Files.writeString(dir.resolve("workers.properties"), properties.toString());
    }

    /** The worker in a JVM of its own, its output kept in {@code target/} for when this test fails. */
    private Process worker(Path config, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas",
                "-cp", System.getProperty("java.class.path"), OutletWorkers.class.getName(), config.toString());
        builder.environment().put("NEWSROOM_OUTLET_CRASH_SITE_SECRET", SECRET);
        builder.redirectErrorStream(true);
        Path log = Path.of("target", "webhook-crash-worker-" + name + ".log");
        builder.redirectOutput(log.toFile());
        return builder.start();
    }

    private static Set<String> ids(WebhookReceiver site) {
        return site.requests().stream().map(WebhookReceiver.Request::webhookId).collect(Collectors.toSet());
    }

    private static boolean committedToTheEnd(KafkaStack stack, PublishHarness publish) throws Exception {
        String topic = publish.topics().name(TopicId.PUBLISHED);
        String group = publish.settings().get("application.id") + "-webhook-crash-site";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = new ArrayList<>(List.of(new TopicPartition(topic, 0),
                    new TopicPartition(topic, 1)));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            return partitions.stream().allMatch(p -> committed.containsKey(p)
                    && committed.get(p).offset() == ends.get(p).offset());
        }
    }
}
