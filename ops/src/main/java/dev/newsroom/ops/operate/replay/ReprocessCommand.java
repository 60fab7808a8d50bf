package dev.newsroom.ops.operate.replay;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.ConsumerGroups;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.operate.StopOnSignal;
import dev.newsroom.ops.operate.TimeArgument;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom reprocess}: runs one stage again over a stretch of history by putting that window of its input
 * topic back into the same topic, marked with {@value ReplayHeaders#REPROCESS}. The running service processes the
 * copies like any input: enrich writes new enriched versions, publish republishes only what changed. Of each
 * article in the window only its latest input record is copied, so no stage ever sees a superseded version again.
 */
@Command(name = "reprocess", sortOptions = false, description = {
        "Run a stage again over a window of history: for every article with an input record in the window, its latest"
                + " input record is copied back into the stage's input topic (exactly once, marked with the header "
                + ReplayHeaders.REPROCESS + "), and the running service processes it again.",
        "enrich re-enriches articles (after new rules: new enriched versions flow on); publish re-evaluates enriched"
                + " articles and republishes only those whose published form changed.",
        "TIME is " + TimeArgument.HELP + "."})
public final class ReprocessCommand implements Callable<Integer> {

    /** The stages that can be reprocessed, as operators type them. */
    enum ReprocessStage {
        ENRICH(PipelineService.ENRICH, TopicId.ARTICLES),
        PUBLISH(PipelineService.PUBLISH, TopicId.ENRICHED);

        final PipelineService service;
        final TopicId input;

        ReprocessStage(PipelineService service, TopicId input) {
            this.service = service;
            this.input = input;
        }
    }

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationIdOptions applicationIds;

    @Option(names = "--stage", paramLabel = "STAGE", description = "enrich or publish.")
    ReprocessStage stage;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeArgument.class,
            description = "Reprocess records from the first one at or after TIME.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeArgument.class,
            description = "End before the first record at or after TIME (default: everything up to now).")
    Instant to;

    @Mixin
    ReplayRunOptions run;

    @Option(names = "--replay-id", paramLabel = "ID", description = "Id for this reprocess (default: generated).")
    String replayId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        KafkaClients clients = KafkaClients.of(connection);
        TopicCatalogue topics = clients.catalogue();
        if (run.resume != null) {
            if (stage != null || from != null || to != null || replayId != null) {
                throw usage("--resume continues a reprocess with the stage and window it started with;"
                        + " drop --stage, --from, --to and --replay-id");
            }
            return run.resume("reprocess", clients, topics, spec);
        }
        if (stage == null || from == null) {
            throw usage("reprocess needs --stage enrich|publish and --from TIME (or --resume ID)");
        }
        if (to != null && !to.isAfter(from)) {
            throw usage("--to (" + to + ") must be after --from (" + from + ")");
        }
        String id = replayId != null ? replayId : ReplayPlan.newId("reprocess-" + stage.service.label(),
                Clock.systemUTC());
        try {
            ReplayPlan.checkId(id);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String topic = topics.name(stage.input);
        Replayer planner = run.replayer(clients, topics, null, spec);
        ReplayPlan plan = planner.plan(id, topic, topic, from, null, to,
                new RecordFilter(null, null, null, stage.input), true);
        PrintWriter out = spec.commandLine().getOut();
        if (run.dryRun) {
            ReplayOutput.survey(out, "reprocess", plan, planner.survey(plan, plan.starts()),
                    stage.service.label() + " over " + topic + ", the latest record of each article seen in " + from
                            + " .. " + (to == null ? "now" : to), run.json);
            return 0;
        }
        try (StopOnSignal signal = new StopOnSignal("reprocess")) {
            Replayer.Report report = run.replayer(clients, topics, signal.flag(), spec).start(plan, run.limits());
            ReplayOutput.summary(out, "reprocess", report, run.json);
        }
        warnIfNotRunning(clients, spec.commandLine().getErr());
        return 0;
    }

    private void warnIfNotRunning(KafkaClients clients, PrintWriter err) {
        String applicationId = applicationIds.applicationId(stage.service, clients);
        try (Admin admin = clients.admin()) {
            if (!ConsumerGroups.describe(admin, applicationId).active()) {
                err.println("reprocess: note: " + applicationId + " has no active members; the copies wait in the"
                        + " topic until the " + stage.service.label() + " service runs");
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
