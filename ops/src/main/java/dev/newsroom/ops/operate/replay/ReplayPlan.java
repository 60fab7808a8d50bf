package dev.newsroom.ops.operate.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.schemas.topic.TopicId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A replay: its id, the source window ({@code [start, end)} offsets per partition, fixed when the replay starts so
 * that "2h ago" means the same on resume), the target topic and the filter. A reprocess also keeps where its
 * window ended and where each partition ended when it was planned ({@code windowEnds}, {@code scanEnds}): it
 * copies the latest record of each key seen in the window ({@link LatestPerKey}), so {@code ends} reach up to the
 * last of those.
 *
 * <p>The plan is kept in Kafka, as the metadata of the progress offsets the replay commits to its own group
 * {@code newsroom-replay-<id>}, in the same transactions as the copies. So {@code --resume <id>} needs nothing
 * but the id, and progress and copies can never disagree.
 */
public record ReplayPlan(String id, String sourceTopic, String targetTopic, RecordFilter filter, TimeWindow times,
                         boolean reprocess, SortedMap<Integer, Long> starts, SortedMap<Integer, Long> ends,
                         SortedMap<Integer, Long> windowEnds, SortedMap<Integer, Long> scanEnds) {

    public static final String GROUP_PREFIX = "newsroom-replay-";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    public ReplayPlan {
        starts = Collections.unmodifiableSortedMap(new TreeMap<>(starts));
        ends = Collections.unmodifiableSortedMap(new TreeMap<>(ends));
        windowEnds = Collections.unmodifiableSortedMap(new TreeMap<>(windowEnds));
        scanEnds = Collections.unmodifiableSortedMap(new TreeMap<>(scanEnds));
    }

    /** A plain replay: copies what the filter lets through of {@code [start, end)}. */
    public static ReplayPlan replay(String id, String sourceTopic, String targetTopic, RecordFilter filter,
                                    TimeWindow times, Map<Integer, Long> starts, Map<Integer, Long> ends) {
        return new ReplayPlan(id, sourceTopic, targetTopic, filter, times, false, new TreeMap<>(starts),
                new TreeMap<>(ends),
                new TreeMap<>(), new TreeMap<>());
    }

    /** {@code replay-20261128-093000-4f2a}: sortable, readable, and unique enough for a person typing it. */
    public static String newId(String kind, Clock clock) {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return kind + "-" + ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    public static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Replay id '" + id + "' may only hold letters, digits, '.', '_' and"
                    + " '-'");
        }
    }

    /** The replay's own consumer group, which holds its progress and plan; no service ever uses it. */
    public String groupId() {
        return GROUP_PREFIX + id;
    }

    public String transactionalId() {
        return GROUP_PREFIX + id;
    }

    public long totalOffsets() {
        return starts.entrySet().stream().mapToLong(e -> ends.get(e.getKey()) - e.getValue()).sum();
    }

    /** The progress to commit: next offset per source partition, each carrying the plan. */
    public Map<TopicPartition, OffsetAndMetadata> progress(Map<Integer, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new TreeMap<>(
                (a, b) -> Integer.compare(a.partition(), b.partition()));
        next.forEach((partition, offset) -> offsets.put(new TopicPartition(sourceTopic, partition),
                new OffsetAndMetadata(offset, metadata(partition))));
        return offsets;
    }

    private String metadata(int partition) {
        ObjectNode node = JSON.createObjectNode()
                .put("v", 1)
                .put("to", targetTopic)
                .put("start", starts.get(partition))
                .put("end", ends.get(partition))
                .put("reprocess", reprocess);
        if (reprocess) {
            node.put("windowEnd", windowEnds.get(partition)).put("scanEnd", scanEnds.get(partition));
        }
        if (times.from() != null) {
            node.put("fromTime", times.from().toEpochMilli());
        }
        if (times.to() != null) {
            node.put("toTime", times.to().toEpochMilli());
        }
        if (filter.role() != null) {
            node.put("role", filter.role().name());
        }
        if (filter.key() != null) {
            node.put("key", filter.key());
        }
        if (filter.source() != null) {
            node.put("source", filter.source());
        }
        if (filter.language() != null) {
            node.put("language", filter.language());
        }
        return node.toString();
    }

    /** A plan and where it got to, read back from the replay's committed progress. */
    public record Committed(ReplayPlan plan, SortedMap<Integer, Long> next) {
        public boolean complete() {
            return next.entrySet().stream().allMatch(e -> e.getValue() >= plan.ends().get(e.getKey()));
        }
    }

    public static Committed fromProgress(String id, Map<TopicPartition, OffsetAndMetadata> committed) {
        SortedMap<Integer, Long> starts = new TreeMap<>();
        SortedMap<Integer, Long> ends = new TreeMap<>();
        SortedMap<Integer, Long> next = new TreeMap<>();
        SortedMap<Integer, Long> windowEnds = new TreeMap<>();
        SortedMap<Integer, Long> scanEnds = new TreeMap<>();
        String source = null;
        JsonNode plan = null;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(entry.getValue().metadata());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalStateException("Group " + GROUP_PREFIX + id + " holds offsets that are not a replay's"
                        + " progress (" + entry.getKey() + ")", e);
            }
            if (node == null || !node.has("end")) {
                throw new IllegalStateException("Group " + GROUP_PREFIX + id + " holds offsets that are not a replay's"
                        + " progress (" + entry.getKey() + ")");
            }
            source = entry.getKey().topic();
            plan = node;
            int partition = entry.getKey().partition();
            starts.put(partition, node.get("start").asLong());
            ends.put(partition, node.get("end").asLong());
            next.put(partition, entry.getValue().offset());
            if (node.has("windowEnd")) {
                windowEnds.put(partition, node.get("windowEnd").asLong());
                scanEnds.put(partition, node.get("scanEnd").asLong());
            }
        }
        if (plan == null) {
            throw new IllegalArgumentException("There is no replay '" + id + "': its group " + GROUP_PREFIX + id
                    + " has no committed progress (a run that failed before its first commit left nothing to resume)");
        }
        RecordFilter filter = new RecordFilter(text(plan, "key"), text(plan, "source"), text(plan, "language"),
                plan.has("role") ? TopicId.valueOf(plan.get("role").asText()) : null);
        TimeWindow times = new TimeWindow(instant(plan, "fromTime"), instant(plan, "toTime"));
        ReplayPlan replay = new ReplayPlan(id, source, plan.get("to").asText(), filter, times,
                plan.path("reprocess").asBoolean(false), starts, ends, windowEnds, scanEnds);
        return new Committed(replay, next);
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.ofEpochMilli(node.get(field).asLong()) : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
