package dev.newsroom.console;

import dev.newsroom.console.ConsoleServer.NotFound;
import dev.newsroom.console.ConsoleServer.View;
import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.TimeArgument;
import dev.newsroom.ops.operate.dlq.DeadLetterStore;
import dev.newsroom.ops.operate.dlq.DeadLetterStore.Entry;
import dev.newsroom.ops.operate.dlq.DeadLetterStore.Marker;
import dev.newsroom.ops.operate.dlq.Redriver;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RecordHeader;
import dev.newsroom.schemas.Stage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Dead letters: a filtered, paged list, one letter in full, and re-drive through the command line's
 * {@link Redriver} after a dry-run preview of exactly the letters the confirmation will send.
 */
final class DeadLetterPages {

    /** The payload shown on a letter's page; raw documents can be 32 MiB. */
    static final int PAYLOAD_PREVIEW_BYTES = 16 * 1024;
    private static final int REASON_WIDTH = 160;

    private final Console console;

    DeadLetterPages(Console console) {
        this.console = console;
    }

    static String link(String id) {
        return "/deadletters/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A letter's link with its position, so its page reads that one record. */
    static String link(Entry entry) {
        return link(entry.id()) + "?at=" + entry.partition() + ":" + entry.offset();
    }

    /** The filter of the list page, as the command line's {@code dlq list} options. */
    record Filter(Stage stage, String reason, Instant since, String sinceText) {

        static Filter of(Exchange exchange, Console console) {
            String stageName = exchange.parameter("stage");
            Stage stage = null;
            if (stageName != null) {
                try {
                    stage = Stage.valueOf(stageName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("No stage '" + stageName + "'");
                }
            }
            String since = exchange.parameter("since");
            Instant sinceTime = null;
            if (since != null) {
                try {
                    sinceTime = TimeArgument.parse(since, console.clock());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("Since: " + e.getMessage(), e);
                }
            }
            String reason = exchange.parameter("reason");
            if (reason != null) {
                try {
                    Pattern.compile(reason);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("Reason is not a regular expression: " + e.getDescription());
                }
            }
            return new Filter(stage, reason, sinceTime, since);
        }

        Predicate<DeadLetter> predicate() {
            Pattern pattern = reason == null ? null : Pattern.compile(reason);
            return letter -> (stage == null || letter.getStage() == stage)
                    && (since == null || !letter.getFailedAt().isBefore(since))
                    && (pattern == null || pattern.matcher(letter.getReason()).find()
                    || pattern.matcher(letter.getErrorClass()).find());
        }

        /** The filter as query parameters, for paging links and the re-drive preview. */
        String query() {
            StringBuilder query = new StringBuilder();
            append(query, "stage", stage == null ? null : stage.name());
            append(query, "reason", reason);
            append(query, "since", sinceText);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * A page of letters, newest first, read by {@link DeadLetterPager}: only what the page shows (and, for a
     * stage or reason filter, what it skips), never the whole topic.
     */
    View list(Exchange exchange) {
        Filter filter = Filter.of(exchange, console);
        DeadLetterPager.Cursor from = DeadLetterPager.Cursor.parse(exchange.parameter("before"));
        int size = Math.max(1, Math.min(Paging.MAX_SIZE, exchange.intParameter("size", Paging.DEFAULT_SIZE)));
        int number = from.before().isEmpty() ? 1 : Math.max(2, exchange.intParameter("page", 2));
        DeadLetterPager.Page page = console.deadLetterPager().page(from, filter.since(), filter.predicate(), size);
        Map<String, Marker> markers = console.deadLetters().markers();
        Instant now = console.clock().instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry entry : page.rows()) {
            DeadLetter letter = entry.letter();
            Marker marker = markers.get(entry.id());
            rows.add(Model.of("id", entry.id(), "link", link(entry), "stage", letter.getStage().name(),
                    "age", Model.age(letter.getFailedAt(), now), "failedAt", Model.time(letter.getFailedAt()),
                    "redriven", marker == null ? "" : Model.age(marker.at(), now) + " ago",
                    "reason", oneLine(letter.getReason())));
        }
        int first = (number - 1) * size + 1;
        return new View("deadletters", Model.of("nav", "deadletters", "topic", console.deadLetters().topic(),
                "rows", rows, "number", number, "first", first, "last", first + rows.size() - 1,
                "spanned", page.spanned(), "read", page.read(), "scanLimited", page.scanLimited(),
                "maxScan", DeadLetterPager.MAX_SCAN,
                "olderLink", page.older() == null ? null : "/deadletters?" + filter.query() + sizeQuery(size)
                        + "&before=" + page.older().text() + "&page=" + (number + 1),
                "newestLink", number == 1 ? null : "/deadletters?" + filter.query() + sizeQuery(size),
                "stages", Arrays.stream(Stage.values()).map(Stage::name).toList(),
                "stage", filter.stage() == null ? "" : filter.stage().name(),
                "reason", filter.reason() == null ? "" : filter.reason(),
                "since", filter.sinceText() == null ? "" : filter.sinceText(),
                "filterQuery", filter.query()));
    }

    private static String sizeQuery(int size) {
        return size == Paging.DEFAULT_SIZE ? "" : "&size=" + size;
    }

    /** A letter's page, found by its position in the dead-letter topic (one record read) or else by its id. */
    View show(String id, Exchange exchange) {
        DeadLetterStore store = console.deadLetters();
        Entry entry = at(exchange.parameter("at"), id).orElseGet(() -> store.letters().entries().stream()
                .filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("No dead letter '" + id + "' in " + store.topic())));
        Marker marker = store.markers().get(id);
        DeadLetter letter = entry.letter();
        Instant now = console.clock().instant();
        byte[] value = Formats.bytes(letter.getOriginalValue());
        List<Map<String, Object>> headers = new ArrayList<>();
        for (RecordHeader header : letter.getOriginalHeaders()) {
            headers.add(Model.of("key", header.getKey(), "value", Formats.printable(Formats.bytes(header.getValue()))));
        }
        return new View("deadletter", Model.of("nav", "deadletters", "id", id, "letter", letter,
                "stage", letter.getStage().name(), "failedAt", Model.time(letter.getFailedAt()),
                "age", Model.age(letter.getFailedAt(), now),
                "original", letter.getOriginalTopic() + " partition " + letter.getOriginalPartition() + " offset "
                        + letter.getOriginalOffset(),
                "key", Formats.printable(Formats.bytes(letter.getOriginalKey())),
                "valueSize", value == null ? "(null)" : Model.bytes(value.length),
                "payload", payload(value), "truncated", value != null && value.length > PAYLOAD_PREVIEW_BYTES,
                "headers", headers, "details", letter.getDetails(),
                "redriven", marker == null ? "no" : "by " + marker.redriveId() + " at " + marker.at() + " to "
                        + marker.topic(),
                "at", store.topic() + " partition " + entry.partition() + " offset " + entry.offset(),
                "stackTrace", letter.getStackTrace() == null ? "" : letter.getStackTrace()));
    }

    private Optional<Entry> at(String position, String id) {
        if (position == null) {
            return Optional.empty();
        }
        String[] partitionOffset = position.split(":", 2);
        try {
            return console.deadLetterPager().at(Integer.parseInt(partitionOffset[0]),
                    Long.parseLong(partitionOffset[1]), id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What a re-drive of the chosen letters would do, without doing it: the same selection {@code dlq redrive
     * --dry-run} makes. The confirmation form names exactly the letters listed here.
     */
    View preview(Exchange exchange) {
        List<String> ids = exchange.parameters("id");
        boolean again = exchange.parameter("again") != null;
        Filter filter = Filter.of(exchange, console);
        Predicate<DeadLetter> wanted = ids.isEmpty() ? filter.predicate()
                : filter.predicate().and(letter -> ids.contains(letter.getId()));
        Redriver.Selection selection = console.redriver().select(wanted, again);
        return new View("redrive", Model.of("nav", "deadletters", "done", false, "again", again,
                "toRedrive", rows(selection.toRedrive()), "already", rows(selection.alreadyRedriven()),
                "missing", rows(selection.topicMissing())));
    }

    /** Re-drives the letters the preview listed (by id), exactly once, as {@code dlq redrive --id ...}. */
    Audit.Result redrive(Exchange exchange) {
        Set<String> ids = Set.copyOf(exchange.parameters("id"));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Choose the dead letters to re-drive (preview first)");
        }
        boolean again = exchange.parameter("again") != null;
        String redriveId = Redriver.newId(console.clock());
        Redriver.Selection selection = console.redriver().redrive(letter -> ids.contains(letter.getId()), again,
                redriveId, entry -> { });
        return new Audit.Result(new View("redrive", Model.of("nav", "deadletters", "done", true, "again", again,
                "redriveId", redriveId, "toRedrive", rows(selection.toRedrive()),
                "already", rows(selection.alreadyRedriven()), "missing", rows(selection.topicMissing()))), true,
                redriveId + ": " + selection.toRedrive().size() + " re-driven, " + selection.alreadyRedriven().size()
                        + " re-driven before, " + selection.topicMissing().size() + " without their topic");
    }

    private static List<Map<String, Object>> rows(List<Entry> entries) {
        return entries.stream().map(entry -> Model.of("id", entry.id(), "link", link(entry),
                "stage", entry.letter().getStage().name(), "topic", entry.letter().getOriginalTopic(),
                "reason", oneLine(entry.letter().getReason()))).toList();
    }

    /** The first {@value #PAYLOAD_PREVIEW_BYTES} bytes as text (the template escapes it), or hex when binary. */
    static String payload(byte[] value) {
        if (value == null) {
            return "(null)";
        }
        byte[] head = value.length <= PAYLOAD_PREVIEW_BYTES ? value : Arrays.copyOf(value, PAYLOAD_PREVIEW_BYTES);
        String text = new String(head, StandardCharsets.UTF_8);
        long unreadable = text.chars().filter(c -> c == 0xFFFD || (Character.isISOControl(c) && c != '\n'
                && c != '\r' && c != '\t')).count();
        if (unreadable > text.length() / 10) {
            return java.util.HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(head.length, 1024))
                    + (head.length > 1024 ? " …" : "");
        }
        return text;
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= REASON_WIDTH ? line : line.substring(0, REASON_WIDTH - 1) + "…";
    }
}
