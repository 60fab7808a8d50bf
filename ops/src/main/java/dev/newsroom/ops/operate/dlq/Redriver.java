package dev.newsroom.ops.operate.dlq;

import dev.newsroom.ops.operate.Formats;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.operate.dlq.DeadLetterStore.Entry;
import dev.newsroom.ops.operate.dlq.DeadLetterStore.Marker;
import dev.newsroom.ops.operate.replay.ReplayPlan;
import dev.newsroom.publish.webhook.WebhookRedrive;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RecordHeader;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends dead letters' original records back to their original topics, exactly once per dead letter.
 *
 * <p>Each batch is one transaction holding the re-driven records and a marker per dead letter in the compacted
 * marker topic; the dead letters themselves are never touched. A failed batch is aborted, so it leaves neither
 * records nor markers, and running the same redrive again picks up exactly the letters without a marker. The
 * transactional id is fixed per dead-letter topic, so a second redrive started meanwhile fences the first
 * rather than both sending the same letters.
 */
public final class Redriver {

    public static final String REDRIVE_ID = "newsroom.redrive.id";
    public static final String REDRIVE_OF = "newsroom.redrive.of";

    private static final int BATCH = 100;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** What a redrive chose: letters to send, letters re-driven before, letters whose topic is gone. */
    public record Selection(List<Entry> toRedrive, List<Entry> alreadyRedriven, List<Entry> topicMissing,
                            Map<String, Marker> markers) {
    }

    private final KafkaClients clients;
    private final DeadLetterStore store;
    private final Clock clock;

    public Redriver(KafkaClients clients, DeadLetterStore store, Clock clock) {
        this.clients = clients;
        this.store = store;
        this.clock = clock;
    }

    public String transactionalId() {
        return "newsroom-redrive-" + store.topic();
    }

    public Selection select(Predicate<DeadLetter> wanted, boolean again) {
        Map<String, Marker> markers = store.markers();
        List<Entry> letters = store.letters().entries();
        Set<String> existing = topicNames();
        List<Entry> toRedrive = new ArrayList<>();
        List<Entry> already = new ArrayList<>();
        List<Entry> missing = new ArrayList<>();
        for (Entry entry : letters) {
            if (!wanted.test(entry.letter())) {
                continue;
            }
            if (markers.containsKey(entry.id()) && !again) {
                already.add(entry);
            } else if (!existing.contains(destination(entry.letter()))) {
                missing.add(entry);
            } else {
                toRedrive.add(entry);
            }
        }
        return new Selection(toRedrive, already, missing, markers);
    }

    /**
     * Re-drives what {@code wanted} selects. The producer is initialised before the markers are read, which
     * fences an earlier redrive still running and settles its last transaction, so the markers are final.
     *
     * @param sent told about each letter once its batch is committed
     */
    public Selection redrive(Predicate<DeadLetter> wanted, boolean again, String redriveId, Consumer<Entry> sent) {
        KafkaProducer<byte[], byte[]> producer = clients.transactionalProducer(transactionalId());
        try {
            producer.initTransactions();
            Selection selection = select(wanted, again);
            if (selection.toRedrive().isEmpty()) {
                return selection;
            }
            Map<String, Integer> partitions = ensureMarkerTopicAndCountPartitions(selection.toRedrive());
            List<Entry> batch = new ArrayList<>();
            for (Entry entry : selection.toRedrive()) {
                batch.add(entry);
                if (batch.size() == BATCH) {
                    send(producer, batch, redriveId, partitions, sent);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                send(producer, batch, redriveId, partitions, sent);
            }
            return selection;
        } finally {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    private void send(KafkaProducer<byte[], byte[]> producer, List<Entry> batch, String redriveId,
                      Map<String, Integer> partitions, Consumer<Entry> sent) {
        producer.beginTransaction();
        try {
            for (Entry entry : batch) {
                DeadLetter letter = entry.letter();
                producer.send(original(letter, redriveId, partitions.get(destination(letter))));
                Marker marker = new Marker(letter.getId(), redriveId, clock.instant(), destination(letter));
                producer.send(new ProducerRecord<>(store.markerTopic(), letter.getId().getBytes(StandardCharsets.UTF_8),
                        store.serialize(marker)));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                // Fenced or broken producer: the broker aborts the transaction when it times out.
            }
            String which = batch.get(0).id() + (batch.size() > 1 ? " and " + (batch.size() - 1) + " more" : "");
            throw new IllegalStateException("Re-driving " + which + " failed and was rolled back (the dead letters"
                    + " stay, unmarked; run the redrive again to retry them): " + e.getMessage(), e);
        }
        batch.forEach(sent);
    }

    /**
     * Where a letter goes back to: its original topic, except a parked webhook delivery, which goes to the publish
     * re-drive topic for its one outlet (written back to the compacted published log, an old version would become
     * the article's current state).
     */
    public String destination(DeadLetter letter) {
        return WebhookRedrive.isParkedDelivery(letter) ? clients.catalogue().name(TopicId.PUBLISH_REDRIVE)
                : letter.getOriginalTopic();
    }

    /**
     * The original record as it was, plus who re-drove it. It goes back to its original partition while the
     * topic still has it, so it lines up with the records it was among.
     */
    private ProducerRecord<byte[], byte[]> original(DeadLetter letter, String redriveId, int partitions) {
        if (WebhookRedrive.isParkedDelivery(letter)) {
            ProducerRecord<byte[], byte[]> parked = WebhookRedrive.record(letter, destination(letter));
            parked.headers().add(REDRIVE_ID, redriveId.getBytes(StandardCharsets.UTF_8));
            parked.headers().add(REDRIVE_OF, letter.getId().getBytes(StandardCharsets.UTF_8));
            return parked;
        }
        RecordHeaders headers = new RecordHeaders();
        for (RecordHeader header : letter.getOriginalHeaders()) {
            headers.add(header.getKey(), Formats.bytes(header.getValue()));
        }
        headers.add(REDRIVE_ID, redriveId.getBytes(StandardCharsets.UTF_8));
        headers.add(REDRIVE_OF, letter.getId().getBytes(StandardCharsets.UTF_8));
        Integer partition = letter.getOriginalPartition() < partitions ? letter.getOriginalPartition() : null;
        return new ProducerRecord<>(letter.getOriginalTopic(), partition, null,
                Formats.bytes(letter.getOriginalKey()), Formats.bytes(letter.getOriginalValue()), headers);
    }

    private Set<String> topicNames() {
        try (Admin admin = clients.admin()) {
            return admin.listTopics().names().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Map<String, Integer> ensureMarkerTopicAndCountPartitions(List<Entry> letters) {
        List<String> originals = letters.stream().map(e -> destination(e.letter())).distinct().toList();
        try (Admin admin = clients.admin()) {
            TopicDescription deadLetterTopic = admin.describeTopics(List.of(store.topic())).allTopicNames().get()
                    .get(store.topic());
            short replicas = (short) deadLetterTopic.partitions().get(0).replicas().size();
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(new TopicProvisioner.TopicSpec(
                    store.markerTopic(), 1, replicas, TopicId.REDRIVE_MARKERS.topicConfig())));
            Map<String, Integer> partitions = new HashMap<>();
            admin.describeTopics(originals).allTopicNames().get()
                    .forEach((name, description) -> partitions.put(name, description.partitions().size()));
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the redrive", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot prepare the redrive: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A fresh redrive id, e.g. {@code redrive-20261128-093000-4f2a}. */
    public static String newId(Clock clock) {
        return ReplayPlan.newId("redrive", clock);
    }
}
