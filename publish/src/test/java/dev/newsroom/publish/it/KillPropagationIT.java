package dev.newsroom.publish.it;

import static dev.newsroom.publish.fixtures.Articles.arabic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.publish.it.WebhookReceiver.Request;
import dev.newsroom.publish.topology.PublishTopology;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.ModerationEventType;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kill reaches every outlet that had the article, and the Kafka outputs hold each version exactly once. */
@WithKafkaStack
class KillPropagationIT {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;

    @Test
    void aKillReachesTheWebhookTheKafkaOutletAndTheFeedAndEachVersionIsWrittenOnce(KafkaStack stack) throws Exception {
        Path feeds = dir.resolve("feeds");
        try (WebhookReceiver site = WebhookReceiver.start(); PublishHarness publish = new PublishHarness(stack, dir)) {
            String wire = publish.prefix() + ".outlet.wire";
            publish.outlets("""
                    outlets:
                      - name: site
                        kind: webhook
                        url: %s
                      - name: wire
                        kind: kafka
                        topic: %s
                      - name: feed-ar
                        kind: feed
                        title: أخبار
                        link: https://akhbar.example/
                        filters: {languages: [ar]}
                        directory: %s
                    """.formatted(site.url(), wire, feeds));
            publish.env("NEWSROOM_OUTLET_SITE_SECRET", SECRET);
            publish.start();
            String killed = "kill:palmyra";
            String kept = "kill:aleppo";

            publish.publish(arabic(killed));
            publish.publish(arabic(kept));
            await().atMost(Duration.ofSeconds(60)).until(() -> site.requests().size() == 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var rss = publish.get("/feeds/feed-ar.rss");
                return rss.statusCode() == 200 && rss.body().contains(NinjsWriter.uriFor(killed))
                        && rss.body().contains(NinjsWriter.uriFor(kept));
            });

            publish.moderate(Articles.command(killed, ModerationAction.KILL));

            await().atMost(Duration.ofSeconds(60)).until(() -> site.requests().size() == 3);
            Request kill = site.requests().get(2);
            assertThat(kill.event()).isEqualTo("article.killed");
            assertThat(kill.article()).isEqualTo(NinjsWriter.uriFor(killed));
            assertThat(kill.json().at("/data/pubstatus").asText()).isEqualTo("canceled");
            assertThat(kill.json().at("/data/ednote").asText()).isEqualTo("Killed: Legal: wrong casualty figures");
            // The served formats change together, but the files are written one after the other afterwards.
            for (String format : List.of("rss", "atom", "json")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(publish.get("/feeds/feed-ar." + format).body())
                            .doesNotContain(NinjsWriter.uriFor(killed)).contains(NinjsWriter.uriFor(kept));
                    assertThat(Files.readString(feeds.resolve("feed-ar." + format)))
                            .doesNotContain(NinjsWriter.uriFor(killed)).contains(NinjsWriter.uriFor(kept));
                });
            }

            List<ConsumerRecord<String, String>> copies = publish.read(wire, new StringDeserializer(),
                    records -> records.size() >= 3, Duration.ofSeconds(30));
            assertThat(copies).extracting(r -> r.key() + " v" + header(r, PublishTopology.VERSION_HEADER) + " "
                            + header(r, PublishTopology.EVENT_HEADER) + " " + header(r, PublishTopology.PUBSTATUS_HEADER))
                    .containsExactlyInAnyOrder(killed + " v1 article.published usable", kept + " v1 article.published usable",
                            killed + " v2 article.killed canceled");
            List<ConsumerRecord<String, PublishedArticle>> log = publish.read(
                    publish.topics().name(TopicId.PUBLISHED), publish.topics().published().valueSerde().deserializer(),
                    records -> records.size() >= 3, Duration.ofSeconds(30));
            assertThat(log).extracting(r -> r.key() + " v" + r.value().getVersion())
                    .containsExactlyInAnyOrder(killed + " v1", kept + " v1", killed + " v2");
            assertThat(log.stream().filter(r -> r.value().getVersion() == 2).findFirst().orElseThrow().value().getOutlets())
                    .containsExactly("feed-ar", "site", "wire");
            List<ConsumerRecord<String, ModerationEvent>> events = publish.read(
                    publish.topics().name(TopicId.MODERATION_EVENTS),
                    publish.topics().moderationEvents().valueSerde().deserializer(), records -> records.size() >= 1,
                    Duration.ofSeconds(30));
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.value().getType()).isEqualTo(ModerationEventType.KILLED);
                assertThat(event.value().getOutlets()).containsExactly("feed-ar", "site", "wire");
            });
        }
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
