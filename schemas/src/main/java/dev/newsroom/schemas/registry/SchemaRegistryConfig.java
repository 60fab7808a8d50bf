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
 *   <tr><td>{@value #BEARER_AUTH_CREDENTIALS_SOURCE}</td>
 *       <td>{@code STATIC_TOKEN} if {@value #BEARER_AUTH_TOKEN} is set, else none</td>
 *       <td>Where the bearer token comes from; only {@code STATIC_TOKEN} is supported.</td></tr>
 *   <tr><td>{@value #BEARER_AUTH_TOKEN}</td><td>none</td>
 *       <td>Sent as {@code Authorization: Bearer <token>}; exclusive with Basic credentials.</td></tr>
 *   <tr><td>{@code schema.registry.ssl.*}</td><td>JDK defaults</td>
 *       <td>Trust store, key store (client certificate) and host name check for {@code https} URLs,
 *           named as in Confluent's serde.</td></tr>
 *   <tr><td>{@value #KEY_SUBJECT_NAME_STRATEGY} / {@value #VALUE_SUBJECT_NAME_STRATEGY}</td><td>topic</td>
 *       <td>Subject the serializer registers under: {@code topic}, {@code record}, {@code topic-record}
 *           or Confluent's class names for them.</td></tr>
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

    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";
    public static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM =
            "schema.registry.ssl.endpoint.identification.algorithm";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    public static final String CREDENTIALS_SOURCE_STATIC_TOKEN = "STATIC_TOKEN";
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
                    "Maximum retry backoff.")
            .define(BEARER_AUTH_CREDENTIALS_SOURCE, Type.STRING, null, Importance.MEDIUM,
                    "Where the registry bearer token comes from: STATIC_TOKEN (the default when "
                            + BEARER_AUTH_TOKEN + " is set). Confluent's OAUTHBEARER, SASL_OAUTHBEARER_INHERIT"
                            + " and CUSTOM are not supported. Exclusive with Basic credentials.")
            .define(BEARER_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                    "Token sent as 'Authorization: Bearer <token>'.")
            .define(SSL_TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                    "Trust store with the certificates of the CAs that signed the registry's certificate;"
                            + " unset uses the JDK's trusted CAs.")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the trust store.")
            .define(SSL_TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW,
                    "Format of the trust store: JKS or PKCS12.")
            .define(SSL_KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
                    "Key store with the client certificate, for registries that require one.")
            .define(SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Password of the key store.")
            .define(SSL_KEYSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "Format of the key store: JKS or PKCS12.")
            .define(SSL_KEY_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM,
                    "Password of the client key in the key store; defaults to the key store's password.")
            .define(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM, Type.STRING, "https", Importance.LOW,
                    "https checks that the registry's certificate names its host; empty disables the check.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC.shortName(),
                    SubjectNameStrategy.VALIDATOR, Importance.MEDIUM,
                    "Subject keys are registered under: topic (<topic>-key), record (the record's full name),"
                            + " topic-record (<topic>-<full name>), or Confluent's class names for them.")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, SubjectNameStrategy.TOPIC.shortName(),
                    SubjectNameStrategy.VALIDATOR, Importance.MEDIUM,
                    "Subject values are registered under: topic (<topic>-value), record (the record's full"
                            + " name), topic-record (<topic>-<full name>), or Confluent's class names for them.");

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

    String bearerSource() {
        return getString(BEARER_AUTH_CREDENTIALS_SOURCE);
    }

    String bearerToken() {
        return password(BEARER_AUTH_TOKEN);
    }

    /** The value of a password key, or null. */
    String password(String key) {
        Password password = getPassword(key);
        return password == null ? null : password.value();
    }

    /** How the serializer names the subject of keys or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return SubjectNameStrategy.named(getString(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
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
