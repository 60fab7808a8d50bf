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
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import dev.newsroom.schemas.registry.SubjectNameStrategy;
import dev.newsroom.schemas.serde.AvroSerde;
import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The one place that knows topic names and their serdes. Names default to DESIGN's and can be overridden per
 * topic with {@link TopicId#configKey()} in the configuration (which the services' configuration also reads from
 * the environment). All value serdes share one registry client, so its caches serve the whole service.
 */
public final class TopicCatalogue {

    private final Map<TopicId, String> names;
    private final SchemaRegistryClient registry;
    private final Map<String, Object> serdeConfig;
    private final SubjectNameStrategy valueSubjects;

    private TopicCatalogue(Map<TopicId, String> names, SchemaRegistryClient registry, Map<String, ?> serdeConfig) {
        this.names = names;
        this.registry = registry;
        this.serdeConfig = Map.copyOf(serdeConfig);
        this.valueSubjects = new SchemaRegistryConfig(serdeConfig).subjectNameStrategy(false);
    }

    /**
     * @param config   service configuration: topic name overrides and the serde settings
     *                 ({@code schema.registry.url}, {@code auto.register.schemas} ...)
     * @param registry the client every serde of this catalogue shares
     */
    public static TopicCatalogue of(Map<String, ?> config, SchemaRegistryClient registry) {
        Map<TopicId, String> names = new EnumMap<>(TopicId.class);
        for (TopicId id : TopicId.values()) {
            Object configured = config.get(id.configKey());
            String name = configured != null ? configured.toString() : id.defaultName();
            if (name.isBlank()) {
                throw new IllegalArgumentException("Topic name for " + id + " (" + id.configKey() + ") is empty");
            }
            names.put(id, name.trim());
        }
        Map<String, Object> serdeConfig = new HashMap<>();
        config.forEach((key, value) -> {
            if (!key.startsWith("newsroom.topic.")) {
                serdeConfig.put(key, value);
            }
        });
        return new TopicCatalogue(names, registry, serdeConfig);
    }

    /**
     * The settings that give every topic the name {@code <prefix><default name>}, so that several pipelines (the
     * demo, a bench run, each test) can share one cluster without meeting.
     */
    public static Map<String, String> prefixed(String prefix) {
        Map<String, String> settings = new HashMap<>();
        for (TopicId id : TopicId.values()) {
            settings.put(id.configKey(), prefix + id.defaultName());
        }
        return settings;
    }

    public String name(TopicId id) {
        return names.get(id);
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    public Topic<String, RawDocument> raw() {
        return topic(TopicId.RAW, RawDocument.class);
    }

    public Topic<String, Article> articles() {
        return topic(TopicId.ARTICLES, Article.class);
    }

    public Topic<String, IngestOutcome> ingestOutcomes() {
        return topic(TopicId.INGEST_OUTCOMES, IngestOutcome.class);
    }

    public Topic<String, EnrichedArticle> enriched() {
        return topic(TopicId.ENRICHED, EnrichedArticle.class);
    }

    public Topic<String, ModerationCommand> moderationCommands() {
        return topic(TopicId.MODERATION_COMMANDS, ModerationCommand.class);
    }

    public Topic<String, PublishedArticle> published() {
        return topic(TopicId.PUBLISHED, PublishedArticle.class);
    }

    public Topic<String, ModerationEvent> moderationEvents() {
        return topic(TopicId.MODERATION_EVENTS, ModerationEvent.class);
    }

    public Topic<String, DeliveryReceipt> deliveries() {
        return topic(TopicId.DELIVERIES, DeliveryReceipt.class);
    }

    public Topic<String, PublishedArticle> publishRedrive() {
        return topic(TopicId.PUBLISH_REDRIVE, PublishedArticle.class);
    }

    public Topic<String, DeadLetter> deadLetters() {
        return topic(TopicId.DEADLETTER, DeadLetter.class);
    }

    public Topic<String, RedriveMarker> redriveMarkers() {
        return topic(TopicId.REDRIVE_MARKERS, RedriveMarker.class);
    }

    public Topic<String, ConsoleAudit> consoleAudit() {
        return topic(TopicId.CONSOLE_AUDIT, ConsoleAudit.class);
    }

    /** The value serde of any topic, for code that handles topics generically (replay, status). */
    public <V extends SpecificRecord> Serde<V> valueSerde(Class<V> type) {
        return AvroSerde.specific(type, registry, serdeConfig, false);
    }

    /**
     * The subject the topic's value schema is registered under: {@code <topic>-value} unless
     * {@value SchemaRegistryConfig#VALUE_SUBJECT_NAME_STRATEGY} chooses another strategy.
     */
    public String valueSubject(TopicId id) {
        return valueSubjects.subject(name(id), false, SpecificData.get().getSchema(id.valueType()));
    }

    /**
     * Registers every topic's value schema under its value subject, so that producers outside the pipeline (a
     * newsroom system writing raw documents) find the contract before any service wrote to the topic.
     *
     * @return each subject with its schema id, in catalogue order
     */
    public Map<String, Integer> registerContracts() {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (TopicId id : TopicId.values()) {
            String subject = valueSubject(id);
            ids.put(subject, registry.register(subject, SpecificData.get().getSchema(id.valueType())));
        }
        return ids;
    }

    /** Specs for every topic of the pipeline, with the given partitions and replication factor. */
    public List<TopicSpec> specs(int partitions, short replicationFactor) {
        return specs(id -> partitions, replicationFactor);
    }

    public List<TopicSpec> specs(Function<TopicId, Integer> partitions, short replicationFactor) {
        return Arrays.stream(TopicId.values())
                .map(id -> new TopicSpec(name(id), partitions.apply(id), replicationFactor, id.topicConfig()))
                .toList();
    }

    private <V extends SpecificRecord> Topic<String, V> topic(TopicId id, Class<V> type) {
        return new Topic<>(id, name(id), Serdes.String(), valueSerde(type));
    }
}
