package dev.newsroom.ops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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

    public String bootstrapServers() {
        return choose(bootstrapServers, "bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP);
    }

    public String schemaRegistryUrl() {
        return choose(schemaRegistryUrl, "schema.registry.url", "SCHEMA_REGISTRY_URL", DEFAULT_REGISTRY);
    }

    /** Client settings: the config file first, then the explicit options on top. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = read(clientConfig);
        config.put("bootstrap.servers", bootstrapServers());
        config.put("schema.registry.url", schemaRegistryUrl());
        return config;
    }

    /** An option given wins over the client config file, which wins over the environment and the default. */
    private String choose(String option, String key, String environment, String fallback) {
        if (option != null) {
            return option;
        }
        Object inFile = read(clientConfig).get(key);
        if (inFile != null) {
            return inFile.toString();
        }
        String fromEnvironment = System.getenv(environment);
        return fromEnvironment == null || fromEnvironment.isBlank() ? fallback : fromEnvironment;
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
