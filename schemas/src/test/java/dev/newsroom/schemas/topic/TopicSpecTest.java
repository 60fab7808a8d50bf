package dev.newsroom.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aFactorOfZeroOrBelowMinusOneIsRefusedWithTheTopicsName() {
        assertThatThrownBy(() -> new TopicSpec("newsroom.raw.v1", 4, (short) 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newsroom.raw.v1").hasMessageContaining("not 0");
        assertThatThrownBy(() -> new TopicSpec("t", 4, (short) -2, Map.of())).hasMessageContaining("not -2");
    }
}
