package dev.newsroom.schemas.registry;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/**
 * Every configuration key understood by the registry client and the Avro serde, in one place.
 *
 * <p>Where Confluent's serializers define a key we reuse its exact name, so a service can be
 * pointed at our serde or Confluent's with the same properties file. Keys Confluent does not
 * have are prefixed {@code schema.registry.} so they never collide with Kafka client settings
 * sitting in the same map:
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@value #SCHEMA_REGISTRY_URL}</td><td>(required)</td>
 *       <td>Comma-separated registry base URLs, tried in order when one cannot be reached.
 *           {@code http://user:pass@host} credentials are used when the credentials source is
 *           {@code URL}.</td></tr>
 *   <tr><td>{@value #BASIC_AUTH_CREDENTIALS_SOURCE}</td>
 *       <td>{@code USER_INFO} if {@value #BASIC_AUTH_USER_INFO} is set, else {@code URL}</td>
 *       <td>Where HTTP Basic credentials come from: {@code USER_INFO} or {@code URL}.</td></tr>
 *   <tr><td>{@value #BASIC_AUTH_USER_INFO}</td><td>none</td><td>{@code user:password}.</td></tr>
 *   <tr><td>{@value #AUTO_REGISTER_SCHEMAS}</td><td>true</td>
 *       <td>Serializer registers the record's schema; when false it only looks it up.</td></tr>
 *   <tr><td>{@value #USE_LATEST_VERSION}</td><td>false</td>
 *       <td>Serializer writes with the subject's latest registered schema.</td></tr>
 *   <tr><td>{@value #LATEST_CACHE_TTL_SEC}</td><td>30</td>
 *       <td>How long a subject's latest version is cached; negative caches forever, 0 never.
 *           (Confluent's default is -1; we prefer picking up new versions without a restart.)</td></tr>
 *   <tr><td>{@value #SPECIFIC_AVRO_READER}</td><td>false</td>
 *       <td>Deserializer returns generated classes, found by the writer schema's name.</td></tr>
 *   <tr><td>{@value #SPECIFIC_AVRO_KEY_TYPE} / {@value #SPECIFIC_AVRO_VALUE_TYPE}</td><td>none</td>
 *       <td>Generated class the deserializer reads keys / values into (its schema is the reader
 *           schema, so older and newer compatible writer schemas resolve into it).</td></tr>
 *   <tr><td>{@value #REQUEST_TIMEOUT_MS}</td><td>10000</td>
 *       <td>Connect and response timeout of one HTTP request.</td></tr>
 *   <tr><td>{@value #RETRY_MAX_MS}</td><td>60000</td>
 *       <td>Total time spent retrying transient failures (unreachable, timeout, HTTP 408/429/5xx)
 *           before giving up; 0 means one round over the URLs.</td></tr>
 *   <tr><td>{@value #RETRY_BACKOFF_MS}</td><td>100</td><td>First retry backoff; doubles each round.</td></tr>
 *   <tr><td>{@value #RETRY_BACKOFF_MAX_MS}</td><td>5000</td><td>Upper bound of the backoff.</td></tr>
 * </table>
 *
 * <p>Unknown keys are ignored, so the whole Kafka client configuration can be passed in.
 */
public final class SchemaRegistryConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    public static final String RETRY_MAX_MS = "schema.registry.retry.max.ms";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";

    public static final String CREDENTIALS_SOURCE_USER_INFO = "USER_INFO";
    public static final String CREDENTIALS_SOURCE_URL = "URL";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.STRING, null, Importance.HIGH,
                    "Comma-separated schema registry base URLs, tried in order.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, null, Importance.MEDIUM,
                    "Where HTTP Basic credentials come from: USER_INFO or URL.")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM, "user:password for HTTP Basic.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema when serializing.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the latest schema registered under the subject.")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, 30L, Importance.LOW,
                    "Seconds a subject's latest version is cached; negative means forever.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into generated classes.")
            .define(SPECIFIC_AVRO_KEY_TYPE, Type.CLASS, null, Importance.MEDIUM,
                    "Generated class keys are deserialized into.")
            .define(SPECIFIC_AVRO_VALUE_TYPE, Type.CLASS, null, Importance.MEDIUM,
                    "Generated class values are deserialized into.")
            .define(REQUEST_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(1), Importance.LOW,
                    "Timeout of one registry HTTP request.")
            .define(RETRY_MAX_MS, Type.LONG, 60_000L, Range.atLeast(0), Importance.LOW,
                    "Total time budget for retrying transient registry failures.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 100L, Range.atLeast(1), Importance.LOW,
                    "Initial retry backoff.")
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 5_000L, Range.atLeast(1), Importance.LOW,
                    "Maximum retry backoff.");

    /** Every key with its type, default and meaning, for the services' settings table and environment mapping. */
    public static ConfigDef definition() {
        return DEFINITION;
    }

    public SchemaRegistryConfig(Map<String, ?> configs) {
        super(DEFINITION, configs, false);
    }

    /** The raw URL list, possibly null: a serde handed a shared client does not need one. */
    String urls() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    String credentialsSource() {
        return getString(BASIC_AUTH_CREDENTIALS_SOURCE);
    }

    String userInfo() {
        Password password = getPassword(BASIC_AUTH_USER_INFO);
        return password == null ? null : password.value();
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    /** The generated class configured for keys or values, or null. */
    public Class<?> specificType(boolean isKey) {
        return getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
    }
}
