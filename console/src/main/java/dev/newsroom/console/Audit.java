package dev.newsroom.console;

import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.schemas.AuditOutcome;
import dev.newsroom.schemas.ConsoleAudit;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every state-changing action tried in the console, written to the audit topic ({@link TopicId#CONSOLE_AUDIT})
 * before the console answers the request: who, what, when, to what and how it went. The topic is created when
 * missing (one partition, so the audit reads in the order things happened).
 */
final class Audit implements AutoCloseable {

    /** Longer targets (a re-drive of thousands of letters) are cut: the audit says what, not every id. */
    static final int MAX_TARGET = 2000;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    /** What a handler did, for the audit: its answer to the browser, whether it worked and in what words. */
    record Result(ConsoleServer.Response response, boolean ok, String detail) {
    }

    private final Topic<String, ConsoleAudit> topic;
    private final KafkaProducer<String, ConsoleAudit> producer;
    private final Clock clock;

    Audit(KafkaClients clients, TopicCatalogue topics, Clock clock) {
        this.topic = topics.consoleAudit();
        this.clock = clock;
        ensureTopic(clients, topic.name());
        Map<String, Object> config = clients.kafka();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "newsroom-console-audit");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    String topicName() {
        return topic.name();
    }

    /**
     * Writes one audit record and waits until the cluster has it. When that fails the action has happened all
     * the same (it is already done): the failure is logged as an error with the record, so it is not lost.
     */
    void record(User who, String action, String target, AuditOutcome outcome, String detail, String remoteAddress) {
        ConsoleAudit audit = ConsoleAudit.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setAt(clock.instant())
                .setUser(who.name())
                .setRole(who.role() == null ? null : who.role().label())
                .setAction(action)
                .setTarget(target == null || target.length() <= MAX_TARGET ? target
                        : target.substring(0, MAX_TARGET - 1) + "…")
                .setOutcome(outcome)
                .setDetail(detail)
                .setRemoteAddress(remoteAddress)
                .build();
        try {
            producer.send(new ProducerRecord<>(topic.name(), who.name(), audit))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted writing the audit record {}", audit);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.error("Could not write the audit record {} to {}: {}", audit, topic.name(), e.getMessage());
        }
    }

    private static void ensureTopic(KafkaClients clients, String name) {
        try (Admin admin = clients.admin()) {
            if (admin.listTopics().names().get().contains(name)) {
                return;
            }
            short replicas = (short) Math.min(3, admin.describeCluster().nodes().get().size());
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(new TopicProvisioner.TopicSpec(
                    name, 1, replicas, TopicId.CONSOLE_AUDIT.topicConfig())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the audit topic " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot prepare the audit topic " + name + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
