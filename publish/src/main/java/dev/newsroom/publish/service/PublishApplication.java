package dev.newsroom.publish.service;

import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.config.Setting;
import dev.newsroom.platform.streams.ServiceContext;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.platform.streams.StreamsApplication;
import dev.newsroom.publish.outlet.OutletFile;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.topology.PublishTopology;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish service: the topology that turns enriched articles and moderation commands into the published log,
 * moderation events and Kafka outlets, and beside it the {@link OutletWorkers} that deliver the published log to
 * webhooks and feeds. Run it with {@link #main}, or with {@link ServiceRunner} like every service.
 */
public final class PublishApplication implements StreamsApplication {

    private static final Logger LOG = LoggerFactory.getLogger(PublishApplication.class);

    private final Map<String, String> environment;
    private ServiceConfig outletsLoadedFor;
    private Outlets outlets;

    public PublishApplication() {
        this(System.getenv());
    }

    /** @param environment where outlet URLs and secrets are read from ({@code NEWSROOM_OUTLET_*}) */
    public PublishApplication(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public Stage stage() {
        return Stage.PUBLISH;
    }

    @Override
    public int defaultManagementPort() {
        return PublishSettings.DEFAULT_MANAGEMENT_PORT;
    }

    @Override
    public List<Setting<?>> settings() {
        return PublishSettings.ALL;
    }

    @Override
    public Topology topology(ServiceContext context) {
        return PublishTopology.build(context.topics(), outlets(context),
                context.config().get(PublishSettings.EMBARGO_CHECK_INTERVAL),
                context.config().get(PublishSettings.WAIT_LIMIT));
    }

    @Override
    public AutoCloseable startSideTasks(ServiceContext context) {
        Outlets configured = outlets(context);
        OutletTopics.ensure(context.config(), configured);
        if (!context.config().get(PublishSettings.WORKERS_ENABLED)) {
            LOG.info("Outlet workers are off ({}=false): webhooks and feeds run elsewhere",
                    PublishSettings.WORKERS_ENABLED);
            return () -> { };
        }
        return OutletWorkers.start(context.config(), context.topics(), configured, context.meters(), context.clock());
    }

    /** The topology and the side tasks of one start see the same outlets, read once. */
    private synchronized Outlets outlets(ServiceContext context) {
        if (outlets == null || outletsLoadedFor != context.config()) {
            outlets = loadOutlets(context.config(), context.topics(), environment);
            outletsLoadedFor = context.config();
        }
        return outlets;
    }

    /** The configured outlets; a bad one stops the service here, naming the outlet and the field. */
    static Outlets loadOutlets(ServiceConfig config, TopicCatalogue topics, Map<String, String> environment) {
        Path file = config.get(PublishSettings.OUTLETS_FILE);
        if (file == null) {
            LOG.warn("No outlet file ({}): articles go to the published log only", PublishSettings.OUTLETS_FILE);
            return Outlets.none();
        }
        List<String> reserved = Arrays.stream(TopicId.values()).map(topics::name).toList();
        return OutletFile.read(file, environment).requireOwnTopics(reserved);
    }

    /** Runs the service: an optional properties file as the first argument, then the environment on top. */
    public static void main(String[] args) {
        PublishApplication application = new PublishApplication();
        ServiceConfig config = application.configuration(args.length > 0 ? Path.of(args[0]) : null, System.getenv(),
                Map.of());
        ServiceRunner runner = ServiceRunner.start(application, config);
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "publish-shutdown"));
    }
}
