package dev.newsroom.schemas.topic;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.ConsoleAudit;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.IngestOutcome;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.RedriveMarker;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every topic of the pipeline: its default name, the Avro type of its values and how it is kept. Keys are
 * always plain UTF-8 strings (the article id; on the raw topic the producer's document id).
 */
public enum TopicId {
    /** Takes documents up to 32 MiB, so that oversized ones reach ingest and become dead letters with a reason. */
    RAW("newsroom.raw.v1", RawDocument.class, Map.of("max.message.bytes", String.valueOf(TopicId.LARGE_RECORD_BYTES))),
    ARTICLES("newsroom.articles.v1", Article.class, Map.of()),
    /** Why a raw record (or an item of it) yields no article and no dead letter: what {@code verify} balances with. */
    INGEST_OUTCOMES("newsroom.ingest.outcomes.v1", IngestOutcome.class, Map.of()),
    ENRICHED("newsroom.enriched.v1", EnrichedArticle.class, Map.of()),
    MODERATION_COMMANDS("newsroom.moderation.commands.v1", ModerationCommand.class, Map.of()),
    /**
     * What is live: one record per article, compacted, so a new site can bootstrap from the beginning. Outlets
     * deliver from it too, so compaction waits a week: an outlet that was down for days still sees every version.
     */
    PUBLISHED("newsroom.published.v1", PublishedArticle.class, Map.of(
            "cleanup.policy", "compact",
            "min.compaction.lag.ms", String.valueOf(7L * 24 * 3600 * 1000))),
    MODERATION_EVENTS("newsroom.moderation.events.v1", ModerationEvent.class, Map.of()),
    DELIVERIES("newsroom.deliveries.v1", DeliveryReceipt.class, Map.of()),
    /** Published versions an operator re-drives to one webhook outlet (named in a header), after it parked them. */
    PUBLISH_REDRIVE("newsroom.publish.redrive.v1", PublishedArticle.class, Map.of(
            "retention.ms", String.valueOf(7L * 24 * 3600 * 1000))),
    /** Kept for 30 days: long enough to notice, fix and re-drive; as large as raw, since it carries raw records. */
    DEADLETTER("newsroom.deadletter.v1", DeadLetter.class, Map.of(
            "retention.ms", String.valueOf(30L * 24 * 3600 * 1000),
            "max.message.bytes", String.valueOf(TopicId.LARGE_RECORD_BYTES))),
    /** Which dead letters were re-driven, by which redrive, to where: compacted, one marker per dead letter. */
    REDRIVE_MARKERS("newsroom.deadletter.redriven.v1", RedriveMarker.class, Map.of("cleanup.policy", "compact")),
    /** Who did what in the web console, and how it went: kept a year, for whoever has to answer for an action. */
    CONSOLE_AUDIT("newsroom.console.audit.v1", ConsoleAudit.class, Map.of(
            "retention.ms", String.valueOf(365L * 24 * 3600 * 1000)));

    /** Largest record the raw and dead-letter topics accept (producers writing them need max.request.size this big). */
    public static final int LARGE_RECORD_BYTES = 32 * 1024 * 1024;

    private final String defaultName;
    private final Class<? extends SpecificRecord> valueType;
    private final Map<String, String> topicConfig;

    TopicId(String defaultName, Class<? extends SpecificRecord> valueType, Map<String, String> topicConfig) {
        this.defaultName = defaultName;
        this.valueType = valueType;
        this.topicConfig = topicConfig;
    }

    public String defaultName() {
        return defaultName;
    }

    public Class<? extends SpecificRecord> valueType() {
        return valueType;
    }

    /** Broker-side topic settings this topic needs when it is created. */
    public Map<String, String> topicConfig() {
        return topicConfig;
    }

    /** The role's name in settings, listings and the environment: {@code moderation-commands}. */
    public String role() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Configuration key that overrides the name, e.g. {@code newsroom.topic.moderation-commands}. */
    public String configKey() {
        return "newsroom.topic." + role();
    }

}
