package dev.newsroom.publish.moderation;

import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import java.time.Instant;

/**
 * An editor's command as the publish service keeps it: the fields of a {@link ModerationCommand}, in a form that
 * can wait in the state store until its article arrives.
 */
public record EditorCommand(String commandId, String articleId, ModerationAction action, String reason,
                            Instant until, String note, AdvisoryKind advisoryKind, String advisoryReason,
                            String issuedBy, Instant issuedAt) {

    public static EditorCommand of(ModerationCommand command) {
        Advisory advisory = command.getAdvisory();
        return new EditorCommand(command.getCommandId(), command.getArticleId(), command.getAction(),
                command.getReason(), command.getUntil(), command.getNote(),
                advisory == null ? null : advisory.getKind(), advisory == null ? null : advisory.getReason(),
                command.getIssuedBy(), command.getIssuedAt());
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
                    + "'; commands must be keyed by the article id so they stay in order with the article");
        }
        switch (action) {
            case UNKNOWN -> throw new InvalidCommandException(subject
                    + " has an unknown action (hold, release, kill, correct, embargo and advisory are known)");
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
                if (advisoryKind == null || advisoryReason == null || advisoryReason.isBlank()) {
                    throw new InvalidCommandException(subject + " is an ADVISORY without an advisory kind and reason"
                            + " (--kind, --reason)");
                }
            }
            default -> {
            }
        }
        return this;
    }

    /** The advisory an ADVISORY command adds, credited to the editor who issued it. */
    public Advisory advisory() {
        return new Advisory(advisoryKind, advisoryReason, issuedBy);
    }
}
