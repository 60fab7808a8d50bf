package dev.newsroom.publish.moderation;

import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.ModerationEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands waiting for their article, as the moderation events tell them: a command waits while its latest
 * event is {@code COMMAND_WAITING}; any later event about it (applied, cancelled, expired, rejected) ends that. Fed the
 * moderation events topic from its start, it gives every instance's waiting commands without asking the service;
 * the CLI ({@code moderate pending}, {@code status}) and the console read them this way.
 */
public final class WaitingCommands {

    /** One waiting command: what it names, what it does, who sent it, since when and until when it waits. */
    public record Waiting(String commandId, String name, String action, String reason, String issuedBy,
                          Instant issuedAt, Instant waitingSince, Instant expiresAt) {

        public Duration age(Instant now) {
            return Duration.between(waitingSince, now);
        }
    }

    private final Map<String, ModerationEvent> latest = new LinkedHashMap<>();

    /**
     * Takes an event. The events of one command can be on two partitions (waiting under the name the editor used,
     * applied under the article's id), so their order is their time, not the order they are read in.
     */
    public void accept(ModerationEvent event) {
        String commandId = event.getCommandId();
        if (commandId == null) {
            return;
        }
        ModerationEvent known = latest.get(commandId);
        if (known == null || !event.getOccurredAt().isBefore(known.getOccurredAt())) {
            latest.put(commandId, event);
        }
    }

    /** The waiting commands, longest waiting first. */
    public List<Waiting> list() {
        return latest.values().stream()
                .filter(event -> event.getType() == ModerationEventType.COMMAND_WAITING)
                .map(WaitingCommands::waiting)
                .sorted(Comparator.comparing(Waiting::waitingSince).thenComparing(Waiting::commandId))
                .toList();
    }

    public Optional<Waiting> find(String commandId) {
        return Optional.ofNullable(latest.get(commandId))
                .filter(event -> event.getType() == ModerationEventType.COMMAND_WAITING)
                .map(WaitingCommands::waiting);
    }

    private static Waiting waiting(ModerationEvent event) {
        return new Waiting(event.getCommandId(), event.getArticleId(), event.getAction(), event.getReason(),
                event.getIssuedBy(), event.getIssuedAt(), event.getOccurredAt(), event.getExpiresAt());
    }
}
