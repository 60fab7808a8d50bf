package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.check.GroupView;
import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.cluster.ServiceProcess;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 7: two instances of each service share the load; one of each is killed with {@code kill -9} mid-stream
 * and not brought back. Once its session times out, its partitions must move to the survivor, which carries on
 * alone, and the account must balance.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TwoInstancesSystemIT {

    private static final Map<String, TopicId> INPUTS = Map.of("ingest", TopicId.RAW, "enrich", TopicId.ARTICLES,
            "publish", TopicId.ENRICHED);

    @Test
    void killingOneOfTwoInstancesMovesItsPartitionsAndLosesNothing() {
        try (Scenario scenario = Scenario.open("two-instances",
                "two instances of each service; one of each killed with -9 mid-stream, not restarted", 2, 0.03, 0);
             Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers",
                     scenario.pipeline().cluster().bootstrapServers()))) {
            scenario.startLoad();
            scenario.awaitLoad(0.35);
            Map<String, Integer> membersBefore = new LinkedHashMap<>();
            for (String service : PipelineUnderTest.SERVICES) {
                membersBefore.put(service, streamsMembers(admin, scenario, service).size());
            }
            scenario.event("members of the Streams groups before: " + membersBefore);
            long killed = System.nanoTime();
            for (String service : PipelineUnderTest.SERVICES) {
                ServiceProcess victim = scenario.pipeline().instances(service).get(0);
                scenario.event("kill -9 " + victim);
                victim.kill();
            }
            Map<String, Duration> moved = new LinkedHashMap<>();
            for (String service : PipelineUnderTest.SERVICES) {
                String input = scenario.pipeline().topics().name(INPUTS.get(service));
                Scenario.awaitCondition("the partitions of " + input + " to move to the surviving " + service,
                        () -> ownedBySurvivor(streamsMembers(admin, scenario, service), membersBefore.get(service),
                                input), PipelineUnderTest.SESSION_TIMEOUT.multipliedBy(6));
                moved.put(service, Duration.ofNanos(System.nanoTime() - killed));
                scenario.event("all " + PipelineUnderTest.PARTITIONS + " partitions of " + input + " owned by the"
                        + " surviving " + service + String.format(" %.1f s after the kill",
                        moved.get(service).toMillis() / 1000.0));
            }
            assertBalanced(scenario.finish());
            moved.forEach((service, took) -> assertThat(took).as("%s: partitions moved after the kill", service)
                    .isLessThan(PipelineUnderTest.SESSION_TIMEOUT.multipliedBy(4)));
        }
    }

    private static Map<String, Set<TopicPartition>> streamsMembers(Admin admin, Scenario scenario, String service) {
        return GroupView.streamsMembers(admin, scenario.pipeline().applicationId(service));
    }

    /** Half the members are left (those of the survivor) and between them they own every partition of the input. */
    private static boolean ownedBySurvivor(Map<String, Set<TopicPartition>> members, int before, String input) {
        return members.size() == before / 2 && GroupView.ownAll(members, input, PipelineUnderTest.PARTITIONS);
    }
}
