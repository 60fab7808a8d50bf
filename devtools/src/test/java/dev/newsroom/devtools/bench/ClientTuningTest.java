package dev.newsroom.devtools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.StreamsSettings;
import dev.newsroom.schemas.Stage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientTuningTest {

    @Test
    void theServicesGetTheSameProducerSettingsAsTheBaselines() {
        Map<String, String> settings = new HashMap<>(ClientTuning.THROUGHPUT.serviceSettings());
        settings.put("bootstrap.servers", "localhost:9092");

        Map<String, Object> streams = StreamsSettings.properties(ServiceConfig.of(settings), "enrich", Stage.ENRICH);

        assertThat(streams).containsAllEntriesOf(ClientTuning.THROUGHPUT.streamsProperties())
                .containsEntry("producer.batch.size", "524288").containsEntry("producer.compression.type", "zstd");
        assertThat(ClientTuning.THROUGHPUT.producerConfig(Map.of("bootstrap.servers", "localhost:9092")))
                .containsEntry("batch.size", "524288").containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void kafkasDefaultsChangeNothing() {
        Map<String, Object> base = Map.of("bootstrap.servers", "localhost:9092");

        assertThat(ClientTuning.KAFKA_DEFAULTS.producerConfig(base)).isEqualTo(base);
        assertThat(ClientTuning.KAFKA_DEFAULTS.consumerConfig(base)).isEqualTo(base);
        assertThat(ClientTuning.KAFKA_DEFAULTS.describe()).isEqualTo("kafka-defaults (Kafka's defaults)");
    }

    @Test
    void aSearchStepChangesOneSettingAndKeepsTheRest() {
        ClientTuning step = ClientTuning.THROUGHPUT.withProducer("linger.ms", "5").withConsumer("fetch.min.bytes", "1");

        assertThat(step.producer()).containsEntry("linger.ms", "5").containsEntry("batch.size", "524288");
        assertThat(step.streamsProperties()).containsEntry("main.consumer.fetch.min.bytes", "1");
        assertThat(step.describe()).contains("linger.ms=5", "fetch.min.bytes=1");
    }

    @Test
    void anUnknownNameIsRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> ClientTuning.named("fast")).hasMessageContaining("'fast'")
                .hasMessageContaining("throughput, kafka-defaults");
    }
}
