package dev.newsroom.systemtest;

import static dev.newsroom.systemtest.Balance.assertBalanced;

import dev.newsroom.systemtest.cluster.BrokerProcess;
import dev.newsroom.systemtest.cluster.PipelineUnderTest;
import dev.newsroom.systemtest.scenario.Scenario;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 3: the broker is killed with {@code kill -9} mid-stream and started again on the same data directory
 * after a pause. Nothing restarts the services: they must reconnect by themselves, and the account must balance.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BrokerCrashSystemIT {

    /** How long the broker stays down, as a supervisor's restart back-off would keep it. */
    private static final Duration DOWN = Duration.ofSeconds(5);

    @Test
    void servicesReconnectByThemselvesAfterTheBrokerCrashesAndComesBack() throws InterruptedException {
        try (Scenario scenario = Scenario.open("broker-crash",
                "kill -9 of the broker mid-stream, restarted on the same data directory after " + DOWN.toSeconds()
                        + " s; services left alone", 1, 0.03, 0)) {
            scenario.startLoad();
            scenario.awaitLoad(0.4);
            BrokerProcess broker = scenario.pipeline().cluster().broker();
            scenario.event("kill -9 broker (pid " + broker.pid() + ")");
            broker.kill();
            Thread.sleep(DOWN.toMillis());
            broker.start();
            scenario.event("broker (pid " + broker.pid() + ") restarted on the same data directory, taking clients");
            PipelineUnderTest.awaitRunning(scenario.pipeline().all());
            scenario.event("every service RUNNING again, the same processes as before");
            assertBalanced(scenario.finish());
        }
    }
}
