package dev.newsroom.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.enrich.service.EnrichApplication;
import dev.newsroom.ingest.service.IngestApplication;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.operate.PrefixedPipeline;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsroom verify} on the real services: after the samples and one bad input have gone through, the books
 * balance (every document an article or a dead letter, exit 0); a published version written a second time is
 * found, named, and fails the check.
 */
@WithKafkaStack
class VerifyIT {

    @TempDir
    Path dir;

    @Test
    void theBooksBalanceAfterARunAndADuplicatedPublishedVersionIsFound(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "verify");
        pipeline.createTopics(2);
        String published = pipeline.name(TopicId.PUBLISHED);
        Map<String, String> publishSettings = Map.of(
                PublishSettings.WORKERS_ENABLED.key(), "false",
                PublishSettings.HTTP_PORT.key(), String.valueOf(LoopbackPorts.free()));
        Path bad = java.nio.file.Files.writeString(dir.resolve("broken.rss"), "<rss><channel><item><title>cut off");
        Path samples = Path.of("..", "samples");

        try (ServiceRunner ingest = ServiceRunner.start(new IngestApplication(),
                     pipeline.serviceConfig(PipelineService.INGEST, dir.resolve("ingest"), Map.of()));
             ServiceRunner enrich = ServiceRunner.start(new EnrichApplication(),
                     pipeline.serviceConfig(PipelineService.ENRICH, dir.resolve("enrich"), Map.of()));
             ServiceRunner publish = ServiceRunner.start(new PublishApplication(Map.of()),
                     pipeline.serviceConfig(PipelineService.PUBLISH, dir.resolve("publish"), publishSettings))) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> ingest.isReady() && enrich.isReady() && publish.isReady());
            CommandLineRun produced = run(pipeline, "produce", samples.resolve("feed-ar.rss").toString(),
                    samples.resolve("page-ar-palmyra.html").toString(),
                    samples.resolve("000_5ae1655f0e8fde34.txt").toString(), bad.toString());
            assertThat(produced.exitCode()).as(produced.err()).isZero();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> pipeline.readCommitted(published).size() >= 5);

            CommandLineRun balanced = run(pipeline, "verify", "--from", "PT1H");

            assertThat(balanced.exitCode()).as(balanced.out() + balanced.err()).isZero();
            assertThat(balanced.out()).contains("ACCOUNT from", "STAGES", "DELIVERIES", "DEAD LETTERS (1)")
                    .containsPattern("ingest\\s+raw documents\\s+4\\s+3\\s+5\\s+1\\s+0\\s+0\\s+0\\s+0")
                    .containsPattern("publish\\s+enriched versions\\s+5\\s+5\\s+5\\s+0")
                    .contains("not well-formed XML", "BALANCED");
            CommandLineRun json = run(pipeline, "verify", "--from", "PT1H", "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonNode account = new ObjectMapper().readTree(json.out());
            assertThat(account.at("/stages/0/stage").asText()).isEqualTo("ingest");
            assertThat(account.at("/stages/0/in").asLong()).isEqualTo(4);
            assertThat(account.get("problems")).isEmpty();
            assertThat(account.get("from").asText()).endsWith("Z");

            ConsumerRecord<byte[], byte[]> first = pipeline.readCommitted(published).get(0);
            try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
                producer.send(new ProducerRecord<>(published, first.partition(), first.key(), first.value(),
                        first.headers())).get();
            }

            CommandLineRun duplicated = run(pipeline, "verify", "--from", "PT1H");

            assertThat(duplicated.exitCode()).isEqualTo(1);
            assertThat(duplicated.out()).containsIgnoringCase("duplicate").contains(new String(first.key(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static CommandLineRun run(PrefixedPipeline pipeline, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(pipeline.connection());
        return CommandLineRun.of(all.toArray(String[]::new));
    }
}
