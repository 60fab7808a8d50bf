package dev.newsroom.ops.operate.replay;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.StopOnSignal;
import dev.newsroom.ops.operate.TimeArgument;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsroom replay}: a bounded, one-shot, exactly-once copy of a time window into a topic. */
@Command(name = "replay", sortOptions = false, description = {
        "Copy a window of a topic into another topic exactly once: key, value bytes, headers and timestamps as they"
                + " were, plus headers naming the origin and the replay.",
        "Reads with assign/seek (no consumer group of any service is joined or committed to); progress is committed"
                + " with the copies, so an interrupted run continues with --resume ID, without duplicates.",
        "Progress goes to stderr, the summary to stdout.",
        "TIME is " + TimeArgument.HELP + "."})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--from-topic", paramLabel = "TOPIC", description = "Topic to read.")
    String fromTopic;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Start at the first record at or after TIME, in every partition.")
    Instant from;

    @Option(names = "--from-offset", paramLabel = "P:O", split = ",",
            description = "Start partition P at offset O (repeatable); only the partitions named are replayed.")
    List<String> fromOffsets;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "End before the first record at or after TIME (default: the end of each partition now).")
    Instant to;

    @Option(names = "--to-topic", paramLabel = "TOPIC", description = "Topic to write to.")
    String toTopic;

    @Option(names = "--create-topic",
            description = "Create the target topic if it is missing, with the source's partitions and settings.")
    boolean createTopic;

    @Option(names = "--key", paramLabel = "KEY", description = "Copy only records with this key.")
    String key;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Copy only documents or articles from this source (raw, articles and enriched topics).")
    String source;

    @Option(names = "--language", paramLabel = "LANG",
            description = "Copy only articles in this language, e.g. ar (articles: declared; enriched: detected).")
    String language;

    @Mixin
    ReplayRunOptions run;

    @Option(names = "--replay-id", paramLabel = "ID", description = "Id for a new replay (default: generated).")
    String replayId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KafkaClients clients = KafkaClients.of(connection);
        TopicCatalogue topics = clients.catalogue();
        if (run.resume != null) {
            rejectWithResume();
            return run.resume("replay", clients, topics, spec);
        }
        ReplayPlan plan = plan(clients, topics);
        if (run.dryRun) {
            Replayer replayer = run.replayer(clients, topics, null, spec);
            String heading = plan.sourceTopic() + " -> " + plan.targetTopic() + window();
            ReplayOutput.survey(out, "replay", plan, replayer.survey(plan, plan.starts()), heading, run.json);
            return 0;
        }
        try (StopOnSignal signal = new StopOnSignal("replay")) {
            Replayer.Report report = run.replayer(clients, topics, signal.flag(), spec).start(plan, run.limits());
            ReplayOutput.summary(out, "replay", report, run.json);
        }
        return 0;
    }

    private ReplayPlan plan(KafkaClients clients, TopicCatalogue topics) {
        if (fromTopic == null || toTopic == null) {
            throw usage("A new replay needs --from-topic and --to-topic (or --resume ID to continue one)");
        }
        if ((from == null) == (fromOffsets == null)) {
            throw usage("Give the start of the window with either --from TIME or --from-offset P:O");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw usage("--to (" + to + ") must be after --from (" + from + ")");
        }
        Map<Integer, Long> startOffsets = fromOffsets == null ? null : parseOffsets(fromOffsets);
        RecordFilter filter = new RecordFilter(key, source, language, roleOf(topics, fromTopic));
        try {
            filter.validate(fromTopic);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String id = replayId != null ? replayId : ReplayPlan.newId("replay", Clock.systemUTC());
        try {
            ReplayPlan.checkId(id);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ReplayPlan plan = run.replayer(clients, topics, null, spec)
                .plan(id, fromTopic, toTopic, from, startOffsets, to, filter, false);
        ensureTarget(clients);
        return plan;
    }

    private void rejectWithResume() {
        List<String> given = new ArrayList<>();
        for (String option : List.of("--from-topic", "--from", "--from-offset", "--to", "--to-topic",
                "--create-topic", "--key", "--source", "--language", "--replay-id")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                given.add(option);
            }
        }
        if (!given.isEmpty()) {
            throw usage("--resume continues a replay with the window, topics and filters it started with; drop "
                    + String.join(", ", given));
        }
    }

    private String window() {
        if (fromOffsets != null) {
            return ", from offsets " + String.join(",", fromOffsets) + (to == null ? "" : " to " + to);
        }
        return ", " + from + " .. " + (to == null ? "now" : to);
    }

    /** The catalogue role of a topic by its configured name, so filters know how to decode its values. */
    static TopicId roleOf(TopicCatalogue topics, String topic) {
        return Arrays.stream(TopicId.values()).filter(id -> topics.name(id).equals(topic)).findFirst().orElse(null);
    }

    private Map<Integer, Long> parseOffsets(List<String> values) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String value : values) {
            String[] parts = value.trim().split(":");
            try {
                if (parts.length != 2 || offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1])) != null) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw usage("--from-offset takes PARTITION:OFFSET, each partition once, e.g. 0:1200,1:980; not '"
                        + value + "'");
            }
        }
        return offsets;
    }

    private void ensureTarget(KafkaClients clients) {
        try (Admin admin = clients.admin()) {
            if (admin.listTopics().names().get().contains(toTopic)) {
                return;
            }
            if (!createTopic) {
                throw new IllegalArgumentException("Target topic '" + toTopic + "' does not exist; create it, or add"
                        + " --create-topic to create it like " + fromTopic);
            }
            TopicDescription sourceTopic = admin.describeTopics(List.of(fromTopic)).allTopicNames().get()
                    .get(fromTopic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, fromTopic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            Map<String, String> settings = config.entries().stream()
                    .filter(entry -> entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG)
                    .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
            short replicas = (short) sourceTopic.partitions().get(0).replicas().size();
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(new TopicProvisioner.TopicSpec(
                    toTopic, sourceTopic.partitions().size(), replicas, settings)));
            spec.commandLine().getErr().println("replay: created topic " + toTopic + " like " + fromTopic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking topic " + toTopic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot check topic " + toTopic + ": " + e.getCause().getMessage(), e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
