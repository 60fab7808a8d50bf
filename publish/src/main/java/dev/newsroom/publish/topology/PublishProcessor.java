package dev.newsroom.publish.topology;

import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.publish.moderation.AliasIndexer;
import dev.newsroom.publish.moderation.ArticleReference;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.moderation.InvalidCommandException;
import dev.newsroom.publish.notice.ReaderNotices;
import dev.newsroom.publish.outlet.KafkaOutlet;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.publication.DeliveryId;
import dev.newsroom.publish.publication.EventNames;
import dev.newsroom.publish.publication.Outcome;
import dev.newsroom.publish.publication.Publisher;
import dev.newsroom.publish.state.ArticleState;
import dev.newsroom.publish.state.EmbargoKey;
import dev.newsroom.publish.state.WaitingKey;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.DeliveryOutcome;
import dev.newsroom.schemas.DeliveryReceipt;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.ModerationEventType;
import dev.newsroom.schemas.OutletKind;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads enriched articles and moderation commands (both keyed and partitioned by article id, so one task sees
 * everything about an article in order), keeps each article's state, and writes what the {@link Publisher}
 * decides: the published version, moderation events, the Kafka outlets' copies with their receipts, and dead
 * letters for commands that cannot be carried out. A command keyed by another name of its article is looked up in
 * the global alias index and sent on under the article id. Due embargoes are released, and waiting commands
 * expired or sent on, by a wall-clock punctuator reading the time-ordered indexes; the stores are changelogged, so
 * embargoes and waiting commands survive restarts and moves.
 */
final class PublishProcessor implements Processor<String, Object, Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PublishProcessor.class);

    private final Publisher publisher;
    private final Outlets outlets;
    private final Deserializer<ModerationCommand> commands;
    private final Serializer<DeadLetter> deadLetterSerializer;
    private final String deadLetterTopic;
    private final Duration embargoCheckInterval;

    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, ArticleState> articles;
    private KeyValueStore<Bytes, String> embargoes;
    private KeyValueStore<Bytes, String> waiting;
    private ReadOnlyKeyValueStore<String, String> aliases;
    private DeadLetters deadLetters;

    PublishProcessor(Publisher publisher, Outlets outlets, Deserializer<ModerationCommand> commands,
                     Serializer<DeadLetter> deadLetterSerializer, String deadLetterTopic, Duration embargoCheckInterval) {
        this.publisher = publisher;
        this.outlets = outlets;
        this.commands = commands;
        this.deadLetterSerializer = deadLetterSerializer;
        this.deadLetterTopic = deadLetterTopic;
        this.embargoCheckInterval = embargoCheckInterval;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.articles = context.getStateStore(PublishTopology.ARTICLES_STORE);
        this.embargoes = context.getStateStore(PublishTopology.EMBARGOES_STORE);
        this.waiting = context.getStateStore(PublishTopology.WAITING_STORE);
        this.aliases = context.getStateStore(PublishTopology.ALIASES_STORE);
        this.deadLetters = new DeadLetters(Stage.MODERATION, context.applicationId(), deadLetterTopic,
                deadLetterSerializer, new ProcessorClock(context, ZoneOffset.UTC));
        context.schedule(embargoCheckInterval, PunctuationType.WALL_CLOCK_TIME, nowMs -> {
            releaseDueEmbargoes(nowMs);
            reviewWaitingCommands(nowMs);
        });
    }

    /** The processor's own wall clock, so that dead letters carry the time every other decision here is made at. */
    private static final class ProcessorClock extends Clock {
        private final ProcessorContext<?, ?> context;
        private final ZoneId zone;

        ProcessorClock(ProcessorContext<?, ?> context, ZoneId zone) {
            this.context = context;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ProcessorClock(context, other);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(context.currentSystemTimeMs());
        }
    }

    @Override
    public void process(Record<String, Object> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (record.value() instanceof EnrichedArticle enriched) {
            if (!enriched.getArticle().getId().equals(record.key())) {
                throw new IllegalArgumentException("Enriched article '" + enriched.getArticle().getId()
                        + "' has key '" + record.key() + "'; articles must be keyed by their id");
            }
            apply(record.key(), state -> publisher.onArticle(state, enriched, now), record.timestamp());
        } else if (record.value() instanceof byte[] bytes) {
            command(record, bytes, now);
        } else if (record.value() == null) {
            LOG.debug("Ignoring a tombstone for '{}'", record.key());
        }
    }

    private void command(Record<String, Object> record, byte[] bytes, Instant now) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("moderation-commands");
        ModerationCommand decoded = commands.deserialize(topic, bytes);
        EditorCommand command;
        try {
            command = EditorCommand.of(decoded).validated(record.key());
        } catch (InvalidCommandException e) {
            deadLetter(record, bytes, e, decoded.getCommandId(), decoded.getAction().name());
            rejectInvalid(record, decoded, e.getMessage(), now);
            return;
        }
        String key = record.key();
        if (command.action() == ModerationAction.CANCEL) {
            apply(key, state -> publisher.onCancel(key, state, command, now), record.timestamp());
            return;
        }
        ArticleState known = articles.get(key);
        boolean here = known != null && (known.content() != null || known.seen(command.commandId()));
        if (!here) {
            Resolution resolution = resolve(key);
            if (resolution.articleId() != null) {
                sendOn(command, resolution.articleId(), record.timestamp());
                return;
            }
            if (resolution.ambiguity() != null) {
                apply(key, state -> publisher.onUnresolvable(key, state, command, resolution.ambiguity(), now),
                        record.timestamp());
                return;
            }
        }
        Outcome outcome = apply(key, state -> publisher.onCommand(state, command, now), record.timestamp());
        outcome.rejection().ifPresent(reason -> deadLetter(record, bytes, new InvalidCommandException(reason),
                command.commandId(), command.action().name()));
    }

    /** The article another name (ninjs uri, URL, guid) stands for, or why it cannot be told. */
    private record Resolution(String articleId, String ambiguity) {
    }

    private Resolution resolve(String name) {
        Optional<String> fromUri = ArticleReference.idFromUri(name);
        if (fromUri.isPresent() && !fromUri.get().equals(name)) {
            return new Resolution(fromUri.get(), null);
        }
        List<String> ids = new ArrayList<>(AliasIndexer.ids(aliases, ArticleReference.matchKey(name)));
        ids.remove(name);
        if (ids.size() == 1) {
            return new Resolution(ids.get(0), null);
        }
        return new Resolution(null, ids.isEmpty() ? null : "'" + name + "' names " + ids.size() + " articles ("
                + String.join(", ", ids) + "); send the command again with one of these ids");
    }

    /** Sends a command on, keyed by the article it was found to name, to the task that holds that article. */
    private void sendOn(EditorCommand command, String articleId, long timestamp) {
        LOG.info("Command '{}' ({}) names '{}', which is article '{}'; sending it on to that article",
                command.commandId(), command.action(), command.articleId(), articleId);
        context.forward(new Record<>(articleId, command.resolvedTo(articleId).toAvro(), timestamp),
                PublishTopology.RESOLVED_COMMANDS_SINK);
    }

    /** A command that cannot be carried out still ends in an event, so an editor waiting for it is told why. */
    private void rejectInvalid(Record<String, Object> record, ModerationCommand decoded, String reason, Instant now) {
        if (decoded.getCommandId() == null || decoded.getCommandId().isBlank() || record.key() == null) {
            return;
        }
        ArticleState state = Objects.requireNonNullElseGet(articles.get(record.key()), ArticleState::new);
        ModerationEvent event = Publisher.invalid(record.key(), state, decoded, reason, now);
        context.forward(new Record<>(record.key(), event, record.timestamp()), PublishTopology.MODERATION_EVENTS_SINK);
    }

    private void releaseDueEmbargoes(long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        List<EmbargoKey> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, String> index = embargoes.all()) {
            while (index.hasNext()) {
                KeyValue<Bytes, String> entry = index.next();
                EmbargoKey key = EmbargoKey.of(entry.key);
                if (key.until().isAfter(now)) {
                    break;
                }
                due.add(key);
            }
        }
        for (EmbargoKey key : due) {
            embargoes.delete(key.toBytes());
            LOG.info("Embargo on article '{}' until {} has ended", key.articleId(), key.until());
            apply(key.articleId(), state -> publisher.onEmbargoEnd(key.articleId(), state, key.until(), now), nowMs);
        }
    }

    /**
     * Every command still waiting: one whose name now resolves to an article (its article arrived under another
     * name, e.g. a URL that is not its id) is sent on to it; one past its time expires; an index entry whose command
     * left already (applied on arrival, cancelled) is dropped. The index is small: commands rarely wait.
     */
    private void reviewWaitingCommands(long nowMs) {
        Instant now = Instant.ofEpochMilli(nowMs);
        List<KeyValue<WaitingKey, String>> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, String> index = waiting.all()) {
            while (index.hasNext()) {
                KeyValue<Bytes, String> entry = index.next();
                entries.add(KeyValue.pair(WaitingKey.of(entry.key), entry.value));
            }
        }
        for (KeyValue<WaitingKey, String> entry : entries) {
            WaitingKey key = entry.key;
            String name = entry.value;
            ArticleState state = articles.get(name);
            boolean stillWaiting = state != null
                    && state.pending().stream().anyMatch(command -> command.commandId().equals(key.commandId()));
            if (!stillWaiting) {
                waiting.delete(key.toBytes());
                continue;
            }
            Resolution resolution = state.content() == null ? resolve(name) : new Resolution(null, null);
            if (resolution.articleId() != null) {
                Optional<EditorCommand> leaving = publisher.onNameFound(state, key.commandId());
                articles.put(name, state);
                waiting.delete(key.toBytes());
                leaving.ifPresent(command -> sendOn(command, resolution.articleId(), nowMs));
            } else if (!key.expires().isAfter(now)) {
                waiting.delete(key.toBytes());
                apply(name, expiring -> publisher.onWaitExpired(name, expiring, key.commandId(), now), nowMs);
            }
        }
    }

    private Outcome apply(String articleId, Function<ArticleState, Outcome> input, long timestamp) {
        ArticleState state = Objects.requireNonNullElseGet(articles.get(articleId), ArticleState::new);
        Instant embargoBefore = state.embargoUntil();
        Outcome outcome = input.apply(state);
        if (outcome.stateChanged()) {
            articles.put(articleId, state);
            Instant embargoAfter = state.embargoUntil();
            if (!Objects.equals(embargoBefore, embargoAfter)) {
                if (embargoBefore != null) {
                    embargoes.delete(new EmbargoKey(embargoBefore, articleId).toBytes());
                }
                if (embargoAfter != null) {
                    embargoes.put(new EmbargoKey(embargoAfter, articleId).toBytes(), articleId);
                }
            }
        }
        outcome.published().ifPresent(published -> emit(articleId, published, timestamp));
        for (ModerationEvent event : outcome.events()) {
            if (event.getType() == ModerationEventType.COMMAND_WAITING && event.getExpiresAt() != null) {
                waiting.put(new WaitingKey(event.getExpiresAt(), event.getCommandId()).toBytes(), articleId);
            }
            context.forward(new Record<>(articleId, event, timestamp), PublishTopology.MODERATION_EVENTS_SINK);
        }
        return outcome;
    }

    private void emit(String articleId, PublishedArticle published, long timestamp) {
        context.forward(new Record<>(articleId, published, timestamp), PublishTopology.PUBLISHED_SINK);
        String event = EventNames.of(published.getEvent());
        for (KafkaOutlet outlet : outlets.kafka()) {
            if (!published.getOutlets().contains(outlet.name())) {
                continue;
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add(PublishTopology.EVENT_HEADER, event.getBytes(StandardCharsets.UTF_8));
            headers.add(PublishTopology.PUBSTATUS_HEADER, published.getPubstatus().name().getBytes(StandardCharsets.UTF_8));
            headers.add(PublishTopology.VERSION_HEADER,
                    String.valueOf(published.getVersion()).getBytes(StandardCharsets.UTF_8));
            headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(articleId, ReaderNotices.ninjsFor(published, outlet.advisories().notices()),
                            timestamp, headers),
                    PublishTopology.outletSink(outlet));
            context.forward(new Record<>(articleId, DeliveryReceipt.newBuilder()
                    .setDeliveryId(DeliveryId.of(articleId, published.getVersion(), event))
                    .setOutlet(outlet.name())
                    .setOutletKind(OutletKind.KAFKA)
                    .setArticleId(articleId)
                    .setVersion(published.getVersion())
                    .setEvent(event)
                    .setAttempt(1)
                    .setOutcome(DeliveryOutcome.DELIVERED)
                    .setAttemptedAt(published.getUpdatedAt())
                    .setDurationMs(0L)
                    .build(), timestamp), PublishTopology.DELIVERIES_SINK);
        }
    }

    private void deadLetter(Record<String, Object> record, byte[] value, InvalidCommandException error,
                            String commandId, String action) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        DeadLetters.Failed failed = DeadLetters.Failed.of(source, record, value);
        DeadLetter letter = deadLetters.describe(failed, error, Map.of("commandId", String.valueOf(commandId),
                "action", action), 1);
        LOG.warn("Dead-lettering moderation command: {}", letter.getReason());
        ProducerRecord<byte[], byte[]> out = deadLetters.toRecord(letter);
        context.forward(new Record<>(out.key(), out.value(), record.timestamp(), out.headers()),
                PublishTopology.DEADLETTER_SINK);
    }
}
