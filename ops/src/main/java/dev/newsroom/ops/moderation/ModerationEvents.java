package dev.newsroom.ops.moderation;

import dev.newsroom.ops.operate.BoundedRead;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.publish.moderation.WaitingCommands;
import dev.newsroom.schemas.ModerationEvent;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads the moderation events topic: every waiting command, or the outcome of one command as it comes. */
public final class ModerationEvents {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaClients clients;
    private final String topic;
    private final Deserializer<ModerationEvent> values;

    public ModerationEvents(KafkaClients clients, TopicCatalogue topics) {
        this.clients = clients;
        this.topic = topics.moderationEvents().name();
        this.values = topics.moderationEvents().valueSerde().deserializer();
    }

    public String topic() {
        return topic;
    }

    /** The commands waiting for their article now, from the whole topic. */
    public WaitingCommands waiting() {
        WaitingCommands waiting = new WaitingCommands();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-moderation-pending")) {
            BoundedRead.readAll(consumer, topic, record -> decode(record).ifPresent(waiting::accept));
        }
        return waiting;
    }

    /** Where the topic ends now: an outcome watched for afterwards is one that comes after this point. */
    public Map<TopicPartition, Long> ends() {
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-moderation-outcome")) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return Map.of();
            }
            return new HashMap<>(consumer.endOffsets(infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList()));
        }
    }

    /** The first event after {@code from} that {@code wanted} takes, if one comes within {@code timeout}. */
    public Optional<ModerationEvent> await(Map<TopicPartition, Long> from, Predicate<ModerationEvent> wanted,
                                           Duration timeout) {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        try (KafkaConsumer<byte[], byte[]> consumer = clients.reader("newsroom-moderation-outcome")) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    Optional<ModerationEvent> event = decode(record).filter(wanted);
                    if (event.isPresent()) {
                        return event;
                    }
                }
            }
            return Optional.empty();
        }
    }

    private Optional<ModerationEvent> decode(ConsumerRecord<byte[], byte[]> record) {
        return Optional.ofNullable(values.deserialize(record.topic(), record.value()));
    }
}
