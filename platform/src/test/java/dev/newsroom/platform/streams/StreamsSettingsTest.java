package dev.newsroom.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    private static final String PARTITION_FETCH =
            StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);

    @Test
    void aPartitionFetchHoldsTheLargestRawRecordSoThatItCannotStallItsPartition() {
        Map<String, Object> props = StreamsSettings.properties(ServiceConfig.of(Map.of(
                "bootstrap.servers", "localhost:9092")), "ingest", Stage.INGEST);

        assertThat((Integer) props.get(PARTITION_FETCH)).isGreaterThan(TopicId.LARGE_RECORD_BYTES);
    }

    @Test
    void anOperatorsPartitionFetchSettingWins() {
        Map<String, Object> props = StreamsSettings.properties(ServiceConfig.of(Map.of(
                "bootstrap.servers", "localhost:9092", "kafka.max.partition.fetch.bytes", "2097152")), "ingest",
                Stage.INGEST);

        assertThat(props).doesNotContainKey(PARTITION_FETCH)
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "2097152");
    }

    @Test
    void producersBatchManyDocumentsUnlessTheOperatorSaysOtherwise() {
        String batchSize = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);
        Map<String, Object> defaults = StreamsSettings.properties(ServiceConfig.of(Map.of(
                "bootstrap.servers", "localhost:9092")), "ingest", Stage.INGEST);
        Map<String, Object> operators = StreamsSettings.properties(ServiceConfig.of(Map.of(
                "bootstrap.servers", "localhost:9092", "kafka.batch.size", "32768")), "ingest", Stage.INGEST);

        assertThat((Integer) defaults.get(batchSize)).as("room for 20 documents of 6 KB").isGreaterThan(20 * 6 * 1024);
        assertThat(operators).doesNotContainKey(batchSize).containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "32768");
    }
}
