package dev.newsroom.publish.moderation;

import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import java.time.Instant;
import java.util.Locale;

/**
 * An editor's command as the publish service keeps it: the fields of a {@link ModerationCommand}, in a form that
 * can wait in the state store until its article arrives.
 *
 * @param articleId     the article as the command names it (id, ninjs uri, URL or guid); the record key
 * @param namedAs       when publish re-sent the command under the id it found, the name the editor used
 * @param beforeArrival the editor means it to wait for an article not yet known
 * @param cancels       CANCEL: the waiting command it withdraws
 */
public record EditorCommand(String commandId, String articleId, ModerationAction action, String reason,
                            Instant until, String note, AdvisoryKind advisoryKind, String advisoryReason,
                            String issuedBy, Instant issuedAt, String namedAs, boolean beforeArrival,
                            String cancels) {

    public static EditorCommand of(ModerationCommand command) {
        Advisory advisory = command.getAdvisory();
        return new EditorCommand(command.getCommandId(), command.getArticleId(), command.getAction(),
                command.getReason(), command.getUntil(), command.getNote(),
                advisory == null ? null : advisory.getKind(), advisory == null ? null : advisory.getReason(),
                command.getIssuedBy(), command.getIssuedAt(), command.getNamedAs(),
                Boolean.TRUE.equals(command.getBeforeArrival()), command.getCancels());
    }

    /** The command as a record again, e.g. to send it on under the article id it was found to name. */
    public ModerationCommand toAvro() {
        return ModerationCommand.newBuilder()
                .setCommandId(commandId)
                .setArticleId(articleId)
                .setAction(action)
                .setReason(reason)
                .setUntil(until)
                .setNote(note)
                .setAdvisory(advisoryKind == null ? null : advisory())
                .setNamedAs(namedAs)
                .setBeforeArrival(beforeArrival)
                .setCancels(cancels)
                .setIssuedBy(issuedBy)
                .setIssuedAt(issuedAt)
                .build();
    }

    /** The same command addressed to the article {@code articleId}, remembering the name the editor used. */
    public EditorCommand resolvedTo(String resolvedId) {
        return new EditorCommand(commandId, resolvedId, action, reason, until, note, advisoryKind, advisoryReason,
                issuedBy, issuedAt, namedAs != null ? namedAs : articleId, beforeArrival, cancels);
    }

    /** What the editor called the article. */
    public String reference() {
        return namedAs != null ? namedAs : articleId;
    }

    public String actionName() {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Refuses a command that cannot be carried out whatever the article's state.
     *
     * @param key the record key, which must be the article the command names (commands are partitioned by it)
     */
    public EditorCommand validated(String key) {
        String subject = "Moderation command '" + commandId + "' for article '" + articleId + "'";
        if (commandId == null || commandId.isBlank()) {
            throw new InvalidCommandException("Moderation command for article '" + articleId + "' has no commandId");
        }
        if (articleId == null || articleId.isBlank()) {
            throw new InvalidCommandException("Moderation command '" + commandId + "' names no article");
        }
        if (key == null || !key.equals(articleId)) {
            throw new InvalidCommandException(subject + " has key '" + key
                    + "'; commands must be keyed by the article they name so they stay in order with the article");
        }
        switch (action) {
            case UNKNOWN -> throw new InvalidCommandException(subject + " has an unknown action (hold, release,"
                    + " kill, correct, embargo, advisory and cancel are known)");
            case EMBARGO -> {
                if (until == null) {
                    throw new InvalidCommandException(subject + " is an EMBARGO without 'until' (--until)");
                }
            }
            case CORRECT -> {
                if (note == null || note.isBlank()) {
                    throw new InvalidCommandException(subject + " is a CORRECT without a correction note (--note)");
                }
            }
            case ADVISORY -> {
                if (advisoryKind == null) {
                    throw new InvalidCommandException(subject + " is an ADVISORY without an advisory kind (--kind)");
                }
            }
            case CANCEL -> {
                if (cancels == null || cancels.isBlank()) {
                    throw new InvalidCommandException(subject + " is a CANCEL that names no waiting command");
                }
            }
            default -> {
            }
        }
        return this;
    }

    /**
     * The advisory an ADVISORY command adds, credited to the editor who issued it. Without a reason it is the
     * kind's standard notice (an editor confirming a suggestion); with one, readers see the editor's words.
     */
    public Advisory advisory() {
        return new Advisory(advisoryKind, advisoryReason == null ? "" : advisoryReason.strip(), issuedBy, false, null);
    }
}
