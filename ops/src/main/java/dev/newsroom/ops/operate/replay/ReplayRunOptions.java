package dev.newsroom.ops.operate.replay;

import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.StopOnSignal;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How a replay or reprocess runs: pace, size, dry run, or continuing an earlier one. */
public final class ReplayRunOptions {

    @Option(names = "--rate", paramLabel = "N/s", converter = RateLimit.Converter.class,
            description = "Copy at most N records per second (or N/m per minute).")
    RateLimit rate;

    @Option(names = "--max-records", paramLabel = "N",
            description = "Stop after copying N records; the rest can follow with --resume.")
    long maxRecords;

    @Option(names = "--dry-run", description = "Read the window and print per-partition counts and time span;"
            + " write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "The dry run's survey or the run's summary as one JSON object, for"
            + " scripts.")
    boolean json;

    @Option(names = "--resume", paramLabel = "ID",
            description = "Continue replay ID from its last committed transaction (same window, topics, filters).")
    String resume;

    Replayer.Limits limits() {
        return new Replayer.Limits(rate == null ? RateLimit.unlimited() : rate, maxRecords);
    }

    Replayer replayer(KafkaClients clients, TopicCatalogue topics, AtomicBoolean stop, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        return new Replayer(clients, topics, stop == null ? new AtomicBoolean() : stop,
                (plan, remaining) -> new ProgressBar(err, terminal, spec.name() + " " + plan.id(), remaining));
    }

    /** Continues (or, with --dry-run, surveys what is left of) an earlier replay. */
    int resume(String command, KafkaClients clients, TopicCatalogue topics, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            Replayer replayer = replayer(clients, topics, null, spec);
            ReplayPlan.Committed committed = replayer.committed(resume);
            ReplayPlan plan = committed.plan();
            ReplayOutput.survey(out, command, plan, replayer.survey(plan, committed.next()),
                    "what is left of " + plan.id() + ", " + plan.sourceTopic() + " -> " + plan.targetTopic(), json);
            return 0;
        }
        try (StopOnSignal signal = new StopOnSignal(command)) {
            Replayer.Report report = replayer(clients, topics, signal.flag(), spec).resume(resume, limits());
            ReplayOutput.summary(out, command, report, json);
        }
        return 0;
    }
}
