package dev.newsroom.publish.outlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class LogFollowerTest {

    private final List<MockConsumer<String, byte[]>> consumers = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private LogFollower follower(LogFollower.Reader reader) {
        return new LogFollower("test-follower", () -> {
            MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
            consumers.add(consumer);
            return consumer;
        }, Duration.ofMillis(10), reader);
    }

    @Test
    void aBrokerThatWentAwayCostsARestartWithANewConsumerNotTheOutlet() {
        AtomicInteger reads = new AtomicInteger();
        try (LogFollower follower = follower(new Recording() {
            @Override
            public void read(Consumer<String, byte[]> consumer) {
                if (reads.incrementAndGet() < 3) {
                    throw new TimeoutException("broker gone");
                }
                while (follower().running()) {
                    consumer.poll(Duration.ofMillis(20));
                }
            }
        })) {
            holder = follower;
            follower.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() == 3);
            assertThat(failures).containsExactly("broker gone (transient)", "broker gone (transient)");
            assertThat(consumers).hasSize(3);
            assertThat(consumers.subList(0, 2)).allMatch(MockConsumer::closed);
        }
        assertThat(consumers).allMatch(MockConsumer::closed);
    }

    @Test
    void aSettingThatCanNeverWorkStopsTheFollowerAndSaysSo() throws Exception {
        try (LogFollower follower = follower(new Recording() {
            @Override
            public void read(Consumer<String, byte[]> consumer) {
                throw new ConfigException("sasl.jaas.config", null, "missing");
            }
        })) {
            follower.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> failures.size() == 1);
            Thread.sleep(100);
            assertThat(failures.get(0)).endsWith("(fatal)");
            assertThat(consumers).hasSize(1);
            assertThat(consumers.get(0).closed()).isTrue();
        }
    }

    @Test
    void closingWakesAReadWaitingInPollAndEndsIt() {
        AtomicInteger reads = new AtomicInteger();
        LogFollower follower = follower(new Recording() {
            @Override
            public void read(Consumer<String, byte[]> consumer) {
                reads.incrementAndGet();
                while (true) {
                    consumer.poll(Duration.ofMillis(50));
                }
            }
        });
        follower.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() == 1 && follower.consumer() != null);

        follower.close();

        assertThat(follower.running()).isFalse();
        assertThat(follower.consumer()).isNull();
        assertThat(consumers).hasSize(1).allMatch(MockConsumer::closed);
        assertThat(failures).isEmpty();
    }

    private LogFollower holder;

    /** Records each failure as "reason (fatal|transient)". */
    private abstract class Recording implements LogFollower.Reader {
        LogFollower follower() {
            return holder;
        }

        @Override
        public void failed(RuntimeException error, String reason, boolean fatal) {
            failures.add(error.getMessage() + (fatal ? " (fatal)" : " (transient)"));
        }
    }
}
