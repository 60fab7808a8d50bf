package dev.newsroom.console;

import dev.newsroom.console.ConsoleServer.NotFound;
import dev.newsroom.console.ConsoleServer.Redirect;
import dev.newsroom.console.ConsoleServer.View;
import dev.newsroom.ops.operate.TimeArgument;
import dev.newsroom.ops.operate.replay.ProgressBar;
import dev.newsroom.ops.operate.replay.RecordFilter;
import dev.newsroom.ops.operate.replay.ReplayPlan;
import dev.newsroom.ops.operate.replay.Replayer;
import dev.newsroom.schemas.topic.TopicId;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays and reprocesses from the console through the command line's {@link Replayer}: a dry run that counts
 * what the window holds, then a run in the background whose progress is the replay's own committed progress (so the page shows
 * the truth after a restart too), and resume for a run that stopped, exactly as {@code newsroom replay --resume}.
 */
final class ReplayPages {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayPages.class);

    /** A run started from this console: running until its report or error is set. */
    private static final class Run {
        final AtomicBoolean stop = new AtomicBoolean();
        volatile Replayer.Report report;
        volatile String error;
    }

    private final Console console;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    ReplayPages(Console console) {
        this.console = console;
    }

    /** The form, as {@code newsroom replay}'s options. */
    View form(Exchange exchange) {
        return new View("replay", Model.of("nav", "replay", "topics", Arrays.stream(TopicId.values())
                        .map(id -> console.topics().name(id)).toList(),
                "request", Request.of(exchange, false), "survey", null));
    }

    /** The dry run: the window per partition and how many records of it would be copied; nothing is written. */
    View preview(Exchange exchange) {
        Request request = Request.of(exchange, true);
        requireTopic(request.target(console));
        String id = ReplayPlan.newId(request.idKind(), console.clock());
        ReplayPlan plan = request.plan(replayer(new AtomicBoolean()), id, console);
        List<Replayer.PartitionSurvey> survey = replayer(new AtomicBoolean()).survey(plan, plan.starts());
        long records = survey.stream().mapToLong(Replayer.PartitionSurvey::records).sum();
        return new View("replay", Model.of("nav", "replay", "topics", Arrays.stream(TopicId.values())
                        .map(topic -> console.topics().name(topic)).toList(),
                "request", request, "survey", survey, "records", records, "id", id,
                "source", plan.sourceTopic(), "target", plan.targetTopic()));
    }

    /** Starts the replay the preview showed (same id, topics, window and filters) and shows its progress. */
    Audit.Result start(Exchange exchange) {
        Request request = Request.of(exchange, true);
        String id = exchange.parameter("id");
        ReplayPlan.checkId(id);
        Run run = new Run();
        if (runs.putIfAbsent(id, run) != null) {
            throw new IllegalArgumentException("Replay " + id + " was started already");
        }
        ReplayPlan plan = request.plan(replayer(run.stop), id, console);
        runInBackground(id, run, () -> replayer(run.stop).start(plan, Replayer.Limits.none()));
        return new Audit.Result(new Redirect("/replay/" + id), true, "started: " + plan.sourceTopic() + " to "
                + plan.targetTopic() + " from " + request.from() + (request.to() == null ? "" : " to " + request.to()));
    }

    /** Continues a replay from its committed progress, as {@code newsroom replay --resume ID}. */
    Audit.Result resume(String id) {
        ReplayPlan.checkId(id);
        Run previous = runs.get(id);
        if (previous != null && previous.report == null && previous.error == null) {
            throw new IllegalArgumentException("Replay " + id + " is still running");
        }
        Run run = new Run();
        runs.put(id, run);
        runInBackground(id, run, () -> replayer(run.stop).resume(id, Replayer.Limits.none()));
        return new Audit.Result(new Redirect("/replay/" + id), true, "resumed");
    }

    View progress(String id) {
        ReplayPlan.checkId(id);
        ReplayPlan.Committed committed;
        try {
            committed = replayer(new AtomicBoolean()).committed(id);
        } catch (RuntimeException e) {
            Run run = runs.get(id);
            if (run == null) {
                throw new NotFound("No replay '" + id + "': " + e.getMessage());
            }
            // Started here but nothing committed yet: its first transaction is still open.
            return new View("replay-progress", Model.of("nav", "replay", "id", id, "plan", null, "rows", List.of(),
                    "complete", false, "running", run.error == null, "error", run.error, "copied", ""));
        }
        ReplayPlan plan = committed.plan();
        List<Map<String, Object>> rows = new ArrayList<>();
        plan.starts().forEach((partition, start) -> {
            long end = plan.ends().get(partition);
            long next = committed.next().getOrDefault(partition, start);
            rows.add(Model.of("partition", partition, "start", start, "end", end, "next", next,
                    "percent", end <= start ? 100 : (int) (100 * (next - start) / (end - start))));
        });
        Run run = runs.get(id);
        boolean running = run != null && run.report == null && run.error == null;
        return new View("replay-progress", Model.of("nav", "replay", "id", id, "plan", plan, "rows", rows,
                "complete", committed.complete(), "running", running, "error", run == null ? null : run.error,
                "copied", run == null || run.report == null ? "" : String.valueOf(run.report.copied())));
    }

    /** The console does not create topics: a replay's target must exist, as it must for the command line. */
    private void requireTopic(String topic) {
        try (Admin admin = console.clients().admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                throw new IllegalArgumentException("Topic '" + topic + "' does not exist: create it first (newsroom"
                        + " replay --create-topic does, with the source's partitions and settings)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void runInBackground(String id, Run run, java.util.function.Supplier<Replayer.Report> work) {
        Thread thread = new Thread(() -> {
            try {
                run.report = work.get();
            } catch (RuntimeException e) {
                LOG.warn("Replay {} failed: {}", id, e.getMessage(), e);
                run.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }, "newsroom-console-replay-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private Replayer replayer(AtomicBoolean stop) {
        // The page shows progress from the committed offsets; the command line's terminal bar has nowhere to go.
        return new Replayer(console.clients(), console.topics(), stop,
                (plan, total) -> new ProgressBar(new PrintWriter(Writer.nullWriter()), false, "replay", total));
    }

    /**
     * A replay as the form asks for it, or a reprocess ({@code stage} set: the window of that stage's input topic
     * back into the same topic, latest record per article, as {@code newsroom reprocess}). The template reads its
     * accessors, so they are public.
     */
    public record Request(String stage, String fromTopic, String from, String to, String toTopic, String key,
                          String source, String language) {

        static Request of(Exchange exchange, boolean complete) {
            Request request = new Request(exchange.parameter("stage"), exchange.parameter("fromTopic"),
                    exchange.parameter("from"), exchange.parameter("to"), exchange.parameter("toTopic"),
                    exchange.parameter("key"), exchange.parameter("source"), exchange.parameter("language"));
            if (request.stage != null) {
                request.input();
            }
            if (complete && request.from == null) {
                throw new IllegalArgumentException("Say where the window starts (from)");
            }
            if (complete && request.stage == null && (request.fromTopic == null || request.toTopic == null)) {
                throw new IllegalArgumentException("A replay needs the topic to read and the topic to write");
            }
            return request;
        }

        /** The input topic a reprocessed stage reads: enrich reads articles, publish reads enriched articles. */
        TopicId input() {
            return switch (stage) {
                case "enrich" -> TopicId.ARTICLES;
                case "publish" -> TopicId.ENRICHED;
                default -> throw new IllegalArgumentException("Only enrich and publish can be reprocessed, not '"
                        + stage + "'");
            };
        }

        String idKind() {
            return stage == null ? "replay" : "reprocess-" + stage;
        }

        String target(Console console) {
            return stage == null ? toTopic : console.topics().name(input());
        }

        ReplayPlan plan(Replayer replayer, String id, Console console) {
            Instant fromTime = time("From", from, console);
            Instant toTime = to == null ? null : time("To", to, console);
            if (stage != null) {
                String topic = console.topics().name(input());
                return replayer.plan(id, topic, topic, fromTime, null, toTime,
                        new RecordFilter(null, null, null, input()), true);
            }
            TopicId role = Arrays.stream(TopicId.values()).filter(t -> console.topics().name(t).equals(fromTopic))
                    .findFirst().orElse(null);
            RecordFilter filter = new RecordFilter(key, source, language, role);
            filter.validate(fromTopic);
            return replayer.plan(id, fromTopic, toTopic, fromTime, null, toTime, filter, false);
        }

        private static Instant time(String label, String text, Console console) {
            try {
                return TimeArgument.parse(text, console.clock());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
            }
        }
    }
}
