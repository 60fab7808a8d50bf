package dev.newsroom.ops.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.TextTable;
import dev.newsroom.publish.moderation.ArticleReference;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.moderation.InvalidCommandException;
import dev.newsroom.publish.moderation.WaitingCommands.Waiting;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.PrintWriter;
import java.time.Clock;
import dev.newsroom.platform.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom moderate ACTION ARTICLE}: an editor's command to the publish service, sent to the
 * moderation-commands topic keyed by the article as named, then the outcome the service reports on the moderation
 * events topic (applied, waiting, rejected and why). A command is checked here as the service would check it, so a
 * mistake in the command itself is a usage error rather than a dead letter; whether the article exists only the
 * service knows, so that comes back as the outcome.
 */
@Command(name = "moderate", description = {
        "Send a moderation command about one article to the publish service and print its outcome.",
        "ARTICLE is any name an editor sees: the article id (cli:56e8c0fa...), the ninjs uri or feed item id"
                + " (urn:newsroom:article:...), the story's URL or the source's guid.",
        "hold: withhold it everywhere it went (pubstatus withheld); release: lift a hold, an embargo and outlets'"
                + " advisory holds; kill: take it down everywhere for good (--reason is sent to outlets); correct: a"
                + " new version with --note shown to readers; embargo: withhold it until --until, then release it;"
                + " advisory: add a content advisory (--kind; --reason for your own words to readers, none for the"
                + " kind's standard notice, e.g. to confirm a suggestion).",
        "A command for an article not known yet is rejected unless sent with --before-arrival; then it waits"
                + " (moderate pending lists waiting commands; moderate cancel COMMAND_ID withdraws one).",
        "Re-sending with the same --command-id has no further effect. Exit status 1 when the command is rejected,"
                + " expires or no outcome comes within --wait."})
public final class ModerateCommand implements Callable<Integer> {

    /** What an editor can ask for. */
    enum Action {
        HOLD, RELEASE, KILL, CORRECT, EMBARGO, ADVISORY, CANCEL, PENDING;

        ModerationAction toAvro() {
            return ModerationAction.valueOf(name());
        }
    }

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "hold, release, kill, correct, embargo, advisory, cancel or pending.")
    Action action;

    @Parameters(index = "1", paramLabel = "ARTICLE", arity = "0..1",
            description = "The article (id, ninjs uri, URL or guid); for cancel, the id of the waiting command.")
    String articleId;

    @Option(names = "--reason", description = "Why; sent to outlets with a kill or hold; an advisory's own words.")
    String reason;

    @Option(names = "--until", paramLabel = "TIME",
            description = "embargo: when it ends, as 2026-11-28T18:00:00Z, 2026-11-28T20:00+02:00 or +2h / +30m.")
    String until;

    @Option(names = "--note", description = "correct: the correction note shown to readers.")
    String note;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "advisory: violence, death, terrorism, graphic or other.")
    AdvisoryKind kind;

    @Option(names = "--before-arrival",
            description = "The article is not known yet: wait for it (until the service's wait limit, 72h by default).")
    boolean beforeArrival;

    @Option(names = "--no-wait", description = "Send and return without waiting for the outcome.")
    boolean noWait;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "15s",
            description = "How long to wait for the outcome (default 15s).")
    String wait;

    @Option(names = "--json", description = "pending: one JSON array, for scripts.")
    boolean json;

    @Option(names = "--command-id", paramLabel = "ID",
            description = "Id of this command (default: a new one); repeat it to retry safely.")
    String commandId;

    @Option(names = "--by", paramLabel = "WHO", defaultValue = "${env:USER:-unknown}",
            description = "Who issues it (default: $USER).")
    String issuedBy;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // An editor's mistake is named before the cluster is asked anything.
        if (action != Action.PENDING && action != Action.CANCEL) {
            command(Clock.systemUTC());
        }
        KafkaClients clients = KafkaClients.of(connection);
        TopicCatalogue topics = clients.catalogue();
        ModerationEvents events = new ModerationEvents(clients, topics);
        if (action == Action.PENDING) {
            return pending(events);
        }
        Waiting cancelled = null;
        String key;
        if (action == Action.CANCEL) {
            String target = required("COMMAND_ID");
            cancelled = events.waiting().find(target).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "No command '" + target + "' is waiting (moderate pending lists the waiting commands)"));
            key = cancelled.name();
        } else {
            key = ArticleReference.idFromUri(required("ARTICLE")).orElse(articleId.strip());
        }
        ModerationCommand command = command(Clock.systemUTC(), key);
        Map<TopicPartition, Long> from = noWait ? Map.of() : events.ends();
        RecordMetadata written = ModerationCommands.send(connection.clientConfig(), topics, key, command);
        PrintWriter out = spec.commandLine().getOut();
        String sent = action.name().toLowerCase(Locale.ROOT) + " " + articleId + ": command "
                + command.getCommandId() + " -> " + written.topic() + "-" + written.partition() + "@" + written.offset();
        if (noWait) {
            out.println(sent);
            return 0;
        }
        String watched = cancelled != null ? cancelled.commandId() : command.getCommandId();
        Optional<ModerationEvent> outcome = events.await(from, event -> watched.equals(event.getCommandId())
                        || command.getCommandId().equals(event.getCommandId()), waitTime());
        if (outcome.isEmpty()) {
            spec.commandLine().getErr().println(sent + ", but no outcome came within " + wait + ": is the publish"
                    + " service running? If it waits, moderate pending will list it.");
            return 1;
        }
        return report(out, outcome.get());
    }

    private int report(PrintWriter out, ModerationEvent event) {
        String command = "command " + event.getCommandId();
        switch (event.getType()) {
            case COMMAND_REJECTED -> {
                spec.commandLine().getErr().println(action.name().toLowerCase(Locale.ROOT) + " " + articleId
                        + ": rejected: " + event.getDetail());
                return 1;
            }
            case COMMAND_EXPIRED -> {
                spec.commandLine().getErr().println(articleId + ": " + command + " expired: " + event.getDetail());
                return 1;
            }
            case COMMAND_WAITING -> out.printf("%s %s: waiting for the article until %s (%s; moderate cancel %s"
                            + " withdraws it)%n", event.getAction(), event.getReference(), event.getExpiresAt(), command,
                    event.getCommandId());
            case COMMAND_CANCELLED -> out.printf("cancel %s: %s (%s %s) no longer waits: %s%n", articleId, command,
                    event.getAction(), event.getReference(), event.getDetail());
            default -> out.printf("%s %s: applied to article %s: %s, pubstatus %s, version %d%s (%s)%n",
                    event.getAction(), event.getReference(), event.getArticleId(),
                    event.getType().name().toLowerCase(Locale.ROOT), event.getPubstatus(), event.getVersion(),
                    event.getOutlets().isEmpty() ? "" : ", outlets " + String.join(", ", event.getOutlets()), command);
        }
        return 0;
    }

    private int pending(ModerationEvents events) throws Exception {
        List<Waiting> waiting = events.waiting().list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = waiting.stream().map(command -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("commandId", command.commandId());
                row.put("action", command.action());
                row.put("waitsFor", command.name());
                row.put("reason", command.reason());
                row.put("issuedBy", command.issuedBy());
                row.put("issuedAt", String.valueOf(command.issuedAt()));
                row.put("waitingSince", String.valueOf(command.waitingSince()));
                row.put("ageSeconds", command.age(Instant.now()).toSeconds());
                row.put("expiresAt", String.valueOf(command.expiresAt()));
                return row;
            }).toList();
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            return 0;
        }
        printWaiting(out, waiting, Instant.now(), "");
        return 0;
    }

    private static void printWaiting(PrintWriter out, List<Waiting> waiting, Instant now, String indent) {
        if (waiting.isEmpty()) {
            out.println(indent + "No command is waiting for its article.");
            return;
        }
        TextTable table = TextTable.of("command", "action", "waits for", "age", "expires", "by", "reason");
        for (Waiting command : waiting) {
            table.row(command.commandId(), command.action(), command.name(), Formats.age(command.age(now)),
                    command.expiresAt(), command.issuedBy(), command.reason() == null ? "" : command.reason());
        }
        table.print(out, indent);
    }

    private String required(String label) {
        if (articleId == null || articleId.isBlank()) {
            throw new ParameterException(spec.commandLine(), action.name().toLowerCase(Locale.ROOT) + " needs "
                    + label);
        }
        return articleId;
    }

    private Duration waitTime() {
        try {
            return Durations.parse(wait);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--wait: " + e.getMessage());
        }
    }

    /** The command as it will be sent; a usage error when the publish service would refuse it. */
    ModerationCommand command(Clock clock) {
        return command(clock, ArticleReference.idFromUri(required("ARTICLE")).orElse(articleId.strip()));
    }

    private ModerationCommand command(Clock clock, String key) {
        Instant now = clock.instant();
        boolean cancel = action == Action.CANCEL;
        ModerationCommand command = ModerationCommand.newBuilder()
                .setCommandId(commandId != null ? commandId : UUID.randomUUID().toString())
                .setArticleId(key)
                .setAction(action.toAvro())
                .setReason(reason)
                .setUntil(until == null ? null : time(until, now))
                .setNote(note)
                .setAdvisory(action == Action.ADVISORY && kind != null
                        ? new Advisory(kind, reason == null ? "" : reason, issuedBy, false, null) : null)
                .setNamedAs(!cancel && !key.equals(articleId.strip()) ? articleId.strip() : null)
                .setBeforeArrival(beforeArrival)
                .setCancels(cancel ? articleId.strip() : null)
                .setIssuedBy(issuedBy)
                .setIssuedAt(now)
                .build();
        try {
            EditorCommand.of(command).validated(key);
        } catch (InvalidCommandException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (action == Action.EMBARGO && !command.getUntil().isAfter(now)) {
            throw new ParameterException(spec.commandLine(), "--until " + until + " is not in the future");
        }
        return command;
    }

    private Instant time(String text, Instant now) {
        String value = text.strip();
        try {
            if (value.startsWith("+")) {
                String amount = value.substring(1).toUpperCase(Locale.ROOT);
                return now.plus(Duration.parse(amount.startsWith("P") ? amount
                        : amount.endsWith("D") ? "P" + amount : "PT" + amount));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--until '" + text + "' is not a time such as"
                    + " 2026-11-28T18:00:00Z, 2026-11-28T20:00+02:00, +2h or +30m");
        }
    }
}
