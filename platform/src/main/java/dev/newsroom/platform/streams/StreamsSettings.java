package dev.newsroom.platform.streams;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.deadletter.DeadLetterHandlers;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams properties for a service, from its configuration. */
public final class StreamsSettings {

    public static final String STATE_DIR = CommonSettings.STATE_DIR;
    public static final String REPLICATION_FACTOR = CommonSettings.REPLICATION_FACTOR;

    private StreamsSettings() {
    }

    /**
     * Exactly-once by default (operators may choose {@code at_least_once} where latency matters more), dead letters
     * wired, a new application reading its input from the beginning, and every {@code kafka.*} setting and every
     * registry and topic setting passed through.
     */
    public static Map<String, Object> properties(ServiceConfig config, String defaultApplicationId, Stage stage) {
        Map<String, Object> props = new HashMap<>();
        config.asMap().forEach((key, value) -> {
            if (!key.startsWith(ServiceConfig.KAFKA_PREFIX)) {
                props.put(key, value);
            }
        });
        props.putAll(config.withPrefix(ServiceConfig.KAFKA_PREFIX));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(StreamsConfig.APPLICATION_ID_CONFIG, defaultApplicationId));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.require(ServiceConfig.BOOTSTRAP_SERVERS));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(REPLICATION_FACTOR, 1));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(STATE_DIR,
                Path.of(System.getProperty("java.io.tmpdir"), "newsroom-streams").toString()));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG),
                config.get("kafka.auto.offset.reset", "earliest"));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // Dead letters carry the original record, which may be as large as the raw topic allows.
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                TopicId.LARGE_RECORD_BYTES + 64 * 1024);
        // A record larger than the per-partition fetch limit is returned only when its partition comes first in a
        // fetch with data; while the other partitions keep having data, one 20 MB raw document holds up its whole
        // partition, for half a minute at a time under load.
        String partitionFetch = StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);
        if (!props.containsKey(partitionFetch) && !props.containsKey(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)) {
            props.put(partitionFetch, TopicId.LARGE_RECORD_BYTES + 64 * 1024);
        }
        DeadLetterHandlers.configure(props, stage);
        return props;
    }

    /** Leave the group on close, or the next start of the same application waits out the session timeout. */
    public static CloseOptions leaveGroup(java.time.Duration timeout) {
        return CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout);
    }
}
