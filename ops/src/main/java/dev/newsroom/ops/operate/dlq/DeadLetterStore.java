package dev.newsroom.ops.operate.dlq;

import dev.newsroom.ops.operate.BoundedRead;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RedriveMarker;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * The dead-letter topic as operators see it, and the record of what has been re-driven: the compacted
 * {@link TopicId#REDRIVE_MARKERS} topic, keyed by dead-letter id, written in the same transaction as the
 * re-driven records. Both are read to their end with read_committed, so a redrive that failed shows no trace.
 */
public final class DeadLetterStore {

    /** A dead letter and where it sits in the dead-letter topic. */
    public record Entry(DeadLetter letter, int partition, long offset) {
        public String id() {
            return letter.getId();
        }
    }

    /** That a dead letter was re-driven, by which redrive, when and to where. */
    public record Marker(String deadLetterId, String redriveId, Instant at, String topic) {
        RedriveMarker toRecord() {
            return new RedriveMarker(deadLetterId, redriveId, at, topic);
        }
    }

    /** Every dead letter (the latest record per id), oldest failure first, and how many records did not decode. */
    public record Letters(List<Entry> entries, int undecodable) {
    }

    private final KafkaClients clients;
    private final String topic;
    private final Deserializer<DeadLetter> values;
    private final String markerTopic;
    private final Serde<RedriveMarker> markers;

    public DeadLetterStore(KafkaClients clients, TopicCatalogue topics) {
        this.clients = clients;
        this.topic = topics.name(TopicId.DEADLETTER);
        this.values = topics.deadLetters().valueSerde().deserializer();
        this.markerTopic = topics.name(TopicId.REDRIVE_MARKERS);
        this.markers = topics.redriveMarkers().valueSerde();
    }

    public String topic() {
        return topic;
    }

    public String markerTopic() {
        return markerTopic;
    }

    byte[] serialize(Marker marker) {
        return markers.serializer().serialize(markerTopic, marker.toRecord());
    }

    public Letters letters() {
        Map<String, Entry> byId = new LinkedHashMap<>();
        int[] undecodable = {0};
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-dlq")) {
            BoundedRead.readAll(consumer, topic, record -> {
                try {
                    DeadLetter letter = values.deserialize(record.topic(), record.value());
                    byId.put(letter.getId(), new Entry(letter, record.partition(), record.offset()));
                } catch (RuntimeException e) {
                    undecodable[0]++;
                }
            });
        }
        List<Entry> entries = new ArrayList<>(byId.values());
        entries.sort(Comparator.comparing((Entry e) -> e.letter().getFailedAt()).thenComparing(Entry::id));
        return new Letters(entries, undecodable[0]);
    }

    /** The latest marker per dead-letter id; none when nothing was ever re-driven. */
    public Map<String, Marker> markers() {
        Map<String, Marker> markers = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-dlq")) {
            BoundedRead.readAll(consumer, markerTopic(), record -> {
                String id = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    markers.remove(id);
                    return;
                }
                try {
                    RedriveMarker marker = this.markers.deserializer().deserialize(record.topic(), record.value());
                    markers.put(id, new Marker(id, marker.getRedriveId(), marker.getAt(), marker.getTopic()));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Record " + record.partition() + "@" + record.offset() + " of "
                            + markerTopic() + " is not a redrive marker", e);
                }
            });
        }
        return markers;
    }
}
