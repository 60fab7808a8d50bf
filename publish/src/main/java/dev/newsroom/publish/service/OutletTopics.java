package dev.newsroom.publish.service;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.publish.outlet.KafkaOutlet;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.schemas.topic.TopicProvisioner;
import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The topics the publish service owns besides the catalogue's: one per Kafka outlet. They
 * are created like the catalogue's, and waited for until every partition takes writes (KAFKA-15591).
 */
final class OutletTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private OutletTopics() {
    }

    static void ensure(ServiceConfig config, Outlets outlets) {
        if (!config.get(CommonSettings.CREATE_TOPICS)) {
            return;
        }
        int partitions = config.get(CommonSettings.TOPIC_PARTITIONS);
        short replication = config.get(CommonSettings.REPLICATION_FACTOR).shortValue();
        List<TopicSpec> specs = new ArrayList<>();
        for (KafkaOutlet outlet : outlets.kafka()) {
            specs.add(new TopicSpec(outlet.topic(), partitions, replication, Map.of()));
        }
        if (specs.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(config.kafkaClients())) {
            new TopicProvisioner(admin, TIMEOUT).ensure(specs);
        }
    }
}
