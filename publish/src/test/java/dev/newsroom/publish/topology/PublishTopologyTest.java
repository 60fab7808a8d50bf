package dev.newsroom.publish.topology;

import static dev.newsroom.publish.fixtures.Articles.advisory;
import static dev.newsroom.publish.fixtures.Articles.arabic;
import static dev.newsroom.publish.fixtures.Articles.beforeArrival;
import static dev.newsroom.publish.fixtures.Articles.command;
import static dev.newsroom.publish.fixtures.Articles.correction;
import static dev.newsroom.publish.fixtures.Articles.embargo;
import static dev.newsroom.publish.fixtures.Articles.english;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.platform.ninjs.NinjsSchemaValidator;
import dev.newsroom.platform.testing.TopologyTestStack;
import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.publish.outlet.AdvisoryPolicy;
import dev.newsroom.publish.outlet.FeedOutlet;
import dev.newsroom.publish.outlet.KafkaOutlet;
import dev.newsroom.publish.outlet.OutletFilter;
import dev.newsroom.publish.outlet.OutletFilter.SectionRule;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.outlet.WebhookOutlet;
import dev.newsroom.publish.publication.Publisher;
import dev.newsroom.publish.outlet.RetrySchedule;
import dev.newsroom.publish.outlet.WebhookSecret;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.ModerationEventType;
import dev.newsroom.schemas.PublicationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderation state machine and the publication rule, through the real topology with its stores. */
class PublishTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final String ID = "akhbar.example:palmyra";

    @TempDir
    Path stateDir;

    private TopologyTestStack stack;
    private TopologyTestDriver driver;
    private TopicCatalogue topics;
    private TestInputTopic<String, EnrichedArticle> enriched;
    private TestInputTopic<String, ModerationCommand> commands;
    private TestOutputTopic<String, PublishedArticle> published;
    private TestOutputTopic<String, ModerationEvent> events;
    private TestOutputTopic<String, DeliveryReceipt> receipts;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private TestOutputTopic<String, String> wireAr;
    private TestOutputTopic<String, String> wireAll;

    /** Arabic wire (conflict at 50+, holds graphic content), everything wire, Arabic site webhook, English feed. */
    static Outlets outlets() {
        return new Outlets(List.of(
                new KafkaOutlet("wire-ar", new OutletFilter(List.of("ar"),
                        List.of(new SectionRule("medtop:16000000", 50)), List.of()),
                        new AdvisoryPolicy(Set.of(AdvisoryKind.GRAPHIC)), "outlet.wire-ar"),
                new KafkaOutlet("wire-all", OutletFilter.EVERYTHING, AdvisoryPolicy.PUBLISH_WITH_ADVISORY,
                        "outlet.wire-all"),
                new WebhookOutlet("site-ar", new OutletFilter(List.of("ar"), List.of(), List.of()),
                        AdvisoryPolicy.PUBLISH_WITH_ADVISORY, URI.create("http://127.0.0.1:9/hook"),
                        List.of(WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                        RetrySchedule.DEFAULT, Duration.ofSeconds(10), 8, 1000),
                new FeedOutlet("feed-en", new OutletFilter(List.of("en"), List.of(), List.of("wire.example")),
                        AdvisoryPolicy.PUBLISH_WITH_ADVISORY, "Wire", "Wire", URI.create("https://wire.example/"),
                        "en", 20, null)));
    }

    @BeforeEach
    void start() {
        stack = TopologyTestStack.start(Stage.PUBLISH, "newsroom-publish", stateDir, START,
                catalogue -> PublishTopology.build(catalogue, outlets(), Duration.ofSeconds(1)));
        topics = stack.topics();
        driver = stack.driver();
        enriched = driver.createInputTopic(topics.name(TopicId.ENRICHED), Serdes.String().serializer(),
                topics.enriched().valueSerde().serializer());
        commands = driver.createInputTopic(topics.name(TopicId.MODERATION_COMMANDS), Serdes.String().serializer(),
                topics.moderationCommands().valueSerde().serializer());
        published = driver.createOutputTopic(topics.name(TopicId.PUBLISHED), Serdes.String().deserializer(),
                topics.published().valueSerde().deserializer());
        events = driver.createOutputTopic(topics.name(TopicId.MODERATION_EVENTS), Serdes.String().deserializer(),
                topics.moderationEvents().valueSerde().deserializer());
        receipts = driver.createOutputTopic(topics.name(TopicId.DELIVERIES), Serdes.String().deserializer(),
                topics.deliveries().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.name(TopicId.DEADLETTER), Serdes.String().deserializer(),
                topics.deadLetters().valueSerde().deserializer());
        wireAr = driver.createOutputTopic("outlet.wire-ar", Serdes.String().deserializer(), Serdes.String().deserializer());
        wireAll = driver.createOutputTopic("outlet.wire-all", Serdes.String().deserializer(),
                Serdes.String().deserializer());
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void aNewArticleIsPublishedOnceToEveryOutletThatWantsItAsValidNinjs() throws Exception {
        enriched.pipeInput(ID, arabic(ID));

        PublishedArticle version = published.readValue();
        assertThat(version.getVersion()).isEqualTo(1);
        assertThat(version.getEvent()).isEqualTo(PublicationEvent.PUBLISHED);
        assertThat(version.getPubstatus()).isEqualTo(Pubstatus.usable);
        assertThat(version.getOutlets()).containsExactly("site-ar", "wire-all", "wire-ar");
        assertThat(NinjsSchemaValidator.problems(version.getNinjs())).isEmpty();
        JsonNode ninjs = JSON.readTree(version.getNinjs());
        assertThat(ninjs.get("version").asText()).isEqualTo("1");
        assertThat(ninjs.get("pubstatus").asText()).isEqualTo("usable");
        assertThat(ninjs.get("language").asText()).isEqualTo("ar");

        TestRecord<String, String> copy = wireAr.readRecord();
        assertThat(copy.key()).isEqualTo(ID);
        assertThat(copy.value()).isEqualTo(version.getNinjs());
        assertThat(header(copy.headers(), PublishTopology.EVENT_HEADER)).isEqualTo("article.published");
        assertThat(header(copy.headers(), PublishTopology.PUBSTATUS_HEADER)).isEqualTo("usable");
        assertThat(wireAll.readValuesToList()).hasSize(1);
        assertThat(receipts.readValuesToList()).extracting(DeliveryReceipt::getOutlet, DeliveryReceipt::getOutcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("wire-ar", DeliveryOutcome.DELIVERED),
                        org.assertj.core.groups.Tuple.tuple("wire-all", DeliveryOutcome.DELIVERED));
        assertThat(published.isEmpty()).isTrue();
    }

    @Test
    void aReplayWithTheSameContentPublishesNothingAndAChangePublishesAnUpdate() throws Exception {
        EnrichedArticle original = arabic(ID);
        enriched.pipeInput(ID, original);
        published.readValue();
        wireAr.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(5));
        enriched.pipeInput(ID, Articles.reEnriched(original));
        assertThat(published.isEmpty()).as("same content, new enricher run: nothing new").isTrue();
        assertThat(wireAr.isEmpty()).isTrue();

        enriched.pipeInput(ID, Articles.withHeadline(original, "عنوان مصحح", 2));
        PublishedArticle update = published.readValue();
        assertThat(update.getVersion()).isEqualTo(2);
        assertThat(update.getEvent()).isEqualTo(PublicationEvent.UPDATED);
        assertThat(JSON.readTree(update.getNinjs()).at("/headlines/0/value").asText()).isEqualTo("عنوان مصحح");
        assertThat(header(wireAr.readRecord().headers(), PublishTopology.EVENT_HEADER)).isEqualTo("article.updated");

        enriched.pipeInput(ID, original);
        assertThat(published.isEmpty()).as("an older version replayed late does not replace the newer one").isTrue();
    }

    @Test
    void aRepeatedCommandIdIsAppliedOnce() {
        enriched.pipeInput(ID, arabic(ID));
        published.readValue();
        ModerationCommand hold = command(ID, ModerationAction.HOLD);

        commands.pipeInput(ID, hold);
        commands.pipeInput(ID, hold);
        commands.pipeInput(ID, hold);

        assertThat(published.readValuesToList()).singleElement()
                .satisfies(version -> assertThat(version.getEvent()).isEqualTo(PublicationEvent.WITHHELD));
        assertThat(events.readValuesToList()).singleElement()
                .satisfies(event -> assertThat(event.getCommandId()).isEqualTo(hold.getCommandId()));
    }

    @Test
    void aHoldWithholdsTheArticleFromTheOutletsThatHadItAndAReleaseBringsItBack() throws Exception {
        enriched.pipeInput(ID, arabic(ID));
        published.readValue();
        wireAr.readValuesToList();

        commands.pipeInput(ID, command(ID, ModerationAction.HOLD));
        PublishedArticle withheld = published.readValue();
        assertThat(withheld.getVersion()).isEqualTo(2);
        assertThat(withheld.getPubstatus()).isEqualTo(Pubstatus.withheld);
        assertThat(withheld.getEvent()).isEqualTo(PublicationEvent.WITHHELD);
        assertThat(withheld.getOutlets()).containsExactly("site-ar", "wire-all", "wire-ar");
        JsonNode notice = JSON.readTree(withheld.getNinjs());
        assertThat(notice.has("bodies")).as("a withheld article is not redistributed").isFalse();
        assertThat(notice.get("ednote").asText()).isEqualTo("Withheld: editor's decision");
        assertThat(NinjsSchemaValidator.problems(withheld.getNinjs())).isEmpty();
        assertThat(header(wireAr.readRecord().headers(), PublishTopology.PUBSTATUS_HEADER)).isEqualTo("withheld");
        ModerationEvent held = events.readValue();
        assertThat(held.getType()).isEqualTo(ModerationEventType.HELD);
        assertThat(held.getVersion()).isEqualTo(2);
        assertThat(held.getOutlets()).containsExactly("site-ar", "wire-all", "wire-ar");

        enriched.pipeInput(ID, Articles.withHeadline(arabic(ID), "تحديث أثناء الحجب", 2));
        assertThat(published.isEmpty()).as("content changes while held stay held").isTrue();

        commands.pipeInput(ID, command(ID, ModerationAction.RELEASE));
        PublishedArticle released = published.readValue();
        assertThat(released.getVersion()).isEqualTo(3);
        assertThat(released.getEvent()).isEqualTo(PublicationEvent.RELEASED);
        assertThat(released.getPubstatus()).isEqualTo(Pubstatus.usable);
        assertThat(JSON.readTree(released.getNinjs()).at("/headlines/0/value").asText()).isEqualTo("تحديث أثناء الحجب");
        assertThat(events.readValue().getType()).isEqualTo(ModerationEventType.RELEASED);
    }

    @Test
    void aKillReachesEveryOutletThatHadTheArticleAndIsFinal() throws Exception {
        enriched.pipeInput(ID, arabic(ID));
        published.readValue();
        wireAr.readValuesToList();
        wireAll.readValuesToList();

        commands.pipeInput(ID, command(ID, ModerationAction.KILL));
        PublishedArticle killed = published.readValue();
        assertThat(killed.getPubstatus()).isEqualTo(Pubstatus.canceled);
        assertThat(killed.getEvent()).isEqualTo(PublicationEvent.KILLED);
        assertThat(killed.getOutlets()).containsExactly("site-ar", "wire-all", "wire-ar");
        assertThat(JSON.readTree(killed.getNinjs()).get("ednote").asText())
                .isEqualTo("Killed: Legal: wrong casualty figures");
        assertThat(header(wireAr.readRecord().headers(), PublishTopology.EVENT_HEADER)).isEqualTo("article.killed");
        assertThat(header(wireAll.readRecord().headers(), PublishTopology.EVENT_HEADER)).isEqualTo("article.killed");
        ModerationEvent event = events.readValue();
        assertThat(event.getType()).isEqualTo(ModerationEventType.KILLED);
        assertThat(event.getReason()).isEqualTo("Legal: wrong casualty figures");

        enriched.pipeInput(ID, Articles.withHeadline(arabic(ID), "محاولة إعادة النشر", 2));
        assertThat(published.isEmpty()).as("new content does not resurrect a killed article").isTrue();

        commands.pipeInput(ID, command(ID, ModerationAction.RELEASE));
        assertThat(published.isEmpty()).isTrue();
        DeadLetter refused = deadLetters.readValue();
        assertThat(refused.getStage()).isEqualTo(Stage.MODERATION);
        assertThat(refused.getReason()).contains("RELEASE").contains("killed").contains("a kill is final");
    }

    @Test
    void aCorrectionIsANewVersionWithTheNoteAndACorrectionEvent() throws Exception {
        enriched.pipeInput(ID, arabic(ID));
        published.readValue();

        commands.pipeInput(ID, correction(ID, "صُحّح عدد الضحايا"));

        PublishedArticle corrected = published.readValue();
        assertThat(corrected.getVersion()).isEqualTo(2);
        assertThat(corrected.getEvent()).isEqualTo(PublicationEvent.CORRECTED);
        assertThat(corrected.getCorrectionNote()).isEqualTo("صُحّح عدد الضحايا");
        JsonNode ninjs = JSON.readTree(corrected.getNinjs());
        assertThat(ninjs.get("descriptions").findValuesAsText("role")).contains("correction");
        assertThat(corrected.getNinjs()).contains("صُحّح عدد الضحايا");
        assertThat(NinjsSchemaValidator.problems(corrected.getNinjs())).isEmpty();
        ModerationEvent event = events.readValue();
        assertThat(event.getType()).isEqualTo(ModerationEventType.CORRECTED);
        assertThat(event.getNote()).isEqualTo("صُحّح عدد الضحايا");
    }

    @Test
    void commandsThatArriveBeforeTheirArticleWaitForItAndAKillIsNeverLost() {
        String early = "akhbar.example:early";
        ModerationCommand kill = beforeArrival(command(early, ModerationAction.KILL));
        commands.pipeInput(early, kill);
        assertThat(published.isEmpty()).isTrue();
        ModerationEvent waiting = events.readValue();
        assertThat(waiting.getType()).isEqualTo(ModerationEventType.COMMAND_WAITING);
        assertThat(waiting.getCommandId()).isEqualTo(kill.getCommandId());
        assertThat(waiting.getExpiresAt()).isEqualTo(START.plus(Publisher.DEFAULT_WAIT_LIMIT));

        enriched.pipeInput(early, arabic(early));

        PublishedArticle version = published.readValue();
        assertThat(version.getPubstatus()).isEqualTo(Pubstatus.canceled);
        assertThat(version.getOutlets()).as("no outlet ever had it").isEmpty();
        assertThat(wireAr.isEmpty()).isTrue();
        ModerationEvent killed = events.readValue();
        assertThat(killed.getType()).isEqualTo(ModerationEventType.KILLED);
        assertThat(killed.getCommandId()).isEqualTo(kill.getCommandId());

        String embargoed = "akhbar.example:embargoed";
        commands.pipeInput(embargoed, beforeArrival(embargo(embargoed, START.plus(Duration.ofHours(1)))));
        assertThat(events.readValue().getType()).isEqualTo(ModerationEventType.COMMAND_WAITING);
        enriched.pipeInput(embargoed, arabic(embargoed));
        PublishedArticle withheld = published.readValue();
        assertThat(withheld.getPubstatus()).isEqualTo(Pubstatus.withheld);
        assertThat(withheld.getEmbargoUntil()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(events.readValue().getType()).isEqualTo(ModerationEventType.EMBARGOED);
        assertThat(wireAr.isEmpty()).isTrue();
    }

    @Test
    void anEmbargoIsReleasedByTheWallClockAndAReplacedEmbargoWaitsForItsNewTime() throws Exception {
        enriched.pipeInput(ID, arabic(ID));
        published.readValue();
        Instant firstUntil = START.plus(Duration.ofMinutes(10));
        Instant secondUntil = START.plus(Duration.ofMinutes(30));

        commands.pipeInput(ID, embargo(ID, firstUntil));
        PublishedArticle withheld = published.readValue();
        assertThat(withheld.getPubstatus()).isEqualTo(Pubstatus.withheld);
        assertThat(JSON.readTree(withheld.getNinjs()).get("embargoed").asText()).isEqualTo("2026-11-28T10:10:00Z");
        assertThat(NinjsSchemaValidator.problems(withheld.getNinjs())).isEmpty();
        commands.pipeInput(ID, embargo(ID, secondUntil));
        published.readValuesToList();
        events.readValuesToList();

        driver.advanceWallClockTime(Duration.ofMinutes(11));
        assertThat(published.isEmpty()).as("the first embargo was replaced").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(20));
        PublishedArticle released = published.readValue();
        assertThat(released.getPubstatus()).isEqualTo(Pubstatus.usable);
        assertThat(released.getEvent()).isEqualTo(PublicationEvent.RELEASED);
        assertThat(released.getEmbargoUntil()).isNull();
        ModerationEvent lifted = events.readValue();
        assertThat(lifted.getType()).isEqualTo(ModerationEventType.EMBARGO_LIFTED);
        assertThat(lifted.getCommandId()).isNull();
        assertThat(lifted.getUntil()).isEqualTo(secondUntil);

        driver.advanceWallClockTime(Duration.ofMinutes(30));
        assertThat(published.isEmpty()).isTrue();
    }

    @Test
    void anOutletThatHoldsAnAdvisoryGetsTheArticleOnlyWhenReleasedWhileOthersGetItLabelled() throws Exception {
        enriched.pipeInput(ID, Articles.withAdvisory(arabic(ID), AdvisoryKind.GRAPHIC, "صور صادمة"));

        PublishedArticle first = published.readValue();
        assertThat(first.getOutlets()).containsExactly("site-ar", "wire-all");
        JsonNode ninjs = JSON.readTree(first.getNinjs());
        assertThat(ninjs.get("descriptions").findValuesAsText("value"))
                .contains("تنبيه: يتضمن هذا الخبر تفاصيل قد تكون صادمة لبعض القرّاء.");
        assertThat(first.getNinjs()).doesNotContain("صور صادمة");
        assertThat(first.getAdvisories()).extracting(a -> a.getReason()).containsExactly("صور صادمة");
        assertThat(wireAr.isEmpty()).isTrue();

        commands.pipeInput(ID, command(ID, ModerationAction.RELEASE));
        PublishedArticle released = published.readValue();
        assertThat(released.getEvent()).isEqualTo(PublicationEvent.RELEASED);
        assertThat(released.getOutlets()).containsExactly("site-ar", "wire-all", "wire-ar");
        assertThat(header(wireAr.readRecord().headers(), PublishTopology.EVENT_HEADER)).isEqualTo("article.released");

        String other = "akhbar.example:other";
        enriched.pipeInput(other, arabic(other));
        published.readValue();
        commands.pipeInput(other, advisory(other, AdvisoryKind.VIOLENCE, "وصف للعنف"));
        PublishedArticle labelled = published.readValue();
        assertThat(labelled.getEvent()).isEqualTo(PublicationEvent.UPDATED);
        assertThat(labelled.getAdvisories()).extracting(a -> a.getKind()).containsExactly(AdvisoryKind.VIOLENCE);
        assertThat(JSON.readTree(labelled.getNinjs()).get("descriptions").findValuesAsText("value"))
                .as("an editor's advisory keeps the editor's words").contains("وصف للعنف");
    }

    @Test
    void filtersChooseOutletsByLanguageSectionRelevanceAndSource() {
        enriched.pipeInput("wire:cup", english("wire:cup"));
        assertThat(published.readValue().getOutlets()).containsExactly("feed-en", "wire-all");

        EnrichedArticle lowRelevance = EnrichedArticle.newBuilder(arabic("akhbar.example:aside"))
                .setSubjects(List.of(new dev.newsroom.schemas.Subject(Articles.CONFLICT.getCode(),
                        Articles.CONFLICT.getUri(), Articles.CONFLICT.getName(), 30)))
                .build();
        enriched.pipeInput("akhbar.example:aside", lowRelevance);
        assertThat(published.readValue().getOutlets()).as("conflict at 30 is below wire-ar's 50")
                .containsExactly("site-ar", "wire-all");

        EnrichedArticle otherSource = EnrichedArticle.newBuilder(english("other:cup"))
                .setArticle(dev.newsroom.schemas.Article.newBuilder(english("other:cup").getArticle())
                        .setSource("other.example").build())
                .build();
        enriched.pipeInput("other:cup", otherSource);
        assertThat(published.readValue().getOutlets()).containsExactly("wire-all");
    }

    @Test
    void invalidCommandsAreDeadLetteredWithTheReasonAndTheirBytes() {
        ModerationCommand unknown = command(ID, ModerationAction.UNKNOWN);
        ModerationCommand embargoWithoutUntil = command(ID, ModerationAction.EMBARGO);
        ModerationCommand correctWithoutNote = command(ID, ModerationAction.CORRECT);
        byte[] unknownBytes = topics.moderationCommands().valueSerde().serializer()
                .serialize(topics.name(TopicId.MODERATION_COMMANDS), unknown);

        commands.pipeInput(ID, unknown);
        commands.pipeInput(ID, embargoWithoutUntil);
        commands.pipeInput(ID, correctWithoutNote);
        commands.pipeInput("some-other-key", command(ID, ModerationAction.HOLD));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getReason).satisfiesExactly(
                reason -> assertThat(reason).contains("unknown action"),
                reason -> assertThat(reason).contains("EMBARGO without 'until'"),
                reason -> assertThat(reason).contains("CORRECT without a correction note"),
                reason -> assertThat(reason).contains("keyed by the article they name"));
        DeadLetter first = letters.get(0);
        assertThat(first.getStage()).isEqualTo(Stage.MODERATION);
        assertThat(first.getOriginalTopic()).isEqualTo(topics.name(TopicId.MODERATION_COMMANDS));
        assertThat(first.getOriginalOffset()).isZero();
        assertThat(bytes(first.getOriginalValue())).isEqualTo(unknownBytes);
        assertThat(first.getDetails()).containsEntry("commandId", unknown.getCommandId()).containsEntry("action", "UNKNOWN");
        assertThat(published.isEmpty()).isTrue();
        assertThat(events.readValuesToList()).as("each still ends in an event, for the editor waiting for it")
                .allSatisfy(event -> assertThat(event.getType()).isEqualTo(ModerationEventType.COMMAND_REJECTED))
                .extracting(ModerationEvent::getDetail).satisfiesExactly(
                        detail -> assertThat(detail).contains("unknown action"),
                        detail -> assertThat(detail).contains("EMBARGO without 'until'"),
                        detail -> assertThat(detail).contains("CORRECT without a correction note"),
                        detail -> assertThat(detail).contains("keyed by the article they name"));
    }

    @Test
    void anEditorMayNameTheArticleByItsUriItsUrlOrItsGuid() throws Exception {
        String url = "https://akhbar.example/2026/11/28/palmyra/";
        enriched.pipeInput(ID, Articles.named(arabic(ID), url, "akhbar-4411"));
        PublishedArticle first = published.readValue();
        String uri = JSON.readTree(first.getNinjs()).get("uri").asText();
        assertThat(uri).isEqualTo("urn:newsroom:article:akhbar.example%3Apalmyra");

        for (String name : List.of(uri, "http://AKHBAR.example/2026/11/28/palmyra?utm_source=x#top", "akhbar-4411")) {
            commands.pipeInput(name, command(name, ModerationAction.HOLD));
            assertThat(published.readValue().getPubstatus()).as("held by %s", name).isEqualTo(Pubstatus.withheld);
            ModerationEvent held = events.readValue();
            assertThat(held.getType()).isEqualTo(ModerationEventType.HELD);
            assertThat(held.getArticleId()).isEqualTo(ID);
            assertThat(held.getReference()).isEqualTo(name);
            commands.pipeInput(ID, command(ID, ModerationAction.RELEASE));
            assertThat(published.readValue().getPubstatus()).isEqualTo(Pubstatus.usable);
            events.readValue();
        }
    }

    @Test
    void aMistypedNameIsRejectedWithTheReasonAndNothingWaits() {
        enriched.pipeInput(ID, arabic(ID));
        published.readValue();
        String typo = "akhbar.example:palmyr";

        commands.pipeInput(typo, command(typo, ModerationAction.HOLD));

        ModerationEvent rejected = events.readValue();
        assertThat(rejected.getType()).isEqualTo(ModerationEventType.COMMAND_REJECTED);
        assertThat(rejected.getDetail()).contains("No article is known as 'akhbar.example:palmyr'")
                .contains("--before-arrival");
        assertThat(published.isEmpty()).isTrue();
        enriched.pipeInput(typo, arabic(typo));
        assertThat(published.readValue().getPubstatus()).as("the mistaken hold did not wait for it")
                .isEqualTo(Pubstatus.usable);
    }

    @Test
    void aKillWaitingUnderAUrlReachesTheStoryThatArrivesWithThatUrl() {
        String url = "https://akhbar.example/2026/11/28/late/";
        ModerationCommand kill = beforeArrival(command(url, ModerationAction.KILL));
        commands.pipeInput(url, kill);
        assertThat(events.readValue().getType()).isEqualTo(ModerationEventType.COMMAND_WAITING);

        enriched.pipeInput(ID, Articles.named(arabic(ID), url, "akhbar-5000"));
        published.readValuesToList();
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        PublishedArticle killed = published.readValuesToList().get(0);
        assertThat(killed.getPubstatus()).isEqualTo(Pubstatus.canceled);
        ModerationEvent event = events.readValue();
        assertThat(event.getType()).isEqualTo(ModerationEventType.KILLED);
        assertThat(event.getCommandId()).isEqualTo(kill.getCommandId());
        assertThat(event.getReference()).isEqualTo(url);
    }

    @Test
    void aWaitingCommandCanBeCancelledAndOtherwiseExpires() {
        ModerationCommand hold = beforeArrival(command("wire:1", ModerationAction.HOLD));
        commands.pipeInput("wire:1", hold);
        events.readValue();
        commands.pipeInput("wire:1", Articles.cancel("wire:1", hold.getCommandId()));
        ModerationEvent cancelled = events.readValue();
        assertThat(cancelled.getType()).isEqualTo(ModerationEventType.COMMAND_CANCELLED);
        assertThat(cancelled.getCommandId()).isEqualTo(hold.getCommandId());
        commands.pipeInput("wire:1", Articles.cancel("wire:1", hold.getCommandId()));
        assertThat(events.readValue().getDetail()).contains("is not waiting");
        enriched.pipeInput("wire:1", arabic("wire:1"));
        assertThat(published.readValue().getPubstatus()).isEqualTo(Pubstatus.usable);

        ModerationCommand kill = beforeArrival(command("wire:2", ModerationAction.KILL));
        commands.pipeInput("wire:2", kill);
        events.readValue();
        driver.advanceWallClockTime(Publisher.DEFAULT_WAIT_LIMIT.plusSeconds(1));
        ModerationEvent expired = events.readValue();
        assertThat(expired.getType()).isEqualTo(ModerationEventType.COMMAND_EXPIRED);
        assertThat(expired.getCommandId()).isEqualTo(kill.getCommandId());
        enriched.pipeInput("wire:2", arabic("wire:2"));
        assertThat(published.readValue().getPubstatus()).isEqualTo(Pubstatus.usable);
    }

    @Test
    void suggestionsAreForEditorsOnly() throws Exception {
        enriched.pipeInput(ID, Articles.withSuggestion(arabic(ID), AdvisoryKind.GRAPHIC, "graphic trigger: دماء"));

        PublishedArticle first = published.readValue();
        assertThat(first.getAdvisories()).singleElement().satisfies(advisory -> {
            assertThat(advisory.getSuggestion()).isTrue();
            assertThat(advisory.getReason()).contains("دماء");
        });
        assertThat(JSON.readTree(first.getNinjs()).path("descriptions").findValuesAsText("role"))
                .doesNotContain("advisory");
        assertThat(first.getOutlets()).as("a suggestion holds nothing back").contains("wire-ar");
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
