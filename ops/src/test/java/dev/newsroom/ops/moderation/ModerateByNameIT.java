package dev.newsroom.ops.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.operate.PrefixedPipeline;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DetectedLanguage;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.Subject;
import dev.newsroom.schemas.topic.TopicId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor's names for an article, on the real broker with the real publish service: the ninjs uri, the URL and
 * the guid all reach the article; a mistyped id is refused with the reason; a kill sent before its story is
 * applied when the story arrives, which never goes live; readers see notices, never the detector's evidence.
 */
@WithKafkaStack
class ModerateByNameIT {

    private static final String ID = "akhbar.example:palmyra-names";
    private static final String URL = "https://akhbar.example/2026/11/28/palmyra-names/";
    private static final String GUID = "akhbar-7731";
    private static final String EVIDENCE = "violence trigger words (ar lexicon, weight 22): الهجوم, استهدف";

    @TempDir
    Path dir;

    @Test
    void everyNameAnEditorSeesWorksAndNothingWaitsSilently(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "names");
        pipeline.createTopics(2);
        String siteTopic = pipeline.prefix() + ".outlet.site-ar";
        pipeline.createTopic(siteTopic, 2);
        Path outlets = Files.writeString(dir.resolve("outlets.yaml"), "outlets:\n"
                + "  - {name: site-ar, kind: kafka, topic: " + siteTopic + "}\n"
                + "  - {name: feed-ar, kind: feed, link: 'https://akhbar.example/', filters: {languages: [ar]}}\n");
        int httpPort = LoopbackPorts.free();
        try (ServiceRunner publish = ServiceRunner.start(new PublishApplication(Map.of()),
                pipeline.serviceConfig(PipelineService.PUBLISH, dir.resolve("state"), Map.of(
                        PublishSettings.OUTLETS_FILE.key(), outlets.toString(),
                        PublishSettings.HTTP_PORT.key(), String.valueOf(httpPort),
                        PublishSettings.EMBARGO_CHECK_INTERVAL.key(), "200ms")))) {
            await().atMost(Duration.ofSeconds(90)).until(publish::isReady);
            send(pipeline, enriched(ID, URL, GUID));
            await().atMost(Duration.ofSeconds(30)).until(() -> latest(pipeline, ID) != null);
            String uri = "urn:newsroom:article:akhbar.example%3Apalmyra-names";
            await().atMost(Duration.ofSeconds(30)).until(() -> moderate(pipeline, "hold", GUID, "--wait", "1s")
                    .exitCode() == 0);
            assertThat(moderate(pipeline, "release", ID).exitCode()).isZero();

            for (String name : List.of(uri, "http://AKHBAR.example/2026/11/28/palmyra-names?utm_source=feed", GUID)) {
                CommandLineRun hold = moderate(pipeline, "hold", name, "--reason", "legal review");
                assertThat(hold.exitCode()).as("hold %s: %s", name, hold.err()).isZero();
                assertThat(hold.out()).contains("hold " + name + ": applied to article " + ID + ": held, pubstatus"
                        + " withheld");
                assertThat(latest(pipeline, ID).getPubstatus()).isEqualTo(Pubstatus.withheld);
                assertThat(moderate(pipeline, "release", name).out()).contains("released, pubstatus usable");
            }

            CommandLineRun typo = moderate(pipeline, "kill", "akhbar.example:palmyra-name", "--reason", "x");
            assertThat(typo.exitCode()).isEqualTo(1);
            assertThat(typo.err()).contains("rejected: No article is known as 'akhbar.example:palmyra-name'")
                    .contains("--before-arrival");
            assertThat(latest(pipeline, ID).getPubstatus()).isEqualTo(Pubstatus.usable);

            String late = "akhbar.example:late-story";
            CommandLineRun early = moderate(pipeline, "kill", late, "--reason", "Legal", "--before-arrival");
            assertThat(early.exitCode()).as(early.err()).isZero();
            assertThat(early.out()).contains("kill " + late + ": waiting for the article until");
            CommandLineRun pending = moderate(pipeline, "pending");
            assertThat(pending.out()).contains(late).contains("kill");
            List<String> status = new ArrayList<>(List.of("status"));
            status.addAll(pipeline.connection());
            assertThat(CommandLineRun.of(status.toArray(String[]::new)).out())
                    .contains("WAITING COMMANDS (1, for articles not arrived yet").contains(late);
            CommandLineRun waiting = moderate(pipeline, "hold", "akhbar.example:never", "--before-arrival",
                    "--command-id", "hold-never");
            assertThat(waiting.out()).contains("waiting for the article");
            CommandLineRun cancelled = moderate(pipeline, "cancel", "hold-never");
            assertThat(cancelled.exitCode()).as(cancelled.err()).isZero();
            assertThat(cancelled.out()).contains("cancel hold-never: command hold-never (hold akhbar.example:never)"
                    + " no longer waits: cancelled by sara");
            send(pipeline, enriched(late, "https://akhbar.example/late/", "akhbar-9001"));
            await().atMost(Duration.ofSeconds(30)).until(() -> latest(pipeline, late) != null);
            assertThat(versions(pipeline, late)).as("the story never went live")
                    .allSatisfy(version -> assertThat(version.getPubstatus()).isEqualTo(Pubstatus.canceled));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(moderate(pipeline, "pending").out()).doesNotContain(late));

            List<String> siteCopies = pipeline.readCommitted(siteTopic).stream()
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
            assertThat(siteCopies).isNotEmpty().allSatisfy(copy -> assertThat(copy).doesNotContain("trigger words")
                    .doesNotContain("lexicon"));
            assertThat(siteCopies).anySatisfy(copy -> assertThat(copy).contains("تنبيه: يتضمن هذا الخبر وصفًا لأعمال عنف."));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/feeds/feed-ar.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(feed.statusCode()).isEqualTo(200);
                assertThat(feed.body()).contains("تنبيه: يتضمن هذا الخبر وصفًا لأعمال عنف.")
                        .doesNotContain("trigger words").doesNotContain("lexicon");
            });
            assertThat(latest(pipeline, ID).getAdvisories()).extracting(Advisory::getReason).containsExactly(EVIDENCE);
        }
    }

    private static CommandLineRun moderate(PrefixedPipeline pipeline, String... args) {
        List<String> all = new ArrayList<>();
        all.add("moderate");
        all.addAll(List.of(args));
        all.addAll(pipeline.connection());
        all.addAll(List.of("--by", "sara"));
        return CommandLineRun.of(all.toArray(String[]::new));
    }

    private static EnrichedArticle enriched(String id, String url, String guid) {
        Article article = Article.newBuilder(PrefixedPipeline.article(id, "ar", "akhbar.example",
                        "هجوم في بادية تدمر", "استهدف الهجوم قوة في بادية تدمر وأسفر عن إصابة جنود."))
                .setCanonicalUrl(url)
                .setAltIds(List.of(new AltId("url", url), new AltId("guid", guid)))
                .build();
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(new DetectedLanguage("ar", 0.99, "ar", false))
                .setEntities(List.of())
                .setSubjects(List.of(new Subject("medtop:16000000", "http://cv.iptc.org/newscodes/mediatopic/16000000",
                        "conflict, war and peace", 90)))
                .setAdvisories(List.of(new Advisory(AdvisoryKind.VIOLENCE, EVIDENCE, "enrich", false, 3.0)))
                .setKeywords(List.of())
                .setWordCount(9)
                .setReadingTimeSeconds(4)
                .setSlug("hjwm")
                .setSummary(null)
                .setEnricherVersion("enrich-test")
                .setEnrichedAt(Instant.parse("2026-11-28T09:00:00Z"))
                .build();
    }

    private static void send(PrefixedPipeline pipeline, EnrichedArticle article) throws Exception {
        String topic = pipeline.name(TopicId.ENRICHED);
        try (KafkaProducer<byte[], byte[]> producer = pipeline.producer()) {
            producer.send(new ProducerRecord<>(topic, article.getArticle().getId().getBytes(StandardCharsets.UTF_8),
                    pipeline.topics().enriched().valueSerde().serializer().serialize(topic, article))).get();
        }
    }

    private static List<PublishedArticle> versions(PrefixedPipeline pipeline, String id) {
        String topic = pipeline.name(TopicId.PUBLISHED);
        var values = pipeline.topics().published().valueSerde().deserializer();
        return pipeline.readCommitted(topic).stream()
                .filter(record -> id.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .map(record -> values.deserialize(topic, record.value())).toList();
    }

    private static PublishedArticle latest(PrefixedPipeline pipeline, String id) {
        List<PublishedArticle> versions = versions(pipeline, id);
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }
}
