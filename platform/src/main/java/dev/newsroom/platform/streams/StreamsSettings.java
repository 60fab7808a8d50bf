package dev.newsroom.platform.streams;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.deadletter.DeadLetterHandlers;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams properties for a service, from its configuration. */
public final class StreamsSettings {

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
        props.put(StreamsConfig.APPLICATION_ID_CONFIG,
                config.get(CommonSettings.APPLICATION_ID.withDefault(defaultApplicationId)));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.require(CommonSettings.BOOTSTRAP_SERVERS));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(CommonSettings.PROCESSING_GUARANTEE));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(CommonSettings.COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(CommonSettings.STREAM_THREADS));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(CommonSettings.REPLICATION_FACTOR));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(CommonSettings.STATE_DIR).toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG),
                config.get(CommonSettings.AUTO_OFFSET_RESET));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        // Kafka's 16 KB batch holds two or three 6 KB documents, so every hop paid a request per few records; the
        // bench's search (docs/benchmarks.md) found larger batches the biggest gain. 128 KB keeps a producer's
        // buffers small enough for a 256 MB heap when it writes to dozens of partitions.
        String batchSize = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);
        if (!props.containsKey(batchSize) && !props.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            props.put(batchSize, 128 * 1024);
        }
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
