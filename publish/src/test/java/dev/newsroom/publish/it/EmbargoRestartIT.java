package dev.newsroom.publish.it;

import static dev.newsroom.publish.fixtures.Articles.arabic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.publish.it.WebhookReceiver.Request;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.ModerationEventType;
import dev.newsroom.schemas.PublicationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An embargo is kept in the changelogged stores, so it ends on time after a restart on a fresh machine. */
@WithKafkaStack
class EmbargoRestartIT {

    @TempDir
    Path dir;

    @Test
    void anEmbargoEndsOnTimeAfterTheServiceRestartedWithoutItsLocalState(KafkaStack stack) {
        try (WebhookReceiver site = WebhookReceiver.start(); PublishHarness publish = new PublishHarness(stack, dir)) {
            publish.outlets("outlets:\n  - {name: site, kind: webhook, url: '" + site.url() + "'}\n");
            publish.env("NEWSROOM_OUTLET_SITE_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            publish.start();
            String id = "embargo:palmyra";
            publish.publish(arabic(id));
            await().atMost(Duration.ofSeconds(60)).until(() -> site.requests().size() == 1);

            Instant until = Instant.now().plusSeconds(20);
            publish.moderate(Articles.embargo(id, until));
            await().atMost(Duration.ofSeconds(30)).until(() -> site.requests().size() == 2);
            assertThat(site.requests().get(1).event()).isEqualTo("article.withheld");
            assertThat(site.requests().get(1).json().at("/data/embargoed").asText()).isNotEmpty();

            publish.stop();
            publish.set("newsroom.state.dir", dir.resolve("state-after-restart").toString());
            Instant restarted = Instant.now();
            publish.start();

            await().atMost(Duration.ofSeconds(90)).until(() -> site.requests().size() == 3);
            Request released = site.requests().get(2);
            assertThat(released.event()).isEqualTo("article.released");
            assertThat(released.receivedAt()).isAfterOrEqualTo(until).isAfter(restarted);
            assertThat(released.json().at("/data/pubstatus").asText()).isEqualTo("usable");

            List<ConsumerRecord<String, PublishedArticle>> log = publish.read(
                    publish.topics().name(TopicId.PUBLISHED), publish.topics().published().valueSerde().deserializer(),
                    records -> records.size() >= 3, Duration.ofSeconds(30));
            assertThat(log).extracting(r -> r.value().getEvent()).containsExactly(PublicationEvent.PUBLISHED,
                    PublicationEvent.WITHHELD, PublicationEvent.RELEASED);
            assertThat(log.get(1).value().getEmbargoUntil()).isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(log.get(2).value().getPubstatus()).isEqualTo(Pubstatus.usable);
            List<ConsumerRecord<String, ModerationEvent>> events = publish.read(
                    publish.topics().name(TopicId.MODERATION_EVENTS),
                    publish.topics().moderationEvents().valueSerde().deserializer(), records -> records.size() >= 2,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(r -> r.value().getType())
                    .containsExactly(ModerationEventType.EMBARGOED, ModerationEventType.EMBARGO_LIFTED);
        }
    }
}
