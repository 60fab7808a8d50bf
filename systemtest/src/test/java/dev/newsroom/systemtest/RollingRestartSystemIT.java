package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.check.GroupView;
import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.cluster.ServiceProcess;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 2: every service in turn is stopped cleanly (SIGTERM, as an orchestrator rolls a deployment) and
 * started again at once, mid-stream. Besides the account, the groups must not stall: a stopped member leaves its
 * groups (Streams and webhook workers) at once instead of being waited for until its session times out, and the
 * new instance's rebalance is done within the session timeout too.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class RollingRestartSystemIT {

    private static final Map<String, TopicId> INPUTS = Map.of("ingest", TopicId.RAW, "enrich", TopicId.ARTICLES,
            "publish", TopicId.ENRICHED);

    @Test
    void rollingRestartOfEveryServiceKeepsTheAccountAndDoesNotStallTheGroups() {
        try (Scenario scenario = Scenario.open("rolling-restart",
                "clean restart (SIGTERM, then start) of ingest, enrich and publish in turn, mid-stream", 1, 0.03, 0);
             Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers",
                     scenario.pipeline().cluster().bootstrapServers()))) {
            scenario.startLoad();
            Duration limit = PipelineUnderTest.SESSION_TIMEOUT;
            Map<String, Duration> left = new LinkedHashMap<>();
            Map<String, Duration> rebalanced = new LinkedHashMap<>();
            for (int i = 0; i < PipelineUnderTest.SERVICES.size(); i++) {
                String service = PipelineUnderTest.SERVICES.get(i);
                scenario.awaitLoad(0.15 + 0.25 * i);
                String applicationId = scenario.pipeline().applicationId(service);
                ServiceProcess instance = scenario.pipeline().instances(service).get(0);
                Set<String> before = GroupView.members(admin, applicationId).keySet();
                scenario.event("SIGTERM " + instance + " (members of its groups: " + before.size() + ")");
                long stopped = System.nanoTime();
                assertThat(instance.stop(Duration.ofSeconds(30))).as(instance + " stops cleanly on SIGTERM").isTrue();
                Scenario.awaitCondition("the members of " + instance + " to leave their groups", () ->
                        !intersects(GroupView.members(admin, applicationId).keySet(), before), limit.multipliedBy(3));
                left.put(service, Duration.ofNanos(System.nanoTime() - stopped));
                scenario.event(instance.instance() + " exited and its members left their groups "
                        + seconds(left.get(service)) + " after SIGTERM");
                instance.start();
                Duration rebalance = awaitRebalanced(admin, scenario, instance, before);
                rebalanced.put(service, rebalance);
                scenario.event(instance + " RUNNING; its group gave it every input partition " + seconds(rebalance)
                        + " after it joined");
            }
            assertBalanced(scenario.finish());
            left.forEach((service, took) -> assertThat(took)
                    .as("%s: from SIGTERM until its members had left the groups", service).isLessThan(limit));
            rebalanced.forEach((service, took) -> assertThat(took)
                    .as("%s: rebalance of the restarted instance", service).isLessThan(limit));
        }
    }

    /**
     * From REBALANCING (the new instance's Streams client has started and joins its group; before it, the service
     * reports STARTING while it loads models and checks topics) until the group has given it every partition of
     * its input: a member that had not left would hold this up until its session timed out. State restoration after
     * the assignment is not part of it.
     */
    private static Duration awaitRebalanced(Admin admin, Scenario scenario, ServiceProcess instance,
                                            Set<String> before) {
        Scenario.awaitCondition(instance + " to start its Streams client", () -> !instance.isRunning()
                || Set.of("REBALANCING", "RUNNING").contains(instance.streamsState().orElse("")),
                PipelineUnderTest.START_TIMEOUT);
        long joining = System.nanoTime();
        String applicationId = scenario.pipeline().applicationId(instance.service());
        String input = scenario.pipeline().topics().name(INPUTS.get(instance.service()));
        Scenario.awaitCondition("the partitions of " + input + " to be assigned to " + instance, () -> {
            Map<String, Set<TopicPartition>> members = GroupView.streamsMembers(admin, applicationId);
            return !intersects(members.keySet(), before) && GroupView.ownAll(members, input,
                    PipelineUnderTest.PARTITIONS);
        }, PipelineUnderTest.START_TIMEOUT);
        Duration rebalance = Duration.ofNanos(System.nanoTime() - joining);
        instance.awaitRunning(PipelineUnderTest.START_TIMEOUT);
        return rebalance;
    }

    private static boolean intersects(Set<String> now, Set<String> before) {
        Set<String> common = new HashSet<>(now);
        common.retainAll(before);
        return !common.isEmpty();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
