package dev.newsroom.ops.operate.replay;

import dev.newsroom.ops.cli.JsonOutput;
import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.TextTable;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What replay and reprocess print on stdout: the summary of a run, or a dry run's survey. */
final class ReplayOutput {

    private ReplayOutput() {
    }

    static void summary(PrintWriter out, String command, Replayer.Report report, boolean json) {
        ReplayPlan plan = report.plan();
        String state = report.complete() ? "complete" : switch (report.halt()) {
            case MAX_RECORDS -> "stopped at --max-records";
            case REQUESTED -> "stopped on request";
            case NONE -> "incomplete";
        };
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("command", command);
            summary.put("replayId", plan.id());
            summary.put("state", state);
            summary.put("complete", report.complete());
            summary.put("sourceTopic", plan.sourceTopic());
            summary.put("targetTopic", plan.targetTopic());
            summary.put("copied", report.copied());
            summary.put("seconds", report.took().toMillis() / 1000.0);
            summary.put("partitions", report.partitions());
            summary.put("outsideWindow", report.outside());
            summary.put("leftOut", report.skipped());
            summary.put("undecodable", report.undecodable());
            summary.put("resume", report.complete() ? null : "newsroom " + command + " --resume " + plan.id());
            out.println(JsonOutput.of(summary));
            return;
        }
        out.printf("%s %s: %s. This run copied %s records from %s to %s in %.1f s.%n", command, plan.id(), state,
                Formats.count(report.copied()), plan.sourceTopic(), plan.targetTopic(),
                report.took().toMillis() / 1000.0);
        TextTable table = TextTable.of("partition", "window", "next", "copied");
        for (Replayer.PartitionReport partition : report.partitions()) {
            table.row(partition.partition(), partition.start() + ".." + partition.end(), partition.next(),
                    Formats.count(partition.copied()));
        }
        table.print(out, "  ");
        List<String> notCopied = new ArrayList<>();
        if (report.outside() > 0) {
            notCopied.add(Formats.count(report.outside()) + " stamped outside the window's times");
        }
        if (report.skipped() > 0) {
            notCopied.add(Formats.count(report.skipped()) + (plan.reprocess()
                    ? " superseded by a later record of the same key" : " left out by the filter"));
        }
        if (report.undecodable() > 0) {
            notCopied.add(Formats.count(report.undecodable()) + " whose values do not decode");
        }
        if (!notCopied.isEmpty()) {
            out.println("  not copied: " + String.join(", ", notCopied));
        }
        if (!report.complete()) {
            out.println("  continue with: newsroom " + command + " --resume " + plan.id());
        }
    }

    static void survey(PrintWriter out, String command, ReplayPlan plan, List<Replayer.PartitionSurvey> partitions,
                       String heading, boolean json) {
        long records = partitions.stream().mapToLong(Replayer.PartitionSurvey::records).sum();
        long skipped = partitions.stream().mapToLong(Replayer.PartitionSurvey::skipped).sum();
        Instant first = partitions.stream().map(Replayer.PartitionSurvey::first).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        Instant last = partitions.stream().map(Replayer.PartitionSurvey::last).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        if (json) {
            Map<String, Object> survey = new LinkedHashMap<>();
            survey.put("command", command);
            survey.put("dryRun", true);
            survey.put("replayId", plan.id());
            survey.put("what", heading);
            survey.put("sourceTopic", plan.sourceTopic());
            survey.put("targetTopic", plan.targetTopic());
            survey.put("offsets", plan.totalOffsets());
            survey.put("records", records);
            survey.put("leftOut", skipped);
            survey.put("firstTimestamp", first);
            survey.put("lastTimestamp", last);
            survey.put("partitions", partitions);
            out.println(JsonOutput.of(survey));
            return;
        }
        out.printf("%s (dry run, nothing written): %s%n", command, heading);
        TextTable table = TextTable.of("partition", "offsets", "records", "first timestamp", "last timestamp");
        for (Replayer.PartitionSurvey partition : partitions) {
            table.row(partition.partition(), partition.start() + ".." + partition.end(),
                    Formats.count(partition.records()), partition.first(), partition.last());
        }
        table.row("total", Formats.count(plan.totalOffsets()) + " offsets", Formats.count(records), first, last);
        table.print(out, "  ");
        if (skipped > 0) {
            out.printf("  %s more records in the range would be left out: %s%n", Formats.count(skipped),
                    plan.reprocess() ? "superseded by a later record of the same key, or stamped outside the window"
                            : "stamped outside the window's times, or not matching the filter");
        }
    }
}
