package dev.newsroom.ops.operate.replay;

import dev.newsroom.ops.operate.BoundedRead;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.replay.RecordFilter.Verdict;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Copies a fixed window of a topic into another topic (or back into the same one) exactly once.
 *
 * <p>The source is read by a consumer that is in no group, with {@code assign} and {@code seek}; nothing a service
 * uses is joined or committed. Copies are written by a transactional producer whose transactional id is derived
 * from the replay id, and each transaction also commits, with {@code sendOffsetsToTransaction}, the next source
 * offset per partition to the replay's own group. A run that dies mid-transaction leaves neither its copies nor
 * its progress visible; the next run with the same id fences it, reads the committed progress and carries on
 * from exactly there.
 */
public final class Replayer {

    private static final int TRANSACTION_RECORDS = 500;
    private static final long TRANSACTION_NANOS = Duration.ofSeconds(1).toNanos();
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** How fast, and how much of the window, this run copies. */
    public record Limits(RateLimit rate, long maxRecords) {
        public static Limits none() {
            return new Limits(RateLimit.unlimited(), 0);
        }
    }

    /** One source partition after a run: its window, how far the replay has got, and what this run copied. */
    public record PartitionReport(int partition, long start, long end, long next, long copied) {
    }

    /** Why a run ended before the window did. */
    public enum Halt { NONE, MAX_RECORDS, REQUESTED }

    public record Report(ReplayPlan plan, List<PartitionReport> partitions, long copied, long skipped,
                         long outside, long undecodable, boolean complete, Halt halt, Duration took) {
    }

    /** A dry run's view of one partition: the window and what of it would be copied. */
    public record PartitionSurvey(int partition, long start, long end, long records, long skipped,
                                  Instant first, Instant last) {
    }

    private final KafkaClients clients;
    private final TopicCatalogue topics;
    private final AtomicBoolean stop;
    private final BiFunction<ReplayPlan, Long, ProgressBar> progress;

    public Replayer(KafkaClients clients, TopicCatalogue topics, AtomicBoolean stop,
                    BiFunction<ReplayPlan, Long, ProgressBar> progress) {
        this.clients = clients;
        this.topics = topics;
        this.stop = stop;
        this.progress = progress;
    }

    /**
     * The window's offsets: from the first record at or after {@code from} (or from the given offsets) up to, not
     * including, the first record at or after {@code to}, or the end of each partition now, as
     * {@code kafka-consumer-groups} and kcat find them. Fixing offsets here bounds the replay even when it writes
     * back into its own source; record timestamps then decide, record by record, what is in the window.
     *
     * @param fromOffsets start offset per partition; only these partitions are replayed
     */
    public ReplayPlan plan(String id, String source, String target, Instant from, Map<Integer, Long> fromOffsets,
                           Instant to, RecordFilter filter, boolean reprocess) {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader(ReplayPlan.GROUP_PREFIX + id)) {
            List<TopicPartition> all = partitions(consumer, source);
            if (fromOffsets != null) {
                for (int partition : fromOffsets.keySet()) {
                    if (partition < 0 || partition >= all.size()) {
                        throw new IllegalArgumentException("Topic '" + source + "' has no partition " + partition
                                + " (it has " + all.size() + ")");
                    }
                }
            }
            List<TopicPartition> partitions = all.stream()
                    .filter(p -> fromOffsets == null || fromOffsets.containsKey(p.partition())).toList();
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> startOffsets = consumer.offsetsForTimes(at(partitions, from));
            Map<TopicPartition, OffsetAndTimestamp> endOffsets = consumer.offsetsForTimes(at(partitions, to));
            SortedMap<Integer, Long> windowStarts = new TreeMap<>();
            SortedMap<Integer, Long> windowEnds = new TreeMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp endAt = endOffsets.get(partition);
                long end = endAt == null ? ends.get(partition) : Math.min(ends.get(partition), endAt.offset());
                long start;
                if (fromOffsets != null) {
                    start = Math.max(beginnings.get(partition), fromOffsets.get(partition.partition()));
                } else {
                    OffsetAndTimestamp startAt = startOffsets.get(partition);
                    start = startAt == null ? end : startAt.offset();
                }
                windowStarts.put(partition.partition(), Math.min(start, end));
                windowEnds.put(partition.partition(), end);
            }
            TimeWindow times = new TimeWindow(from, to);
            if (!reprocess) {
                return ReplayPlan.replay(id, source, target, filter, times, windowStarts, windowEnds);
            }
            SortedMap<Integer, Long> scanEnds = new TreeMap<>();
            ends.forEach((partition, end) -> scanEnds.put(partition.partition(), end));
            Map<Integer, NavigableSet<Long>> selected = LatestPerKey.select(consumer, source, times, windowStarts,
                    windowEnds, scanEnds);
            SortedMap<Integer, Long> copyEnds = new TreeMap<>();
            windowStarts.forEach((partition, start) -> copyEnds.put(partition,
                    selected.get(partition).isEmpty() ? start : selected.get(partition).last() + 1));
            return new ReplayPlan(id, source, target, filter, times, true, windowStarts, copyEnds, windowEnds,
                    scanEnds);
        }
    }

    private static Map<TopicPartition, Long> at(List<TopicPartition> partitions, Instant time) {
        Map<TopicPartition, Long> times = new HashMap<>();
        if (time != null) {
            partitions.forEach(partition -> times.put(partition, time.toEpochMilli()));
        }
        return times;
    }

    /** What a run of the plan from {@code next} would copy, read but not written. */
    public List<PartitionSurvey> survey(ReplayPlan plan, SortedMap<Integer, Long> next) {
        Function<ConsumerRecord<byte[], byte[]>, Verdict> verdicts = verdicts(plan);
        Map<Integer, long[]> counts = new TreeMap<>();
        Map<Integer, Instant[]> spans = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader(plan.groupId())) {
            BoundedRead.read(consumer, sourcePartitions(plan, next), sourceEnds(plan, next), record -> {
                long[] count = counts.computeIfAbsent(record.partition(), p -> new long[2]);
                if (verdicts.apply(record) == Verdict.COPY) {
                    count[0]++;
                    Instant at = Instant.ofEpochMilli(record.timestamp());
                    Instant[] span = spans.computeIfAbsent(record.partition(), p -> new Instant[] {at, at});
                    span[0] = at.isBefore(span[0]) ? at : span[0];
                    span[1] = at.isAfter(span[1]) ? at : span[1];
                } else {
                    count[1]++;
                }
            });
        }
        List<PartitionSurvey> surveys = new ArrayList<>();
        next.forEach((partition, offset) -> {
            long[] count = counts.getOrDefault(partition, new long[2]);
            Instant[] span = spans.getOrDefault(partition, new Instant[2]);
            surveys.add(new PartitionSurvey(partition, offset, plan.ends().get(partition), count[0], count[1],
                    span[0], span[1]));
        });
        return surveys;
    }

    /** Starts a new replay: records its plan in its group, then copies. */
    public Report start(ReplayPlan plan, Limits limits) {
        KafkaProducer<byte[], byte[]> producer = clients.transactionalProducer(plan.transactionalId());
        try {
            producer.initTransactions();
            try (Admin admin = clients.admin()) {
                if (!committedProgress(admin, plan.id()).isEmpty()) {
                    throw new IllegalArgumentException("Replay '" + plan.id() + "' already exists; continue it with"
                            + " --resume " + plan.id() + ", or choose another --replay-id");
                }
            }
            return copy(producer, plan, plan.starts(), limits, true);
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    /** Continues a replay from its last committed transaction; a run still going with the same id is fenced. */
    public Report resume(String id, Limits limits) {
        KafkaProducer<byte[], byte[]> producer = clients.transactionalProducer(ReplayPlan.GROUP_PREFIX + id);
        try {
            // Fences any earlier run and settles its open transaction before its progress is read.
            producer.initTransactions();
            ReplayPlan.Committed committed = committed(id);
            return copy(producer, committed.plan(), committed.next(), limits, false);
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    /** The replay's plan and committed progress, waiting out any transaction still in flight. */
    public ReplayPlan.Committed committed(String id) {
        try (Admin admin = clients.admin()) {
            return ReplayPlan.fromProgress(id, committedProgress(admin, id));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedProgress(Admin admin, String id) {
        try {
            return admin.listConsumerGroupOffsets(ReplayPlan.GROUP_PREFIX + id,
                    new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the progress of replay '" + id + "'", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the progress of replay '" + id + "'", e.getCause());
        }
    }

    private Report copy(KafkaProducer<byte[], byte[]> producer, ReplayPlan plan, SortedMap<Integer, Long> from,
                        Limits limits, boolean register) {
        long began = System.nanoTime();
        Function<ConsumerRecord<byte[], byte[]>, Verdict> verdicts = verdicts(plan);
        Map<Integer, Long> copiedByPartition = new TreeMap<>();
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        Halt[] halt = {Halt.NONE};
        long before = done(plan, from);
        ProgressBar bar = progress.apply(plan, plan.totalOffsets() - before);
        KafkaConsumer<byte[], byte[]> consumer = clients.reader(plan.groupId(), plan.groupId());
        Transaction transaction = new Transaction(producer, plan, consumer.groupMetadata(), from, register);
        try (consumer) {
            boolean samePartitions = partitions(consumer, plan.sourceTopic()).size()
                    == partitions(consumer, plan.targetTopic()).size();
            if (register) {
                transaction.commit();
            }
            BoundedRead.read(consumer, sourcePartitions(plan, from), sourceEnds(plan, from), (records, positions) -> {
                boolean halted = false;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    halt[0] = stop.get() ? Halt.REQUESTED
                            : limits.maxRecords() > 0 && count(counts, Verdict.COPY) >= limits.maxRecords()
                            ? Halt.MAX_RECORDS : Halt.NONE;
                    if (halt[0] != Halt.NONE) {
                        halted = true;
                        break;
                    }
                    Verdict verdict = verdicts.apply(record);
                    if (verdict == Verdict.COPY) {
                        if (!acquire(limits.rate())) {
                            halt[0] = Halt.REQUESTED;
                            halted = true;
                            break;
                        }
                        transaction.send(copyOf(record, plan, samePartitions));
                        copiedByPartition.merge(record.partition(), 1L, Long::sum);
                    }
                    counts.merge(verdict, 1L, Long::sum);
                    transaction.advance(record.partition(), record.offset() + 1);
                    if (transaction.due()) {
                        transaction.commit();
                        bar.update(done(plan, transaction.next()) - before, count(counts, Verdict.COPY));
                    }
                }
                if (!halted) {
                    positions.forEach((partition, position) -> transaction.advance(partition.partition(), position));
                }
                if (halted || transaction.due()) {
                    transaction.commit();
                }
                bar.update(done(plan, transaction.next()) - before, count(counts, Verdict.COPY));
                return !halted;
            });
            transaction.commit();
        } catch (ProducerFencedException e) {
            throw new IllegalStateException("Replay '" + plan.id() + "' was taken over by another run with the same"
                    + " id; this run stops (what it committed stays)", e);
        } catch (KafkaException | IllegalStateException e) {
            transaction.abort();
            throw new IllegalStateException("Replay '" + plan.id() + "' stopped after " + count(counts, Verdict.COPY)
                    + " records in this run: " + e.getMessage() + ". What was committed stays; continue with:"
                    + " newsroom replay --resume " + plan.id(), e);
        }
        bar.finish(done(plan, transaction.next()) - before, count(counts, Verdict.COPY));
        List<PartitionReport> partitions = new ArrayList<>();
        plan.starts().forEach((partition, start) -> partitions.add(new PartitionReport(partition, start,
                plan.ends().get(partition), transaction.next().getOrDefault(partition, start),
                copiedByPartition.getOrDefault(partition, 0L))));
        boolean complete = partitions.stream().allMatch(p -> p.next() >= p.end());
        return new Report(plan, partitions, count(counts, Verdict.COPY), count(counts, Verdict.SKIP),
                count(counts, Verdict.OUTSIDE), count(counts, Verdict.UNDECODABLE), complete,
                complete ? Halt.NONE : halt[0], Duration.ofNanos(System.nanoTime() - began));
    }

    private static long count(Map<Verdict, Long> counts, Verdict verdict) {
        return counts.getOrDefault(verdict, 0L);
    }

    private boolean acquire(RateLimit rate) {
        try {
            return rate.acquire(stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Function<ConsumerRecord<byte[], byte[]>, Verdict> verdicts(ReplayPlan plan) {
        if (!plan.reprocess()) {
            Function<ConsumerRecord<byte[], byte[]>, Verdict> filter = plan.filter().predicate(topics);
            return record -> plan.times().contains(record.timestamp()) ? filter.apply(record) : Verdict.OUTSIDE;
        }
        Map<Integer, NavigableSet<Long>> selected;
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader(plan.groupId())) {
            selected = LatestPerKey.select(consumer, plan.sourceTopic(), plan.times(), plan.starts(),
                    plan.windowEnds(), plan.scanEnds());
        }
        return record -> selected.get(record.partition()).contains(record.offset()) ? Verdict.COPY : Verdict.SKIP;
    }

    private static long done(ReplayPlan plan, Map<Integer, Long> next) {
        return plan.starts().entrySet().stream()
                .mapToLong(e -> next.getOrDefault(e.getKey(), e.getValue()) - e.getValue()).sum();
    }

    private static Map<TopicPartition, Long> sourcePartitions(ReplayPlan plan, Map<Integer, Long> next) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        next.forEach((partition, offset) -> starts.put(new TopicPartition(plan.sourceTopic(), partition), offset));
        return starts;
    }

    private static Map<TopicPartition, Long> sourceEnds(ReplayPlan plan, Map<Integer, Long> next) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        next.keySet().forEach(partition -> ends.put(new TopicPartition(plan.sourceTopic(), partition),
                plan.ends().get(partition)));
        return ends;
    }

    static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("Topic '" + topic + "' does not exist");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition()))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    /**
     * The copy: key, value, headers and timestamp as they were, plus where it came from. It keeps its partition
     * when the target has as many partitions as the source (so a reprocess keeps every article's order);
     * otherwise the default partitioner places it by key, as the pipeline's producers do.
     */
    private static ProducerRecord<byte[], byte[]> copyOf(ConsumerRecord<byte[], byte[]> record, ReplayPlan plan,
                                                         boolean samePartitions) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(ReplayHeaders.REPLAY_ID, utf8(plan.id()));
        headers.add(ReplayHeaders.ORIGIN_TOPIC, utf8(record.topic()));
        headers.add(ReplayHeaders.ORIGIN_PARTITION, utf8(String.valueOf(record.partition())));
        headers.add(ReplayHeaders.ORIGIN_OFFSET, utf8(String.valueOf(record.offset())));
        if (plan.reprocess()) {
            headers.add(ReplayHeaders.REPROCESS, utf8(plan.id()));
        }
        return new ProducerRecord<>(plan.targetTopic(), samePartitions ? record.partition() : null,
                record.timestamp() >= 0 ? record.timestamp() : null, record.key(), record.value(), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The open transaction of a run, and the progress it will commit with its copies. */
    private static final class Transaction {
        private final KafkaProducer<byte[], byte[]> producer;
        private final ReplayPlan plan;
        private final ConsumerGroupMetadata group;
        private final Map<Integer, Long> next;
        private Map<Integer, Long> committed;
        private boolean open;
        private int records;
        private long since = System.nanoTime();

        Transaction(KafkaProducer<byte[], byte[]> producer, ReplayPlan plan, ConsumerGroupMetadata group,
                    Map<Integer, Long> from, boolean register) {
            this.producer = producer;
            this.plan = plan;
            this.group = group;
            this.next = new TreeMap<>(from);
            this.committed = register ? Map.of() : Map.copyOf(from);
        }

        void send(ProducerRecord<byte[], byte[]> copy) {
            if (!open) {
                producer.beginTransaction();
                open = true;
                records = 0;
            }
            producer.send(copy);
            records++;
        }

        void advance(int partition, long offset) {
            next.merge(partition, offset, Math::max);
        }

        Map<Integer, Long> next() {
            return next;
        }

        boolean due() {
            boolean pending = open || !next.equals(committed);
            return pending && (records >= TRANSACTION_RECORDS || System.nanoTime() - since >= TRANSACTION_NANOS);
        }

        void commit() {
            if (!open && next.equals(committed)) {
                return;
            }
            if (!open) {
                producer.beginTransaction();
                open = true;
            }
            producer.sendOffsetsToTransaction(plan.progress(next), group);
            producer.commitTransaction();
            open = false;
            records = 0;
            committed = Map.copyOf(next);
            since = System.nanoTime();
        }

        void abort() {
            if (open) {
                try {
                    producer.abortTransaction();
                } catch (KafkaException e) {
                    // The broker aborts it anyway when the next run fences this producer or the timeout passes.
                }
                open = false;
            }
        }
    }
}
