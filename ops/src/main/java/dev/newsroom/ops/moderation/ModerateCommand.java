package dev.newsroom.ops.moderation;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.moderation.InvalidCommandException;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom moderate ACTION ARTICLE_ID}: an editor's command to the publish service, sent to the
 * moderation-commands topic keyed by the article, so it is applied in order with the article (or kept until the
 * article arrives). A command is checked here as the service would check it, so a mistake is a usage error rather
 * than a dead letter.
 */
@Command(name = "moderate", description = {
        "Send a moderation command about one article to the publish service.",
        "hold: withhold it everywhere it went (pubstatus withheld); release: lift a hold, an embargo and outlets'"
                + " advisory holds; kill: take it down everywhere for good (--reason is sent to outlets); correct: a"
                + " new version with --note shown to readers; embargo: withhold it until --until, then release it;"
                + " advisory: add a content advisory (--kind, --reason).",
        "Re-sending with the same --command-id has no further effect."})
public final class ModerateCommand implements Callable<Integer> {

    /** What an editor can ask for. */
    enum Action {
        HOLD, RELEASE, KILL, CORRECT, EMBARGO, ADVISORY;

        ModerationAction toAvro() {
            return ModerationAction.valueOf(name());
        }
    }

    @Parameters(index = "0", paramLabel = "ACTION", description = "hold, release, kill, correct, embargo or advisory.")
    Action action;

    @Parameters(index = "1", paramLabel = "ARTICLE_ID", description = "The article (it may not have arrived yet).")
    String articleId;

    @Option(names = "--reason", description = "Why; sent to outlets with a kill or hold, and the advisory's text.")
    String reason;

    @Option(names = "--until", paramLabel = "TIME",
            description = "embargo: when it ends, as 2026-11-28T18:00:00Z, 2026-11-28T20:00+02:00 or +2h / +30m.")
    String until;

    @Option(names = "--note", description = "correct: the correction note shown to readers.")
    String note;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "advisory: violence, death, terrorism, graphic or other.")
    AdvisoryKind kind;

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
        ModerationCommand command = command(Clock.systemUTC());
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        TopicCatalogue topics = TopicCatalogue.of(config, new SchemaRegistryClient(config));
        Topic<String, ModerationCommand> commands = topics.moderationCommands();
        config.keySet().removeIf(key -> key.startsWith("newsroom."));
        try (var producer = new KafkaProducer<>(config, commands.keySerde().serializer(),
                commands.valueSerde().serializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(commands.name(), articleId, command)).get();
            spec.commandLine().getOut().printf("%s %s: command %s -> %s-%d@%d%n",
                    action.name().toLowerCase(Locale.ROOT), articleId, command.getCommandId(), written.topic(),
                    written.partition(), written.offset());
        }
        return 0;
    }

    /** The command as it will be sent; a usage error when the publish service would refuse it. */
    ModerationCommand command(Clock clock) {
        Instant now = clock.instant();
        ModerationCommand command = ModerationCommand.newBuilder()
                .setCommandId(commandId != null ? commandId : UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setAction(action.toAvro())
                .setReason(reason)
                .setUntil(until == null ? null : time(until, now))
                .setNote(note)
                .setAdvisory(action == Action.ADVISORY && kind != null && reason != null
                        ? new Advisory(kind, reason, issuedBy, false, null) : null)
                .setIssuedBy(issuedBy)
                .setIssuedAt(now)
                .build();
        try {
            EditorCommand.of(command).validated(articleId);
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
