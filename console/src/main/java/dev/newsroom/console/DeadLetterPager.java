package dev.newsroom.console;

import dev.newsroom.ops.operate.BoundedRead;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.dlq.DeadLetterStore.Entry;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * One page of the dead-letter topic, newest first, reading only what the page needs: each partition backwards
 * from its end (or from where the previous page stopped) in chunks, merged by record time. A page of 50 reads
 * about 50 records plus one chunk per partition, however many million the topic holds. The age filter becomes a
 * starting offset per partition (the broker's time index); the stage and reason filters are applied to what is
 * read, going further back until the page is full or {@link #MAX_SCAN} records were read.
 */
final class DeadLetterPager {

    /** The most records one request reads for a filter that matches little; the page then offers to go on. */
    static final int MAX_SCAN = 20_000;
    private static final int MAX_CHUNK = 1_000;

    /**
     * Where a page starts: per partition, the offset below which it reads (exclusive). Empty: from the end. The
     * template reads {@link #text()}, so it is public.
     */
    record Cursor(Map<Integer, Long> before) {

        static final Cursor END = new Cursor(Map.of());

        /** From its text, {@code 0:1234,1:998}; a malformed one is refused. */
        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return END;
            }
            Map<Integer, Long> before = new TreeMap<>();
            try {
                for (String part : text.split(",")) {
                    String[] partitionOffset = part.strip().split(":", 2);
                    before.put(Integer.parseInt(partitionOffset[0]), Long.parseLong(partitionOffset[1]));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Not a page position: '" + text + "'");
            }
            return new Cursor(before);
        }

        public String text() {
            return new TreeMap<>(before).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(","));
        }
    }

    /**
     * A page: its letters, where the next (older) page starts (null at the beginning of the topic), how many
     * records were read from the broker for it, whether the merge stopped at {@link #MAX_SCAN} records before the
     * page was full, and how many offsets the topic spans (records, plus the transaction markers that take
     * offsets too).
     */
    record Page(List<Entry> rows, Cursor older, long read, boolean scanLimited, long spanned) {
    }

    private final KafkaClients clients;
    private final String topic;
    private final Deserializer<DeadLetter> values;

    DeadLetterPager(KafkaClients clients, TopicCatalogue topics) {
        this.clients = clients;
        this.topic = topics.name(TopicId.DEADLETTER);
        this.values = topics.deadLetters().valueSerde().deserializer();
    }

    /** One partition read backwards: the unread range {@code [lower, upper)} and a chunk read from its top. */
    private static final class Backwards {
        final TopicPartition partition;
        final long lower;
        long upper;
        int chunk;
        long consumedDownTo;
        long read;
        final Deque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();

        Backwards(TopicPartition partition, long lower, long upper, int chunk) {
            this.partition = partition;
            this.lower = lower;
            this.upper = upper;
            this.chunk = chunk;
            this.consumedDownTo = upper;
        }

        boolean exhausted() {
            return buffer.isEmpty() && upper <= lower;
        }
    }

    /**
     * @param since  letters failed at or after this time only (by record time); null for all
     * @param wanted the stage and reason filter
     */
    Page page(Cursor from, Instant since, Predicate<DeadLetter> wanted, int size) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-console-deadletters")) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return new Page(List.of(), null, 0, false, 0);
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> lower = new HashMap<>(begin);
            if (since != null) {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(p, since.toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
                partitions.forEach(p -> lower.put(p, Optional.ofNullable(found.get(p))
                        .map(OffsetAndTimestamp::offset).orElse(end.get(p))));
            }
            long spanned = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            int firstChunk = Math.min(MAX_CHUNK, size + 1);
            List<Backwards> readers = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long upper = Math.min(end.get(partition),
                        from.before().getOrDefault(partition.partition(), end.get(partition)));
                readers.add(new Backwards(partition, lower.get(partition), Math.max(upper, lower.get(partition)),
                        firstChunk));
            }
            refill(consumer, readers);
            List<Entry> rows = new ArrayList<>();
            int scanned = 0;
            while (rows.size() < size && scanned < MAX_SCAN) {
                Backwards newest = null;
                for (Backwards reader : readers) {
                    if (!reader.buffer.isEmpty() && (newest == null
                            || reader.buffer.peekLast().timestamp() > newest.buffer.peekLast().timestamp())) {
                        newest = reader;
                    }
                }
                if (newest == null) {
                    break;
                }
                ConsumerRecord<byte[], byte[]> record = newest.buffer.pollLast();
                newest.consumedDownTo = record.offset();
                scanned++;
                decode(record).filter(entry -> wanted.test(entry.letter())).ifPresent(rows::add);
                if (newest.buffer.isEmpty()) {
                    // Another partition's records may still be newer than this one's next chunk: read it now.
                    refill(consumer, List.of(newest));
                }
            }
            boolean more = readers.stream().anyMatch(r -> !r.exhausted());
            Map<Integer, Long> older = new HashMap<>();
            readers.forEach(r -> older.put(r.partition.partition(), r.consumedDownTo));
            long read = readers.stream().mapToLong(r -> r.read).sum();
            return new Page(rows, more ? new Cursor(older) : null, read, more && rows.size() < size, spanned);
        }
    }

    /** The letter at a position of the dead-letter topic; empty when that record is gone or is another letter. */
    Optional<Entry> at(int partition, long offset, String id) {
        TopicPartition where = new TopicPartition(topic, partition);
        List<Entry> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-console-deadletter")) {
            long end = consumer.endOffsets(List.of(where)).get(where);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            BoundedRead.read(consumer, Map.of(where, offset), Map.of(where, offset + 1),
                    record -> decode(record).ifPresent(found::add));
        }
        return found.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    /** Reads the next chunk below each empty buffer, all partitions in one pass, skipping chunks of only markers. */
    private static void refill(KafkaConsumer<byte[], byte[]> consumer, List<Backwards> readers) {
        List<Backwards> empty = readers.stream().filter(r -> r.buffer.isEmpty() && r.upper > r.lower).toList();
        while (!empty.isEmpty()) {
            Map<TopicPartition, Long> starts = new HashMap<>();
            Map<TopicPartition, Long> ends = new HashMap<>();
            Map<TopicPartition, Backwards> byPartition = new HashMap<>();
            for (Backwards reader : empty) {
                long start = Math.max(reader.lower, reader.upper - reader.chunk);
                starts.put(reader.partition, start);
                ends.put(reader.partition, reader.upper);
                byPartition.put(reader.partition, reader);
            }
            BoundedRead.read(consumer, starts, ends, record -> {
                Backwards reader = byPartition.get(new TopicPartition(record.topic(), record.partition()));
                reader.buffer.addLast(record);
                reader.read++;
            });
            for (Backwards reader : empty) {
                reader.upper = starts.get(reader.partition);
                // A filter that matches little reads further back in bigger steps.
                reader.chunk = Math.min(MAX_CHUNK, reader.chunk * 2);
            }
            empty = empty.stream().filter(r -> r.buffer.isEmpty() && r.upper > r.lower).toList();
        }
    }

    private Optional<Entry> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            DeadLetter letter = values.deserialize(record.topic(), record.value());
            return Optional.of(new Entry(letter, record.partition(), record.offset()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
