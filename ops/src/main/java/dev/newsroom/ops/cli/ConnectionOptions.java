package dev.newsroom.ops.cli;

import dev.newsroom.platform.config.Durations;
import dev.newsroom.platform.config.ServiceConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Option;

/**
 * Where the Kafka cluster and the registry are, shared by every command that talks to them. Defaults point at
 * the embedded stack of {@code ./newsroom up}; a client config file passes SASL/TLS and other client settings
 * through unchanged.
 */
public final class ConnectionOptions {

    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    public static final String DEFAULT_REGISTRY = "http://localhost:8081/apis/ccompat/v7";

    @Option(names = {"--bootstrap-servers", "--bootstrap-server", "-b"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: bootstrap.servers of the client config, else"
                    + " $KAFKA_BOOTSTRAP_SERVERS, else " + DEFAULT_BOOTSTRAP + "); Kafka's tools' --bootstrap-server"
                    + " and kcat's -b work too.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Confluent-compatible schema registry URL (default: schema.registry.url of the client"
                    + " config, else $SCHEMA_REGISTRY_URL, else " + DEFAULT_REGISTRY + ").")
    String schemaRegistryUrl;

    @Option(names = {"--client-config", "--command-config"}, paramLabel = "FILE",
            description = {"Properties file with Kafka client and registry settings (SASL, TLS, basic.auth.user.info"
                    + " ...); Kafka's tools' --command-config works too."})
    Path clientConfig;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "8s", converter = DurationArgument.class,
            description = "How long to wait for Kafka to answer before giving up (default: ${DEFAULT-VALUE}, so that"
                    + " with the JVM's start an unreachable cluster is reported within 10 s).")
    Duration timeout;

    private boolean reachable;
    private Map<String, Object> fileSettings;

    public Duration timeout() {
        return timeout;
    }

    /**
     * Fails within {@link #timeout()} with one line naming the cluster tried, instead of the clients' own minute of
     * retries and warnings.
     */
    void requireKafka() {
        Map<String, Object> config = settings();
        int millis = (int) Math.max(1, timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.keySet().removeIf(key -> key.startsWith("schema.registry.") || key.startsWith("basic.auth.")
                || key.startsWith("bearer.auth."));
        Admin admin = Admin.create(config);
        try {
            admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot reach Kafka at " + bootstrapServers() + " within "
                    + Durations.describe(timeout) + " (--timeout to wait longer, --bootstrap-server to point"
                    + " elsewhere): " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reaching Kafka at " + bootstrapServers());
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    public String bootstrapServers() {
        return choose(bootstrapServers, "bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP);
    }

    public String schemaRegistryUrl() {
        return choose(schemaRegistryUrl, "schema.registry.url", "SCHEMA_REGISTRY_URL", DEFAULT_REGISTRY);
    }

    /**
     * Client settings for a command about to talk to Kafka: the first call checks that the cluster answers (see
     * {@link #requireKafka()}), so every command fails fast in the same words, after its own argument checks.
     */
    public Map<String, Object> clientConfig() {
        if (!reachable) {
            requireKafka();
            reachable = true;
        }
        return settings();
    }

    /**
     * Client settings without reaching out to Kafka: topic names from the environment ({@code NEWSROOM_TOPIC_RAW}
     * read as the services read it), the config file over them and the explicit options on top.
     */
    public Map<String, Object> settings() {
        Map<String, Object> config = new HashMap<>();
        ServiceConfig.load(List.of(), null, System.getenv(), Map.of()).asMap().forEach((key, value) -> {
            if (key.startsWith(ServiceConfig.TOPIC_KEY_PREFIX)) {
                config.put(key, value);
            }
        });
        config.putAll(fileSettings());
        config.put("bootstrap.servers", bootstrapServers());
        config.put("schema.registry.url", schemaRegistryUrl());
        return config;
    }

    /** An option given wins over the client config file, which wins over the environment and the default. */
    private String choose(String option, String key, String environment, String fallback) {
        if (option != null) {
            return option;
        }
        Object inFile = fileSettings().get(key);
        if (inFile != null) {
            return inFile.toString();
        }
        String fromEnvironment = System.getenv(environment);
        return fromEnvironment == null || fromEnvironment.isBlank() ? fallback : fromEnvironment;
    }

    /** The client config file, read once: every option and every client of a command consults it. */
    private Map<String, Object> fileSettings() {
        if (fileSettings == null) {
            fileSettings = read(clientConfig);
        }
        return new HashMap<>(fileSettings);
    }

    /** The settings of a client config file; none for null. */
    public static Map<String, Object> read(Path clientConfig) {
        Map<String, Object> config = new HashMap<>();
        if (clientConfig != null) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(clientConfig)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read client config " + clientConfig + ": " + e.getMessage(), e);
            }
            properties.forEach((key, value) -> config.put(key.toString(), value));
        }
        return config;
    }
}
