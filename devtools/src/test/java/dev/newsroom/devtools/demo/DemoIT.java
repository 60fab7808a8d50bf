package dev.newsroom.devtools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's path end to end on the real broker and registry: what `./newsroom demo` shows a user. */
@WithKafkaStack
class DemoIT {

    @TempDir
    Path work;

    @Test
    void theSamplesArePublishedWithTheirEntitiesAndSectionsAndAKillReachesTheSiteAndLeavesTheFeed(KafkaStack stack)
            throws Exception {
        StringWriter printed = new StringWriter();

        Demo.Report report = new Demo(stack, Path.of("..", "samples"), work, KafkaStack.uniqueName("demo") + ".",
                new PrintWriter(printed, true)).run();

        String text = printed.toString();
        assertThat(text).contains("هجوم تدمر يكشف ملامح تعاون أمريكي سوري في مكافحة الإرهاب");
        assertThat(text).contains("Donald Trump", "Tom Barrack", "Elias Hanna");
        assertThat(text).contains("Palmyra", "Homs", "Damascus");
        assertThat(text).contains("Islamic State", "US Central Command");
        assertThat(text).contains("conflict, war and peace", "politics");
        assertThat(text).contains("signature verified");
        assertThat(report.published()).extracting(PublishedArticle::getPubstatus).contains(Pubstatus.usable);
        assertThat(report.deliveries()).allMatch(WebhookReceiver.Delivery::signatureValid);
        assertThat(report.killReachedWebhook()).isTrue();
        assertThat(report.killedLeftFeed()).isTrue();
        assertThat(text).contains("article.killed received, signature verified");
    }
}
