package dev.newsroom.console;

import dev.newsroom.ops.moderation.ModerationCommands;
import dev.newsroom.ops.moderation.ModerationEvents;
import dev.newsroom.ops.operate.TimeArgument;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.moderation.InvalidCommandException;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.ModerationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.TopicPartition;

/**
 * An editor's moderation command from the console: built, checked ({@link EditorCommand#validated}) and sent
 * exactly as {@code newsroom moderate} sends it, then the publish service's outcome read back from the
 * moderation events topic.
 */
final class Moderation {

    static final List<String> ACTIONS = List.of("hold", "release", "kill", "correct", "embargo", "advisory");
    static final List<String> KINDS = List.of("violence", "death", "terrorism", "graphic", "other");

    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(15);

    /** What came of a command, in the words the command line uses. */
    record Outcome(boolean ok, String message) {
    }

    private final Console console;

    Moderation(Console console) {
        this.console = console;
    }

    /** @param issuedBy who the command names as its issuer, {@code console:<user>} */
    Outcome send(String issuedBy, String articleId, String action, String reason, String note, String until,
                 String kind) {
        ModerationCommand command = command(issuedBy, articleId, action, reason, note, until, kind,
                console.clock().instant());
        ModerationEvents events = new ModerationEvents(console.clients(), console.topics());
        Map<TopicPartition, Long> from = events.ends();
        try {
            ModerationCommands.send(console.clients().kafka(), console.topics(), articleId, command);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Sending the command failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending the command", e);
        }
        Optional<ModerationEvent> outcome = events.await(from,
                event -> command.getCommandId().equals(event.getCommandId()), OUTCOME_WAIT);
        if (outcome.isEmpty()) {
            return new Outcome(false, action + ": command " + command.getCommandId() + " sent, but no outcome came"
                    + " within " + OUTCOME_WAIT.toSeconds() + " s: is the publish service running?");
        }
        return describe(outcome.get());
    }

    /** The command for {@code articleId}; an {@link IllegalArgumentException} when publish would refuse it. */
    ModerationCommand command(String issuedBy, String articleId, String action, String reason, String note,
                              String until, String kind, Instant now) {
        if (action == null || !ACTIONS.contains(action)) {
            throw new IllegalArgumentException("Choose an action: " + String.join(", ", ACTIONS));
        }
        ModerationAction chosen = ModerationAction.valueOf(action.toUpperCase(Locale.ROOT));
        AdvisoryKind advisoryKind = kind == null || !KINDS.contains(kind) ? null
                : AdvisoryKind.valueOf(kind.toUpperCase(Locale.ROOT));
        Instant untilTime = null;
        if (until != null) {
            try {
                untilTime = TimeArgument.parse(until, console.clock());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Until: " + e.getMessage(), e);
            }
        }
        ModerationCommand command = ModerationCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setAction(chosen)
                .setReason(reason)
                .setUntil(untilTime)
                .setNote(note)
                .setAdvisory(chosen == ModerationAction.ADVISORY && advisoryKind != null
                        ? new Advisory(advisoryKind, reason == null ? "" : reason, issuedBy, false, null) : null)
                .setNamedAs(null)
                .setBeforeArrival(false)
                .setCancels(null)
                .setIssuedBy(issuedBy)
                .setIssuedAt(now)
                .build();
        try {
            EditorCommand.of(command).validated(articleId);
        } catch (InvalidCommandException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (chosen == ModerationAction.EMBARGO && !untilTime.isAfter(now)) {
            throw new IllegalArgumentException("Until " + until + " is not in the future");
        }
        return command;
    }

    private static Outcome describe(ModerationEvent event) {
        return switch (event.getType()) {
            case COMMAND_REJECTED -> new Outcome(false, event.getAction() + ": rejected: " + event.getDetail());
            case COMMAND_EXPIRED -> new Outcome(false, event.getAction() + ": expired: " + event.getDetail());
            default -> new Outcome(true, event.getAction() + ": applied: "
                    + event.getType().name().toLowerCase(Locale.ROOT) + ", pubstatus " + event.getPubstatus()
                    + ", version " + event.getVersion()
                    + (event.getOutlets().isEmpty() ? "" : ", outlets " + String.join(", ", event.getOutlets())));
        };
    }
}
