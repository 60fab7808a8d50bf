package dev.newsroom.systemtest.cluster;

import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicProvisioner;
import dev.newsroom.systemtest.receiver.WebhookSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * One scenario's pipeline on the shared cluster: its own topics and application ids (a prefix), its own webhook
 * sites, and ingest, enrich and publish as separate JVMs ({@code instances} of each), configured with
 * {@code --set} as an operator would. Publish delivers to two webhook outlets, {@code site} (Arabic stories) and
 * {@code partner} (everything), and to a Kafka outlet, {@code wire} (everything).
 */
public final class PipelineUnderTest implements AutoCloseable {

    public static final List<String> SERVICES = List.of("ingest", "enrich", "publish");
    public static final int PARTITIONS = 4;
    /** Short enough that a member killed with -9 is noticed quickly, as production setups tune it. */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static final String RETRY_SCHEDULE = "[1s, 2s, 4s, 8s" + ", 15s".repeat(20) + "]";

    private final String prefix;
    private final Path dir;
    private final Cluster cluster;
    private final TopicCatalogue topics;
    private final Map<String, String> common = new HashMap<>();
    private final WebhookSite site;
    private final WebhookSite partner;
    private final String wireTopic;
    private final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();

    /**
     * @param prefix    topic and application id prefix, unique on the cluster
     * @param dir       state directories, logs and the outlet file
     * @param instances instances of each service
     */
    public PipelineUnderTest(Cluster cluster, String prefix, Path dir, int instances) {
        this.cluster = cluster;
        this.prefix = prefix;
        this.dir = dir;
        common.putAll(TopicCatalogue.prefixed(prefix + "."));
        common.put("bootstrap.servers", cluster.bootstrapServers());
        common.put("schema.registry.url", cluster.schemaRegistryUrl());
        common.put("newsroom.topic.partitions", String.valueOf(PARTITIONS));
        common.put("kafka.session.timeout.ms", String.valueOf(SESSION_TIMEOUT.toMillis()));
        common.put("kafka.heartbeat.interval.ms", String.valueOf(SESSION_TIMEOUT.toMillis() / 3));
        this.topics = TopicCatalogue.of(common, new SchemaRegistryClient(cluster.schemaRegistryUrl()));
        this.site = WebhookSite.start("site");
        this.partner = WebhookSite.start("partner");
        this.wireTopic = prefix + ".newsroom.outlet.wire.v1";
        Path outlets = writeOutlets();
        for (String service : SERVICES) {
            List<ServiceProcess> list = new ArrayList<>();
            for (int i = 1; i <= instances; i++) {
                list.add(instance(service, service + "-" + i, outlets));
            }
            this.instances.put(service, list);
        }
    }

    private ServiceProcess instance(String service, String instance, Path outlets) {
        Map<String, String> settings = new LinkedHashMap<>(common);
        settings.put("application.id", applicationId(service));
        settings.put("newsroom.state.dir", dir.resolve("state").resolve(instance).toString());
        settings.put("newsroom.management.port", String.valueOf(LoopbackPorts.free()));
        Map<String, String> environment = new HashMap<>();
        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-XX:+UseSerialGC"));
        switch (service) {
            case "enrich" -> jvm.add("-Xmx768m");
            case "publish" -> {
                jvm.add("-Xmx512m");
                settings.put(PublishSettings.OUTLETS_FILE.key(), outlets.toString());
                settings.put(PublishSettings.HTTP_PORT.key(), String.valueOf(LoopbackPorts.free()));
                environment.put("NEWSROOM_OUTLET_SITE_SECRET", site.secret());
                environment.put("NEWSROOM_OUTLET_PARTNER_SECRET", partner.secret());
            }
            default -> jvm.add("-Xmx512m");
        }
        return new ServiceProcess(service, instance, settings, environment, jvm,
                dir.resolve("logs").resolve(instance + ".log"));
    }

    private Path writeOutlets() {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("outlets.yaml"), """
                    outlets:
                      - name: site
                        kind: webhook
                        url: %s
                        filters: {languages: [ar]}
                        retrySchedule: %s
                        timeout: 5s
                      - name: partner
                        kind: webhook
                        url: %s
                        retrySchedule: %s
                        timeout: 5s
                      - name: wire
                        kind: kafka
                        topic: %s
                    """.formatted(site.url(), RETRY_SCHEDULE, partner.url(), RETRY_SCHEDULE, wireTopic));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String prefix() {
        return prefix;
    }

    public String applicationId(String service) {
        return prefix + "-" + service;
    }

    public TopicCatalogue topics() {
        return topics;
    }

    public Cluster cluster() {
        return cluster;
    }

    public WebhookSite site() {
        return site;
    }

    public WebhookSite partner() {
        return partner;
    }

    public String wireTopic() {
        return wireTopic;
    }

    public Map<String, String> kafkaOutlets() {
        return Map.of("wire", wireTopic);
    }

    public List<ServiceProcess> instances(String service) {
        return instances.get(service);
    }

    public List<ServiceProcess> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Creates the pipeline's topics at the cluster's default replication factor, as the services would, and waits
     * until every partition takes writes, so that the load generator can start at once (producing into a topic just
     * created can lose the first batch, KAFKA-15591).
     */
    public void createTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            short replicas = TopicProvisioner.TopicSpec.CLUSTER_DEFAULT_REPLICATION;
            List<TopicProvisioner.TopicSpec> specs = new ArrayList<>(topics.specs(PARTITIONS, replicas));
            specs.add(new TopicProvisioner.TopicSpec(wireTopic, PARTITIONS, replicas, Map.of()));
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(specs);
        }
    }

    /** Starts every instance and waits until all of them process. */
    public void start() {
        all().forEach(ServiceProcess::start);
        awaitRunning(all());
    }

    /** Waits until each of {@code services} reports RUNNING. */
    public static void awaitRunning(List<ServiceProcess> services) {
        services.forEach(service -> service.awaitRunning(START_TIMEOUT));
    }

    /** Stops every instance with SIGTERM, all at once, and the webhook sites. */
    @Override
    public void close() {
        List<Thread> stopping = all().stream()
                .map(service -> new Thread(() -> service.stop(Duration.ofSeconds(15)), "stop-" + service.instance()))
                .toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        site.close();
        partner.close();
    }
}
