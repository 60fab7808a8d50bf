package dev.newsroom.platform.streams;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.deadletter.DeadLetters;
import dev.newsroom.platform.deadletter.FailureKind;
import dev.newsroom.platform.management.ManagementServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicProvisioner;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StreamsApplication}: creates its topics if asked to, starts the topology, serves health and
 * metrics, and shuts down cleanly (leaving the consumer group).
 *
 * <p>A stream thread that dies of a transient failure (registry or broker away) is replaced after a growing
 * pause, and its task resumes from the last commit, so nothing is lost and nothing is skipped; a misconfiguration
 * stops the service with the reason in the log and on {@code /health}.
 */
public final class ServiceRunner implements AutoCloseable {


    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final StreamsApplication application;
    private final KafkaStreams streams;
    private final ManagementServer management;
    private final AutoCloseable sideTasks;
    private final PrometheusMeterRegistry meters;
    private final GlobalStateGuard globalState;
    private volatile String fatalError;

    private ServiceRunner(StreamsApplication application, KafkaStreams streams, ManagementServer management,
                          AutoCloseable sideTasks, PrometheusMeterRegistry meters, GlobalStateGuard globalState) {
        this.application = application;
        this.globalState = globalState;
        this.streams = streams;
        this.management = management;
        this.sideTasks = sideTasks;
        this.meters = meters;
    }

    public static ServiceRunner start(StreamsApplication application, ServiceConfig config) {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters.config().commonTags("service", application.name());
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);

        Map<String, Object> props = StreamsSettings.properties(config,
                CommonSettings.applicationId(application.name()).defaultValue(), application.stage());
        SchemaRegistryClient registry = new SchemaRegistryClient(config.asMap());
        TopicCatalogue topics = TopicCatalogue.of(config.asMap(), registry);
        if (config.get(CommonSettings.CREATE_TOPICS)) {
            try (Admin admin = Admin.create(config.kafkaClients())) {
                new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(topics.specs(
                        config.get(CommonSettings.TOPIC_PARTITIONS),
                        config.get(CommonSettings.REPLICATION_FACTOR).shortValue()));
            }
        }
        ServiceContext context = new ServiceContext(config, topics, meters, Clock.systemUTC());
        Topology topology = application.topology(context);
        Properties properties = new Properties();
        properties.putAll(props);
        boolean exactlyOnce = StreamsConfig.EXACTLY_ONCE_V2.equals(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        GlobalStateGuard globalState = exactlyOnce && !topology.describe().globalStores().isEmpty()
                ? GlobalStateGuard.beforeStart(Path.of(String.valueOf(props.get(StreamsConfig.STATE_DIR_CONFIG)),
                        String.valueOf(props.get(StreamsConfig.APPLICATION_ID_CONFIG))), application.name())
                : null;
        KafkaStreams streams = new KafkaStreams(topology, properties);
        new KafkaStreamsMetrics(streams).bindTo(meters);

        ManagementServer management = ManagementServer.start(config.get(CommonSettings.MANAGEMENT_HOST),
                config.get(CommonSettings.managementPort(application.defaultManagementPort())), meters);
        ServiceRunner runner;
        try {
            runner = new ServiceRunner(application, streams, management, application.startSideTasks(context), meters,
                    globalState);
        } catch (Exception e) {
            management.close();
            throw new IllegalStateException("Cannot start " + application.name() + ": " + e.getMessage(), e);
        }
        management.health(runner::health);
        streams.setUncaughtExceptionHandler(runner.exceptionPolicy());
        streams.setStateListener((now, before) -> LOG.info("{}: {} -> {}", application.name(), before, now));
        streams.start();
        LOG.info("{} started: application id {}, management on {}", application.name(),
                props.get("application.id"), management.url());
        return runner;
    }

    private org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler exceptionPolicy() {
        AtomicInteger recentFailures = new AtomicInteger();
        return error -> {
            if (FailureKind.of(error) == FailureKind.FATAL) {
                fatalError = DeadLetters.reason(error);
                LOG.error("{} stops: {}", application.name(), fatalError, error);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            int failures = recentFailures.incrementAndGet();
            long pause = Math.min(30_000, 500L << Math.min(failures, 6));
            LOG.warn("{}: a stream thread failed ({}); replacing it in {} ms, resuming from the last commit",
                    application.name(), DeadLetters.reason(error), pause);
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (streams.state() == KafkaStreams.State.RUNNING) {
                recentFailures.set(0);
            }
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        };
    }

    private ManagementServer.Health health() {
        KafkaStreams.State state = streams.state();
        boolean live = fatalError == null && state != KafkaStreams.State.ERROR
                && state != KafkaStreams.State.PENDING_ERROR;
        return new ManagementServer.Health(live, live && state == KafkaStreams.State.RUNNING, state.name(), fatalError);
    }

    public boolean isReady() {
        return health().ready();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public String managementUrl() {
        return management.url();
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    @Override
    public void close() {
        try {
            sideTasks.close();
        } catch (Exception e) {
            LOG.warn("{}: closing side tasks failed: {}", application.name(), e.getMessage());
        }
        boolean closed = streams.close(StreamsSettings.leaveGroup(CLOSE_TIMEOUT));
        if (closed && globalState != null) {
            globalState.closedCleanly();
        }
        management.close();
        meters.close();
        LOG.info("{} stopped", application.name());
    }
}
