package dev.newsroom.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The two structures that make webhook delivery ordered per article and safe across crashes. */
class DeliveryBookkeepingTest {

    private static final TopicPartition P0 = new TopicPartition("published", 0);
    private static final TopicPartition P1 = new TopicPartition("published", 1);

    @Test
    void aPartitionIsCommittedOnlyUpToItsLowestUnfinishedDelivery() {
        CommitPoints commits = new CommitPoints();
        commits.started(P0, 10);
        commits.passed(P0, 11);
        commits.started(P0, 12);
        commits.started(P0, 13);

        assertThat(commits.due()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));

        commits.finished(P0, 12);
        commits.finished(P0, 13);
        assertThat(commits.due()).as("10 is still under way: nothing moves").isEmpty();

        commits.finished(P0, 10);
        assertThat(commits.due()).isEqualTo(Map.of(P0, new OffsetAndMetadata(14)));
        assertThat(commits.due()).isEmpty();
    }

    @Test
    void aFailedCommitIsDueAgain() {
        CommitPoints commits = new CommitPoints();
        commits.passed(P0, 3);
        assertThat(commits.due()).isEqualTo(Map.of(P0, new OffsetAndMetadata(4)));

        commits.failed(List.of(P0));

        assertThat(commits.due()).isEqualTo(Map.of(P0, new OffsetAndMetadata(4)));
    }

    @Test
    void partitionsMoveIndependentlyAndARevokedOneIsForgotten() {
        CommitPoints commits = new CommitPoints();
        commits.started(P0, 5);
        commits.passed(P1, 7);

        assertThat(commits.due()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(8)));
        assertThat(commits.current(List.of(P0, P1))).containsEntry(P1, new OffsetAndMetadata(8));

        commits.forget(List.of(P0));
        commits.finished(P0, 5);
        assertThat(commits.current(List.of(P0))).as("a late answer from before the revocation changes nothing")
                .isEmpty();
        assertThat(commits.due()).isEmpty();
    }

    @Test
    void anArticlesVersionsGoOneAtATimeInOrderWhileOtherArticlesProceed() {
        ArticleQueues<String> queues = new ArticleQueues<>();

        assertThat(queues.add("a", "a-v1")).isTrue();
        assertThat(queues.add("a", "a-v2-kill")).as("waits behind a-v1").isFalse();
        assertThat(queues.add("b", "b-v1")).as("another article starts at once").isTrue();
        assertThat(queues.size()).isEqualTo(3);

        assertThat(queues.finishHead("a")).contains("a-v2-kill");
        assertThat(queues.finishHead("a")).isEmpty();
        assertThat(queues.add("a", "a-v3")).isTrue();
        assertThat(queues.size()).isEqualTo(2);
    }

    @Test
    void droppingARevokedPartitionsItemsExposesTheItemsBehindThem() {
        ArticleQueues<String> queues = new ArticleQueues<>();
        queues.add("a", "p0:a-v1");
        queues.add("a", "redrive:a-v1");
        queues.add("b", "p0:b-v1");

        List<String> newHeads = queues.removeIf(item -> item.startsWith("p0:"));

        assertThat(newHeads).containsExactly("redrive:a-v1");
        assertThat(queues.size()).isEqualTo(1);
    }
}
