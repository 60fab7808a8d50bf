package dev.newsroom.publish.publication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.outlet.Outlet;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.state.ArticleState;
import dev.newsroom.publish.state.StoredContent;
import dev.newsroom.publish.state.StoredContent.StoredAdvisory;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.ModerationEventType;
import dev.newsroom.schemas.PublicationEvent;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.Pubstatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderation state machine and the publication rule, without Kafka: given an article's state and an input
 * (new content, an editor's command, an embargo's end), it updates the state and says what to publish.
 *
 * <p>The rule: the article's status is canceled once killed (a kill is final), withheld while held or embargoed,
 * usable otherwise. A usable version goes to every outlet that received the article before and to every outlet
 * whose filter takes it and whose advisory policy does not hold it; a withheld or canceled one goes to the outlets
 * that received it. A new version is published only when the document differs from the last one (its
 * {@link ContentHash}), or when an editor's command brings in outlets that have not had it yet.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /** What caused a republication, which decides the event of a live version. */
    enum Cause { CONTENT, COMMAND_RELEASE, COMMAND_CORRECT, OTHER_COMMAND, EMBARGO_END }

    /** How long a command may wait for its article unless the service is configured otherwise. */
    public static final Duration DEFAULT_WAIT_LIMIT = Duration.ofHours(72);

    private final Outlets outlets;
    private final Duration waitLimit;

    public Publisher(Outlets outlets) {
        this(outlets, DEFAULT_WAIT_LIMIT);
    }

    /** @param waitLimit how long a command sent before its article ({@code --before-arrival}) waits for it */
    public Publisher(Outlets outlets, Duration waitLimit) {
        this.outlets = outlets;
        this.waitLimit = waitLimit;
    }

    public Duration waitLimit() {
        return waitLimit;
    }

    /** A new enriched version of the article; commands that were waiting for it are applied first, in order. */
    public Outcome onArticle(ArticleState state, EnrichedArticle enriched, Instant now) {
        String articleId = enriched.getArticle().getId();
        if (state.killed()) {
            LOG.info("Article '{}' was killed; its new content (version {}) is not published", articleId,
                    enriched.getArticle().getVersion());
            return Outcome.unchanged();
        }
        // The tree the stored text is written from is the one this version is composed in, instead of parsing the
        // text straight back: the output is the same, since the tree holds only strings, ints and nulls, which read
        // back as they were written.
        ObjectNode ninjs = NinjsWriter.enriched(enriched);
        StoredContent content = StoredContent.of(enriched, ninjs);
        if (state.content() != null && content.articleVersion() < state.content().articleVersion()) {
            LOG.info("Article '{}': version {} arrived after version {}; the older one is ignored", articleId,
                    content.articleVersion(), state.content().articleVersion());
            return Outcome.unchanged();
        }
        state.content(content);
        List<Applied> applied = new ArrayList<>();
        List<EditorCommand> afterKill = new ArrayList<>();
        for (EditorCommand command : state.takePending()) {
            if (state.killed()) {
                LOG.warn("Article '{}': command '{}' ({}) came after a kill and has no effect", articleId,
                        command.commandId(), command.action());
                afterKill.add(command);
                continue;
            }
            applied.add(apply(state, command, now));
        }
        Optional<PublishedArticle> published = republish(articleId, state, Cause.CONTENT, now, ninjs);
        List<ModerationEvent> events = new ArrayList<>(events(articleId, state, applied, published, now));
        for (EditorCommand command : afterKill) {
            events.add(outcome(articleId, state, command, ModerationEventType.COMMAND_REJECTED,
                    "it waited for the article behind a kill, and a kill is final", null, now));
        }
        return new Outcome(true, published, events, Optional.empty());
    }

    /**
     * An editor's command, already validated and addressed to this article (publish has looked the name up); a
     * repeated command id changes nothing. For an article not known here the command waits only when the editor
     * said so ({@code --before-arrival}); otherwise it is rejected, so a mistyped id is never taken for a story to
     * come.
     */
    public Outcome onCommand(ArticleState state, EditorCommand command, Instant now) {
        if (state.seen(command.commandId())) {
            LOG.info("Moderation command '{}' for article '{}' was already applied", command.commandId(),
                    command.articleId());
            return Outcome.unchanged();
        }
        if (state.content() == null) {
            if (!command.beforeArrival()) {
                String reason = "No article is known as '" + command.reference() + "' (looked for as an article id,"
                        + " a ninjs uri, a URL and a source guid). Check what was copied; to act on a story that has"
                        + " not arrived yet, send the command again with --before-arrival.";
                LOG.info("Moderation command '{}' ({}) rejected: {}", command.commandId(), command.action(), reason);
                return new Outcome(false, Optional.empty(),
                        List.of(outcome(command.articleId(), state, command, ModerationEventType.COMMAND_REJECTED,
                                reason, null, now)), Optional.empty());
            }
            state.remember(command.commandId());
            state.addPending(command);
            Instant expires = now.plus(waitLimit);
            LOG.info("Article '{}' has not arrived; command '{}' ({}) waits for it until {}", command.articleId(),
                    command.commandId(), command.action(), expires);
            return new Outcome(true, Optional.empty(), List.of(outcome(command.articleId(), state, command,
                    ModerationEventType.COMMAND_WAITING, "waits for the article to arrive", expires, now)),
                    Optional.empty());
        }
        state.remember(command.commandId());
        if (state.killed()) {
            String reason = "Moderation command '" + command.commandId() + "' (" + command.action()
                    + ") for article '" + command.articleId() + "' comes after the article was killed; a kill is final";
            return new Outcome(true, Optional.empty(), List.of(outcome(command.articleId(), state, command,
                    ModerationEventType.COMMAND_REJECTED, reason, null, now)), Optional.of(reason));
        }
        Applied applied = apply(state, command, now);
        Cause cause = switch (command.action()) {
            case RELEASE -> Cause.COMMAND_RELEASE;
            case CORRECT -> Cause.COMMAND_CORRECT;
            default -> Cause.OTHER_COMMAND;
        };
        Optional<PublishedArticle> published = republish(command.articleId(), state, cause, now,
                NinjsComposer.stored(state));
        return new Outcome(true, published, events(command.articleId(), state, List.of(applied), published, now),
                Optional.empty());
    }

    /** A command whose name stands for several articles: it is rejected with the ids to choose from. */
    public Outcome onUnresolvable(String key, ArticleState state, EditorCommand command, String why, Instant now) {
        return new Outcome(false, Optional.empty(), List.of(outcome(key, state, command,
                ModerationEventType.COMMAND_REJECTED, why, null, now)), Optional.empty());
    }

    /** The event of a command refused as invalid (it also goes to the dead-letter topic). */
    public static ModerationEvent invalid(String key, ArticleState state, ModerationCommand command, String why,
                                          Instant now) {
        return ModerationEvent.newBuilder()
                .setEventId(key + ":" + state.version() + ":" + ModerationEventType.COMMAND_REJECTED + ":"
                        + command.getCommandId())
                .setArticleId(key)
                .setVersion(state.version())
                .setType(ModerationEventType.COMMAND_REJECTED)
                .setPubstatus(state.pubstatus() == null ? Pubstatus.withheld : state.pubstatus())
                .setReason(command.getReason())
                .setCommandId(command.getCommandId())
                .setOutlets(List.copyOf(state.receivedBy()))
                .setReference(command.getArticleId())
                .setAction(command.getAction().name().toLowerCase(Locale.ROOT))
                .setDetail(why)
                .setIssuedBy(command.getIssuedBy())
                .setIssuedAt(command.getIssuedAt())
                .setOccurredAt(now)
                .build();
    }

    /** A CANCEL: the command it names stops waiting, if it still waits here. */
    public Outcome onCancel(String key, ArticleState state, EditorCommand cancel, Instant now) {
        Optional<EditorCommand> target = state.removePending(cancel.cancels());
        if (target.isEmpty()) {
            String reason = "Command '" + cancel.cancels() + "' is not waiting for '" + cancel.articleId()
                    + "': it was applied, expired or cancelled already, or it waits under another name"
                    + " (moderate pending lists the waiting commands with the names they wait for)";
            return new Outcome(false, Optional.empty(), List.of(outcome(key, state, cancel,
                    ModerationEventType.COMMAND_REJECTED, reason, null, now)), Optional.empty());
        }
        LOG.info("Command '{}' for '{}' cancelled by command '{}' ({})", cancel.cancels(), key, cancel.commandId(),
                cancel.issuedBy());
        return new Outcome(true, Optional.empty(), List.of(outcome(key, state, target.get(),
                ModerationEventType.COMMAND_CANCELLED, "cancelled by " + cancel.issuedBy() + " (command "
                        + cancel.commandId() + ")", null, now)), Optional.empty());
    }

    /** The waiting command {@code commandId} has waited as long as it may. */
    public Outcome onWaitExpired(String key, ArticleState state, String commandId, Instant now) {
        Optional<EditorCommand> expired = state.removePending(commandId);
        if (expired.isEmpty()) {
            return Outcome.unchanged();
        }
        LOG.warn("Command '{}' ({}) for '{}' expired: the article did not arrive within {}", commandId,
                expired.get().action(), key, waitLimit);
        return new Outcome(true, Optional.empty(), List.of(outcome(key, state, expired.get(),
                ModerationEventType.COMMAND_EXPIRED, "its article did not arrive within " + waitLimit, null, now)),
                Optional.empty());
    }

    /** A waiting command leaves to be applied to the article its name was found to mean. */
    public Optional<EditorCommand> onNameFound(ArticleState state, String commandId) {
        return state.removePending(commandId);
    }

    /** The embargo ending at {@code until} is due; an embargo since replaced or lifted is left alone. */
    public Outcome onEmbargoEnd(String articleId, ArticleState state, Instant until, Instant now) {
        if (state.embargoUntil() == null || !state.embargoUntil().equals(until) || state.killed()) {
            return Outcome.unchanged();
        }
        state.liftEmbargo();
        Optional<PublishedArticle> published = republish(articleId, state, Cause.EMBARGO_END, now,
                NinjsComposer.stored(state));
        Applied lifted = new Applied(ModerationEventType.EMBARGO_LIFTED, null, null, null, until, null);
        return new Outcome(true, published, events(articleId, state, List.of(lifted), published, now),
                Optional.empty());
    }

    /** A command's effect on the state, and the moderation event that records it. */
    private record Applied(ModerationEventType type, String commandId, String reason, String note, Instant until,
                           EditorCommand command) {
    }

    private Applied apply(ArticleState state, EditorCommand command, Instant now) {
        ModerationEventType type = switch (command.action()) {
            case HOLD -> {
                state.hold(command.reason());
                yield ModerationEventType.HELD;
            }
            case RELEASE -> {
                state.release();
                yield ModerationEventType.RELEASED;
            }
            case KILL -> {
                state.kill(command.reason());
                yield ModerationEventType.KILLED;
            }
            case CORRECT -> {
                state.correct(command.note());
                yield ModerationEventType.CORRECTED;
            }
            case EMBARGO -> {
                if (command.until().isAfter(now)) {
                    state.embargo(command.until());
                } else {
                    state.liftEmbargo();
                }
                yield ModerationEventType.EMBARGOED;
            }
            case ADVISORY -> {
                state.addAdvisory(StoredAdvisory.of(command.advisory()));
                yield ModerationEventType.ADVISORY_ADDED;
            }
            case CANCEL, UNKNOWN -> throw new IllegalArgumentException("Command " + command.commandId() + " ("
                    + command.action() + ") changes no article");
        };
        return new Applied(type, command.commandId(), command.reason(), command.note(),
                command.action() == ModerationAction.EMBARGO ? command.until() : null, command);
    }

    /** @param stored the stored content's ninjs as a tree this call may change */
    private Optional<PublishedArticle> republish(String articleId, ArticleState state, Cause cause, Instant now,
                                                 ObjectNode stored) {
        Pubstatus status = state.killed() ? Pubstatus.canceled
                : state.held() || state.embargoUntil() != null ? Pubstatus.withheld
                : Pubstatus.usable;
        SortedSet<String> targets = new TreeSet<>(state.receivedBy());
        if (status == Pubstatus.usable) {
            for (Outlet outlet : outlets.all()) {
                boolean heldByPolicy = !state.advisoryHoldsReleased()
                        && outlet.advisories().holds(state.advisoryKinds());
                if (outlet.filter().matches(state.content().facts()) && !heldByPolicy) {
                    targets.add(outlet.name());
                }
            }
        }
        ObjectNode ninjs = NinjsComposer.compose(state, status, now, stored);
        String hash = ContentHash.of(ninjs);
        boolean changed = !hash.equals(state.contentHash());
        boolean reachesNewOutlets = status == Pubstatus.usable && !state.receivedBy().containsAll(targets)
                && cause != Cause.CONTENT;
        if (!changed && !reachesNewOutlets) {
            return Optional.empty();
        }
        int version = state.version() + 1;
        ninjs.put("version", String.valueOf(version));
        PublicationEvent event = event(status, state.pubstatus(), cause);
        Instant firstPublished = state.firstPublishedAt() == null ? now : state.firstPublishedAt();
        PublishedArticle published = PublishedArticle.newBuilder()
                .setArticleId(articleId)
                .setVersion(version)
                .setPubstatus(status)
                .setEvent(event)
                .setNinjs(NinjsWriter.toJson(ninjs))
                .setContentHash(hash)
                .setEnricherVersion(state.content().enricherVersion())
                .setOutlets(List.copyOf(targets))
                .setAdvisories(state.advisories().stream().map(StoredAdvisory::toAvro).toList())
                .setAliases(state.content().aliases())
                .setEmbargoUntil(status == Pubstatus.withheld ? state.embargoUntil() : null)
                .setCorrectionNote(state.correctionNote())
                .setFirstPublishedAt(firstPublished)
                .setUpdatedAt(now)
                .setLineage(state.content().lineage().toAvro())
                .build();
        state.published(version, status, hash, targets, now);
        return Optional.of(published);
    }

    private static PublicationEvent event(Pubstatus status, Pubstatus previous, Cause cause) {
        if (status == Pubstatus.canceled) {
            return PublicationEvent.KILLED;
        }
        if (status == Pubstatus.withheld) {
            return PublicationEvent.WITHHELD;
        }
        if (previous == null) {
            return PublicationEvent.PUBLISHED;
        }
        if (previous == Pubstatus.withheld || cause == Cause.COMMAND_RELEASE) {
            return PublicationEvent.RELEASED;
        }
        return cause == Cause.COMMAND_CORRECT ? PublicationEvent.CORRECTED : PublicationEvent.UPDATED;
    }

    private static List<ModerationEvent> events(String articleId, ArticleState state, List<Applied> applied,
                                                Optional<PublishedArticle> published, Instant now) {
        List<String> outlets = published.map(PublishedArticle::getOutlets)
                .orElseGet(() -> List.copyOf(state.receivedBy()));
        List<ModerationEvent> events = new ArrayList<>();
        for (Applied effect : applied) {
            EditorCommand command = effect.command();
            events.add(ModerationEvent.newBuilder()
                    .setEventId(articleId + ":" + state.version() + ":" + effect.type()
                            + (effect.commandId() == null ? "" : ":" + effect.commandId()))
                    .setArticleId(articleId)
                    .setVersion(state.version())
                    .setType(effect.type())
                    .setPubstatus(state.pubstatus() == null ? Pubstatus.withheld : state.pubstatus())
                    .setReason(effect.reason())
                    .setNote(effect.note())
                    .setUntil(effect.until())
                    .setCommandId(effect.commandId())
                    .setOutlets(outlets)
                    .setReference(command == null ? null : command.reference())
                    .setAction(command == null ? null : command.actionName())
                    .setDetail(command == null || command.namedAs() == null ? null
                            : "found as '" + command.namedAs() + "'")
                    .setIssuedBy(command == null ? null : command.issuedBy())
                    .setIssuedAt(command == null ? null : command.issuedAt())
                    .setOccurredAt(now)
                    .build());
        }
        return events;
    }

    /** The outcome of a command that changed no article: waiting, rejected, expired or cancelled. */
    private static ModerationEvent outcome(String key, ArticleState state, EditorCommand command,
                                           ModerationEventType type, String detail, Instant expiresAt, Instant now) {
        return ModerationEvent.newBuilder()
                .setEventId(key + ":" + state.version() + ":" + type + ":" + command.commandId())
                .setArticleId(key)
                .setVersion(state.version())
                .setType(type)
                .setPubstatus(state.pubstatus() == null ? Pubstatus.withheld : state.pubstatus())
                .setReason(command.reason())
                .setCommandId(command.commandId())
                .setOutlets(List.copyOf(state.receivedBy()))
                .setReference(command.reference())
                .setAction(command.actionName())
                .setDetail(detail)
                .setIssuedBy(command.issuedBy())
                .setIssuedAt(command.issuedAt())
                .setExpiresAt(expiresAt)
                .setOccurredAt(now)
                .build();
    }
}
