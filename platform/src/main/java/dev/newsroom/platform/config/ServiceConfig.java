package dev.newsroom.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A service's configuration: built-in defaults, then a properties file, then environment variables, then
 * explicit overrides, each layer winning over the one before.
 *
 * <p>Every key can be set from the environment as {@code NEWSROOM_} plus the key without a leading
 * {@code newsroom.}, upper-cased, with dots and dashes as underscores: {@code newsroom.management.port} is
 * {@code NEWSROOM_MANAGEMENT_PORT}, {@code bootstrap.servers} is {@code NEWSROOM_BOOTSTRAP_SERVERS}. The
 * conventional {@code KAFKA_BOOTSTRAP_SERVERS} and {@code SCHEMA_REGISTRY_URL} work too. Kafka client settings
 * that have no key of their own pass through with a {@code kafka.} prefix ({@code kafka.security.protocol},
 * env {@code NEWSROOM_KAFKA_SECURITY_PROTOCOL}).
 */
public final class ServiceConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String KAFKA_PREFIX = "kafka.";

    private static final Map<String, String> CONVENTIONAL_ENV = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP_SERVERS,
            "SCHEMA_REGISTRY_URL", SCHEMA_REGISTRY_URL);

    /** A topic's name is set as {@code newsroom.topic.<role>}, or {@code NEWSROOM_TOPIC_<ROLE>} in the environment. */
    public static final String TOPIC_KEY_PREFIX = "newsroom.topic.";
    private static final String TOPIC_VARIABLE_PREFIX = "NEWSROOM_TOPIC_";

    private static final Set<String> KAFKA_CLIENT_KEYS = kafkaClientKeys();

    private final Map<String, String> values;

    private ServiceConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * @param settings the keys the service understands: environment variables map onto them (and onto any key the
     *                 file sets). Their defaults are not copied in: {@link #get(Setting)} falls back to them, so a
     *                 default lives only in its {@link Setting}.
     */
    public static ServiceConfig load(Collection<? extends Setting<?>> settings, Path file,
                                     Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        if (file != null) {
            values.putAll(readProperties(file));
        }
        Set<String> known = new HashSet<>(values.keySet());
        settings.forEach(setting -> known.add(setting.key()));
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            String key = keyForEnvironment(entry.getKey(), known);
            if (key != null) {
                values.put(key, entry.getValue());
            }
        }
        values.putAll(overrides);
        return new ServiceConfig(values);
    }

    public static ServiceConfig of(Map<String, String> values) {
        return new ServiceConfig(values);
    }

    /** The environment variable that sets {@code key}. */
    public static String environmentVariable(String key) {
        String bare = key.startsWith("newsroom.") ? key.substring("newsroom.".length()) : key;
        return "NEWSROOM_" + bare.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Set<String> kafkaClientKeys() {
        Set<String> keys = new HashSet<>(AdminClientConfig.configNames());
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(ConsumerConfig.configNames());
        // Each plain client says for itself how it reads, writes and names itself.
        keys.removeAll(Set.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, ConsumerConfig.CLIENT_ID_CONFIG));
        return Set.copyOf(keys);
    }

    private static String keyForEnvironment(String variable, Set<String> known) {
        if (CONVENTIONAL_ENV.containsKey(variable)) {
            return CONVENTIONAL_ENV.get(variable);
        }
        if (!variable.startsWith("NEWSROOM_")) {
            return null;
        }
        for (String key : known) {
            if (environmentVariable(key).equals(variable)) {
                return key;
            }
        }
        if (variable.startsWith(TOPIC_VARIABLE_PREFIX)) {
            return TOPIC_KEY_PREFIX + variable.substring(TOPIC_VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT)
                    .replace('_', '-');
        }
        if (variable.startsWith("NEWSROOM_KAFKA_")) {
            return KAFKA_PREFIX + variable.substring("NEWSROOM_KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        }
        return null;
    }

    private static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> values.put(k.toString().trim(), v.toString().trim()));
        return values;
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String get(String key) {
        return values.get(key);
    }

    /** The configured value of {@code setting}, or its default when it is not set (or set blank). */
    public <T> T get(Setting<T> setting) {
        String value = values.get(setting.key());
        return value == null || value.isBlank() ? setting.defaultValue() : setting.parse(value);
    }

    /**
     * @throws ConfigurationException when the setting is neither configured nor has a default
     */
    public <T> T require(Setting<T> setting) {
        T value = get(setting);
        if (value == null) {
            throw new ConfigurationException(setting.key(), "is required (set it in the configuration file or as "
                    + setting.environmentVariable() + ")");
        }
        return value;
    }

    /**
     * Settings for a plain Kafka client (admin, producer, consumer): the brokers, every Kafka client setting given
     * under its own name (so an operator's client.properties with {@code security.protocol}, {@code sasl.*} and
     * {@code ssl.*} works as it is, as Kafka Streams reads it too), and every {@code kafka.*} one, which wins.
     */
    public Map<String, Object> kafkaClients() {
        Map<String, Object> clients = new HashMap<>();
        values.forEach((key, value) -> {
            if (KAFKA_CLIENT_KEYS.contains(key)) {
                clients.put(key, value);
            }
        });
        clients.putAll(withPrefix(KAFKA_PREFIX));
        clients.put(BOOTSTRAP_SERVERS, require(CommonSettings.BOOTSTRAP_SERVERS));
        return clients;
    }

    /** Settings with the given prefix, prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), value);
            }
        });
        return out;
    }

    public ServiceConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new ServiceConfig(merged);
    }
}
