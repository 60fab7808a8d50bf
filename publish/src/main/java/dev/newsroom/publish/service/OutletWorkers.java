package dev.newsroom.publish.service;

import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.publish.feed.FeedWorker;
import dev.newsroom.publish.outlet.OutletHealth;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.outlet.WebhookOutlet;
import dev.newsroom.publish.webhook.WebhookWorker;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outlets that are driven by the published log rather than by the topology: a {@link WebhookWorker} per
 * webhook outlet, one {@link FeedWorker} for the feed outlets, and the HTTP endpoint serving feeds and outlet
 * health. The publish service runs them beside its topology; {@link #main} runs them alone, to scale delivery
 * apart from publication or to test it.
 */
public final class OutletWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutletWorkers.class);

    private final List<WebhookWorker> webhooks;
    private final FeedWorker feeds;
    private final PublishHttpServer http;

    private OutletWorkers(List<WebhookWorker> webhooks, FeedWorker feeds, PublishHttpServer http) {
        this.webhooks = webhooks;
        this.feeds = feeds;
        this.http = http;
    }

    public static OutletWorkers start(ServiceConfig config, TopicCatalogue topics, Outlets outlets,
                                      MeterRegistry meters, Clock clock) {
        OutletHealth health = new OutletHealth(meters, clock);
        Map<String, Object> kafka = config.kafkaClients();
        String redriveTopic = topics.name(TopicId.PUBLISH_REDRIVE);
        List<WebhookWorker> webhooks = new ArrayList<>();
        FeedWorker feeds = null;
        try {
            for (WebhookOutlet outlet : outlets.webhooks()) {
                String group = PublishSettings.applicationId(config) + "-webhook-" + outlet.name();
                webhooks.add(WebhookWorker.start(outlet, kafka, group, topics, redriveTopic, health, clock));
            }
            if (!outlets.feeds().isEmpty()) {
                String baseUrl = config.get(PublishSettings.FEEDS_BASE_URL);
                feeds = FeedWorker.start(outlets.feeds(), kafka, topics,
                        baseUrl == null ? null : URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"),
                        health, clock);
            }
            PublishHttpServer http = PublishHttpServer.start(config.get(PublishSettings.HTTP_HOST),
                    config.get(PublishSettings.HTTP_PORT), feeds, health);
            LOG.info("Outlet workers started: {} webhook(s), {} feed(s); feeds and outlet health on port {}",
                    webhooks.size(), outlets.feeds().size(), http.port());
            return new OutletWorkers(webhooks, feeds, http);
        } catch (RuntimeException e) {
            webhooks.forEach(WebhookWorker::close);
            if (feeds != null) {
                feeds.close();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        http.close();
        webhooks.forEach(WebhookWorker::close);
        if (feeds != null) {
            feeds.close();
        }
    }

    /**
     * Runs only the outlet workers, with the publish service's configuration: an optional properties file as the
     * first argument, then the environment.
     */
    public static void main(String[] args) {
        ServiceConfig config = new PublishApplication().configuration(args.length > 0 ? Path.of(args[0]) : null,
                System.getenv(), Map.of());
        TopicCatalogue topics = TopicCatalogue.of(config.asMap(), new SchemaRegistryClient(config.asMap()));
        Outlets outlets = PublishApplication.loadOutlets(config, topics, System.getenv());
        OutletTopics.ensure(config, outlets);
        OutletWorkers workers = start(config, topics, outlets, new SimpleMeterRegistry(), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(workers::close, "outlet-workers-shutdown"));
    }
}
