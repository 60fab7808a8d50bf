package dev.newsroom.systemtest.scenario;

import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.TextTable;
import dev.newsroom.systemtest.check.Verdict;
import dev.newsroom.systemtest.check.Verdict.Counts;
import dev.newsroom.systemtest.check.Verdict.KindCounts;
import dev.newsroom.systemtest.check.Verdict.OutletCounts;
import java.io.PrintWriter;

/** A scenario's own account: what was sent, what had to come out, what did, and what went wrong. */
final class ScenarioReport {

    private ScenarioReport() {
    }

    static void print(String name, String title, Scenario.Outcome outcome, Timeline timeline, PrintWriter out) {
        Verdict verdict = outcome.verdict();
        Counts counts = verdict.counts();
        out.println("=".repeat(100));
        out.println("SCENARIO " + name + ": " + title);
        out.printf("%s in %.0f s (seed %d)%n", outcome.balanced() ? "BALANCED" : "NOT BALANCED",
                outcome.took().toMillis() / 1000.0, SystemTestSettings.seed());
        out.println();
        out.println("TIMELINE");
        timeline.entries().forEach(entry -> out.println("  " + entry));
        out.println();
        out.println("EXPECTED AND OBSERVED (read_committed)");
        TextTable table = TextTable.of("what", "expected", "observed");
        table.row("raw documents in", "", n(counts.documents()) + " (" + n(counts.goodDocuments()) + " good, of which "
                + n(counts.changedResends()) + " changed and " + n(counts.identicalResends())
                + " unchanged re-sends; " + n(counts.badDocuments()) + " bad)");
        table.row("article versions out (by item)", n(counts.expectedArticles()), n(counts.articles()) + " ("
                + n(counts.distinctArticleIds()) + " articles)");
        table.row("feed items dead-lettered", n(counts.expectedItemLetters()), n(counts.itemLetters()));
        table.row("documents dead-lettered", n(counts.expectedDocumentLetters()), n(counts.documentLetters()));
        table.row("enriched versions", n(counts.expectedArticles()), n(counts.enriched()));
        table.row("published versions", n(counts.expectedPublished()), n(counts.published()));
        table.print(out, "  ");
        if (!counts.bad().isEmpty()) {
            out.println();
            out.println("BAD INPUTS (each must be a dead letter with its reason)");
            TextTable bad = TextTable.of("kind", "sent", "dead-lettered with the right reason");
            for (KindCounts kind : counts.bad()) {
                bad.row(kind.kind(), n(kind.sent()), n(kind.deadLettered()));
            }
            bad.print(out, "  ");
        }
        out.println();
        out.println("DELIVERIES PER OUTLET (as the receiving end saw them)");
        TextTable outlets = TextTable.of("outlet", "kind", "due", "delivered", "requests", "repeats (same id)",
                "refused (503/down)", "conflicting ids", "out of order", "bad signatures", "duplicates");
        for (OutletCounts outlet : counts.outlets()) {
            outlets.row(outlet.outlet(), outlet.kind(), n(outlet.due()), n(outlet.delivered()), n(outlet.requests()),
                    n(outlet.repeats()), n(outlet.refused()), n(outlet.conflictingIds()), n(outlet.outOfOrder()),
                    n(outlet.badSignatures()), n(outlet.duplicates()));
        }
        outlets.print(out, "  ");
        if (!verdict.violations().isEmpty()) {
            out.println();
            out.println("VIOLATIONS");
            verdict.violations().forEach(v -> out.println("  " + v));
        }
        if (!verdict.missing().isEmpty()) {
            out.println();
            out.println("MISSING");
            verdict.missing().forEach(m -> out.println("  " + m));
        }
    }

    private static String n(long value) {
        return Formats.count(value);
    }
}
