package dev.newsroom.ops.verify;

import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.TextTable;
import dev.newsroom.ops.verify.Account.DeliveryLine;
import dev.newsroom.ops.verify.Account.Problem;
import dev.newsroom.ops.verify.Account.ReasonLine;
import dev.newsroom.ops.verify.Account.StageLine;
import java.io.PrintWriter;
import java.util.List;

/** The account as operators read it in a terminal: tables first, then the problems, each named. */
public final class AccountReport {

    private static final int PROBLEMS_SHOWN = 20;

    private AccountReport() {
    }

    public static void print(Account account, PrintWriter out) {
        out.println("ACCOUNT " + (account.from() == null ? "of everything the topics hold" : "from " + account.from())
                + " to the ends of the topics at " + account.readAt() + " (read_committed)");
        out.println();
        out.println("STAGES");
        TextTable stages = TextTable.of("stage", "input", "in", "produced", "outputs", "dead letters", "nothing due",
                "pending", "unaccounted", "duplicates");
        for (StageLine line : account.stages()) {
            stages.row(line.stage(), line.input(), count(line.in()), count(line.produced()), count(line.outputs()),
                    count(line.deadLettered()), count(line.nothingDue()), count(line.pending()),
                    count(line.unaccounted()), count(line.duplicates()));
        }
        stages.print(out, "  ");
        var items = account.items();
        out.printf("  ingest by item: %s article versions, %s feed items dead-lettered, %s documents dead-lettered"
                        + " whole (%s raw records not in the wire format or not decodable), %s nothing-due outcomes%n",
                count(items.articleVersions()), count(items.itemDeadLetters()), count(items.documentDeadLetters()),
                count(items.undecodableRecords()), count(account.nothingDue().stream()
                        .mapToLong(Account.NothingDueLine::outcomes).sum()));
        out.println();
        out.println("NOTHING DUE AT INGEST (raw documents that rightly yield no article, by why; outcomes by item)");
        if (account.nothingDue().isEmpty()) {
            out.println("  none");
        } else {
            TextTable nothingDue = TextTable.of("kind", "raw documents", "outcomes");
            account.nothingDue().forEach(line -> nothingDue.row(line.kind(), count(line.rawDocuments()),
                    count(line.outcomes())));
            nothingDue.print(out, "  ");
        }
        out.println();
        out.println("DELIVERIES (published versions addressed to each outlet)");
        if (account.deliveries().isEmpty()) {
            out.println("  none");
        } else {
            TextTable deliveries = TextTable.of("outlet", "kind", "due", "delivered", "parked", "retrying", "pending",
                    "unaccounted", "repeated (same id)", "duplicates", "conflicting ids");
            for (DeliveryLine line : account.deliveries()) {
                deliveries.row(line.outlet(), line.kind(), count(line.due()), count(line.delivered()),
                        count(line.parked()), count(line.retrying()), count(line.pending()),
                        count(line.unaccounted()), count(line.repeated()), count(line.duplicates()),
                        count(line.conflicts()));
            }
            deliveries.print(out, "  ");
        }
        out.println();
        long letters = account.deadLetters().stream().mapToLong(ReasonLine::count).sum();
        out.println("DEAD LETTERS (" + count(letters) + ")");
        if (!account.deadLetters().isEmpty()) {
            TextTable reasons = TextTable.of("stage", "count", "reason");
            account.deadLetters().forEach(line -> reasons.row(line.stage(), count(line.count()), line.reason()));
            reasons.print(out, "  ");
        }
        out.println();
        List<Problem> problems = account.problems();
        if (problems.isEmpty()) {
            out.println(account.pending() == 0 ? "BALANCED: every input is accounted for, nothing twice."
                    : "CONSISTENT so far: nothing lost or duplicated; " + count(account.pending())
                    + " inputs still pending.");
            return;
        }
        out.println("PROBLEMS (" + problems.size() + ")");
        for (Problem problem : problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))) {
            out.println("  " + problem.kind() + " " + problem.stage() + ": " + problem.what());
        }
        if (problems.size() > PROBLEMS_SHOWN) {
            out.println("  ... and " + (problems.size() - PROBLEMS_SHOWN) + " more");
        }
    }

    private static String count(long value) {
        return Formats.count(value);
    }
}
