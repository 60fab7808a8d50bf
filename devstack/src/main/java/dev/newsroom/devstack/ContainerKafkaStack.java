package dev.newsroom.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The same stack as containers, for machines with a Docker engine ({@code -Dnewsroom.it=testcontainers}). */
public final class ContainerKafkaStack implements KafkaStack {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String REGISTRY_IMAGE = "quay.io/apicurio/apicurio-registry:3.3.3";

    private final KafkaContainer kafka;
    private final GenericContainer<?> registry;

    private ContainerKafkaStack(KafkaContainer kafka, GenericContainer<?> registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    public static ContainerKafkaStack start() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse(REGISTRY_IMAGE))
                .withExposedPorts(8080)
                .withEnv("APICURIO_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
                .waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        kafka.start();
        try {
            registry.start();
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        ContainerKafkaStack stack = new ContainerKafkaStack(kafka, registry);
        stack.requireBackwardCompatibility();
        return stack;
    }

    private void requireBackwardCompatibility() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(schemaRegistryUrl() + "/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Registry container refused BACKWARD compatibility: HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String schemaRegistryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080) + "/apis/ccompat/v7";
    }

    @Override
    public String description() {
        return "Testcontainers: " + KAFKA_IMAGE + " at " + bootstrapServers() + " + " + REGISTRY_IMAGE + " at "
                + schemaRegistryUrl();
    }

    @Override
    public Outage registryOutage() {
        var docker = DockerClientFactory.instance().client();
        docker.pauseContainerCmd(registry.getContainerId()).exec();
        return () -> docker.unpauseContainerCmd(registry.getContainerId()).exec();
    }

    @Override
    public void close() {
        try {
            registry.stop();
        } finally {
            kafka.stop();
        }
    }
}
