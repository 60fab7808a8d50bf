package dev.newsroom.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.topic.TopicProvisioner.TopicSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void theClusterDefaultLeavesTheReplicationFactorToTheBrokers() {
        var topic = new TopicSpec("t", 4, TopicSpec.CLUSTER_DEFAULT_REPLICATION, Map.of()).toNewTopic();

        assertThat(topic.replicationFactor()).as("no factor sent: the broker's default.replication.factor applies")
                .isEqualTo((short) -1);
        assertThat(topic.numPartitions()).isEqualTo(4);
    }

    @Test
    void aFactorSetExplicitlyIsSent() {
        assertThat(new TopicSpec("t", 4, (short) 3, Map.of()).toNewTopic().replicationFactor()).isEqualTo((short) 3);
    }
}
