package dev.newsroom.ops.moderation;

import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes an editor's command to the moderation-commands topic, keyed by the article as named: the one way in for
 * {@code newsroom moderate} and the web console alike, so the publish service cannot tell them apart.
 */
public final class ModerationCommands {

    private ModerationCommands() {
    }

    public static RecordMetadata send(Map<String, Object> clientConfig, TopicCatalogue topics, String key,
                                      ModerationCommand command) throws InterruptedException, ExecutionException {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        Topic<String, ModerationCommand> commands = topics.moderationCommands();
        config.keySet().removeIf(setting -> setting.startsWith("newsroom."));
        try (var producer = new KafkaProducer<>(config, commands.keySerde().serializer(),
                commands.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(commands.name(), key, command)).get();
        }
    }
}
