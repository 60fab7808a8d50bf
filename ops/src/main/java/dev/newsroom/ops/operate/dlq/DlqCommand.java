package dev.newsroom.ops.operate.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.TextTable;
import dev.newsroom.ops.operate.TimeArgument;
import dev.newsroom.ops.operate.dlq.DeadLetterStore.Entry;
import dev.newsroom.ops.operate.dlq.DeadLetterStore.Marker;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RecordHeader;
import dev.newsroom.schemas.Stage;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsroom dlq}: look at dead letters and send their records back once the cause is fixed. */
@Command(name = "dlq", description = "List, show and re-drive dead letters.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.ShowLetter.class, DlqCommand.Redrive.class})
public final class DlqCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int REASON_WIDTH = 100;
    private static final int TRACE_LINES = 15;

    /** Which dead letters a command is about. */
    static final class Selection {
        @Option(names = "--stage", paramLabel = "STAGE",
                description = "Only this stage: ${COMPLETION-CANDIDATES}.")
        Stage stage;

        @Option(names = "--since", paramLabel = "TIME", converter = TimeArgument.class,
                description = "Only letters that failed at or after TIME (" + TimeArgument.HELP + ").")
        Instant since;

        @Option(names = "--reason-matches", paramLabel = "REGEX",
                description = "Only letters whose reason or error class contains a match of REGEX.")
        String reasonMatches;

        Predicate<DeadLetter> predicate(CommandSpec spec) {
            Pattern reason;
            try {
                reason = reasonMatches == null ? null : Pattern.compile(reasonMatches);
            } catch (PatternSyntaxException e) {
                throw new ParameterException(spec.commandLine(), "--reason-matches is not a regular expression: "
                        + e.getDescription());
            }
            return letter -> (stage == null || letter.getStage() == stage)
                    && (since == null || !letter.getFailedAt().isBefore(since))
                    && (reason == null || reason.matcher(letter.getReason()).find()
                    || reason.matcher(letter.getErrorClass()).find());
        }
    }

    @Command(name = "list", description = "Dead letters with stage, age, reason and whether they were re-driven.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Mixin
        Selection selection;
        @Option(names = "--json", description = "One JSON array, for scripts.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            KafkaClients clients = KafkaClients.of(connection);
            DeadLetterStore store = new DeadLetterStore(clients, clients.catalogue());
            Predicate<DeadLetter> wanted = selection.predicate(spec);
            DeadLetterStore.Letters letters = store.letters();
            Map<String, Marker> markers = store.markers();
            List<Entry> chosen = letters.entries().stream().filter(e -> wanted.test(e.letter())).toList();
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                chosen.forEach(entry -> rows.add(summary(entry, markers.get(entry.id()), now)));
                out.println(JSON.writeValueAsString(rows));
                return 0;
            }
            TextTable table = TextTable.of("ID", "STAGE", "AGE", "RE-DRIVEN", "REASON");
            for (Entry entry : chosen) {
                DeadLetter letter = entry.letter();
                Marker marker = markers.get(entry.id());
                table.row(entry.id(), letter.getStage(), Formats.age(Duration.between(letter.getFailedAt(), now)),
                        marker == null ? "no" : Formats.age(Duration.between(marker.at(), now)) + " ago",
                        oneLine(letter.getReason(), REASON_WIDTH));
            }
            if (!table.isEmpty()) {
                table.print(out, "");
            }
            out.printf("%d dead letter%s in %s%s%n", chosen.size(), chosen.size() == 1 ? "" : "s", store.topic(),
                    chosen.size() == letters.entries().size() ? "" : " (of " + letters.entries().size() + ")");
            if (letters.undecodable() > 0) {
                out.printf("%d record%s of %s do not decode as dead letters%n", letters.undecodable(),
                        letters.undecodable() == 1 ? "" : "s", store.topic());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Everything in one dead letter: reason, error, coordinates, key, headers,"
            + " value size, stack trace.")
    static final class ShowLetter implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Parameters(paramLabel = "ID", description = "The dead letter's id, as dlq list prints it.")
        String id;
        @Option(names = "--json", description = "One JSON object, for scripts (with the whole stack trace).")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            KafkaClients clients = KafkaClients.of(connection);
            DeadLetterStore store = new DeadLetterStore(clients, clients.catalogue());
            Entry entry = store.letters().entries().stream().filter(e -> e.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No dead letter '" + id + "' in " + store.topic()
                            + " (newsroom dlq list shows the ids)"));
            Marker marker = store.markers().get(id);
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            if (json) {
                Map<String, Object> details = summary(entry, marker, now);
                details.put("key", Formats.printable(Formats.bytes(entry.letter().getOriginalKey())));
                details.put("headers", headers(entry.letter()));
                details.put("details", entry.letter().getDetails());
                details.put("stackTrace", entry.letter().getStackTrace());
                out.println(JSON.writeValueAsString(details));
                return 0;
            }
            show(out, store, entry, marker, now);
            return 0;
        }

        private static void show(PrintWriter out, DeadLetterStore store, Entry entry, Marker marker, Instant now) {
            DeadLetter letter = entry.letter();
            out.printf("%-14s %s%n", "id", letter.getId());
            out.printf("%-14s %s (%s)%n", "stage", letter.getStage(), letter.getApplication());
            out.printf("%-14s %s%n", "reason", letter.getReason());
            out.printf("%-14s %s%n", "error class", letter.getErrorClass());
            out.printf("%-14s %s (%s ago), attempts %d%n", "failed at", letter.getFailedAt(),
                    Formats.age(Duration.between(letter.getFailedAt(), now)), letter.getAttempts());
            out.printf("%-14s %s partition %d offset %d%s%n", "original", letter.getOriginalTopic(),
                    letter.getOriginalPartition(), letter.getOriginalOffset(),
                    letter.getOriginalTimestamp() == null ? "" : ", timestamp " + letter.getOriginalTimestamp());
            out.printf("%-14s %s%n", "key", Formats.printable(Formats.bytes(letter.getOriginalKey())));
            byte[] value = Formats.bytes(letter.getOriginalValue());
            out.printf("%-14s %s%n", "value", value == null ? "(null)" : Formats.count(value.length) + " bytes");
            Map<String, String> headers = headers(letter);
            out.printf("%-14s %s%n", "headers", headers.isEmpty() ? "(none)" : "");
            headers.forEach((key, text) -> out.printf("  %s: %s%n", key, text));
            if (!letter.getDetails().isEmpty()) {
                out.printf("%-14s%n", "details");
                letter.getDetails().forEach((key, text) -> out.printf("  %s: %s%n", key, text));
            }
            out.printf("%-14s %s%n", "re-driven", marker == null ? "no"
                    : "by " + marker.redriveId() + " at " + marker.at() + " to " + marker.topic());
            out.printf("%-14s %s partition %d offset %d%n", "dead letter", store.topic(), entry.partition(),
                    entry.offset());
            if (letter.getStackTrace() != null) {
                String[] lines = letter.getStackTrace().split("\\R");
                out.printf("stack trace%s%n", lines.length > TRACE_LINES
                        ? " (first " + TRACE_LINES + " of " + lines.length + " lines; --json has it all)" : "");
                for (int i = 0; i < Math.min(TRACE_LINES, lines.length); i++) {
                    out.println("  " + lines[i]);
                }
            }
        }
    }

    @Command(name = "redrive", description = {
            "Send dead letters' original records (key, value bytes, headers) back to their original topics, with"
                    + " headers " + Redriver.REDRIVE_ID + " and " + Redriver.REDRIVE_OF + ".",
            "Exactly once: re-driven letters are recorded in the same transaction, and are skipped next time unless"
                    + " --again. A failed redrive is rolled back; the dead letters always stay."})
    static final class Redrive implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;
        @Mixin
        Selection selection;
        @Option(names = "--id", paramLabel = "ID", description = "Only these dead letters (repeatable).")
        List<String> ids;
        @Option(names = "--again", description = "Re-drive letters that were re-driven before, too.")
        boolean again;
        @Option(names = "--dry-run", description = "Show what would be re-driven; send nothing.")
        boolean dryRun;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            KafkaClients clients = KafkaClients.of(connection);
            DeadLetterStore store = new DeadLetterStore(clients, clients.catalogue());
            Predicate<DeadLetter> chosen = selection.predicate(spec);
            Predicate<DeadLetter> wanted = ids == null ? chosen : chosen.and(letter -> ids.contains(letter.getId()));
            Redriver redriver = new Redriver(clients, store, Clock.systemUTC());
            PrintWriter out = spec.commandLine().getOut();
            Redriver.Selection selected;
            if (dryRun) {
                selected = redriver.select(wanted, again);
                selected.toRedrive().forEach(entry -> out.printf("would re-drive %s -> %s (%s)%n", entry.id(),
                        redriver.destination(entry.letter()), oneLine(entry.letter().getReason(), REASON_WIDTH)));
            } else {
                String redriveId = Redriver.newId(Clock.systemUTC());
                selected = redriver.redrive(wanted, again, redriveId, entry -> out.printf("re-driven %s -> %s%n",
                        entry.id(), redriver.destination(entry.letter())));
                if (!selected.toRedrive().isEmpty()) {
                    out.printf("redrive %s: %d dead letter%s re-driven%n", redriveId, selected.toRedrive().size(),
                            selected.toRedrive().size() == 1 ? "" : "s");
                }
            }
            if (selected.toRedrive().isEmpty()) {
                out.println(dryRun ? "nothing would be re-driven" : "nothing to re-drive");
            }
            if (!selected.alreadyRedriven().isEmpty()) {
                out.printf("%d already re-driven, left alone (--again sends them again): %s%n",
                        selected.alreadyRedriven().size(), ids(selected.alreadyRedriven()));
            }
            if (!selected.topicMissing().isEmpty()) {
                spec.commandLine().getErr().printf("dlq redrive: %d dead letter%s not re-driven, their original topic"
                        + " no longer exists: %s%n", selected.topicMissing().size(),
                        selected.topicMissing().size() == 1 ? "" : "s", ids(selected.topicMissing()));
                return 1;
            }
            return 0;
        }

        private static String ids(List<Entry> entries) {
            List<String> ids = entries.stream().limit(10).map(Entry::id).toList();
            return String.join(", ", ids) + (entries.size() > ids.size() ? ", …" : "");
        }
    }

    private static Map<String, Object> summary(Entry entry, Marker marker, Instant now) {
        DeadLetter letter = entry.letter();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", letter.getId());
        row.put("stage", letter.getStage().name());
        row.put("application", letter.getApplication());
        row.put("reason", letter.getReason());
        row.put("errorClass", letter.getErrorClass());
        row.put("failedAt", letter.getFailedAt().toString());
        row.put("ageSeconds", Duration.between(letter.getFailedAt(), now).toSeconds());
        row.put("attempts", letter.getAttempts());
        row.put("originalTopic", letter.getOriginalTopic());
        row.put("originalPartition", letter.getOriginalPartition());
        row.put("originalOffset", letter.getOriginalOffset());
        byte[] value = Formats.bytes(letter.getOriginalValue());
        row.put("valueBytes", value == null ? null : value.length);
        row.put("deadLetterPartition", entry.partition());
        row.put("deadLetterOffset", entry.offset());
        if (marker == null) {
            row.put("redriven", null);
        } else {
            Map<String, Object> redriven = new LinkedHashMap<>();
            redriven.put("redriveId", marker.redriveId());
            redriven.put("at", marker.at().toString());
            redriven.put("topic", marker.topic());
            row.put("redriven", redriven);
        }
        return row;
    }

    private static Map<String, String> headers(DeadLetter letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (RecordHeader header : letter.getOriginalHeaders()) {
            headers.merge(header.getKey(), Formats.printable(Formats.bytes(header.getValue())), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static String oneLine(String text, int width) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }
}
