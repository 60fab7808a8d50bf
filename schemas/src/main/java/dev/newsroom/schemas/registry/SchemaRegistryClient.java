package dev.newsroom.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for the Confluent Schema Registry REST API (also spoken by Apicurio's {@code ccompat}
 * endpoint), written because Confluent's own client is not published to Maven Central.
 *
 * <p>Ids and schemas never change once registered, so id&#8594;schema and
 * (subject, schema)&#8594;id are cached for the life of the client; share one client per service
 * so serializers and deserializers share those caches. Only "latest version of a subject" can
 * change, so it is cached for {@value SchemaRegistryConfig#LATEST_CACHE_TTL_SEC} seconds.
 *
 * <p>Failures split in two, see {@link SchemaRegistryUnavailableException} (transient, retried
 * here with exponential backoff and jitter until {@value SchemaRegistryConfig#RETRY_MAX_MS} is
 * spent; no new attempt starts after that, although one already running may take up to
 * {@value SchemaRegistryConfig#REQUEST_TIMEOUT_MS}) and {@link SchemaRegistryException}
 * (definitive answers, never retried).
 *
 * <p>{@code https} registries are reached with Confluent's {@code schema.registry.ssl.*} settings,
 * and a certificate either side refuses fails at once instead of being retried.
 *
 * <p>Thread-safe. Schemas are always registered self-contained; schema references are only
 * resolved when reading.
 */
public final class SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RegistryEndpoint> endpoints;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final long retryBudgetMs;
    private final long backoffMs;
    private final long backoffMaxMs;
    private final long latestTtlNanos;
    private final RegistryTls tls;

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySchema = new ConcurrentHashMap<>();
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();

    /** Client with default timeouts and retries, for tests and command-line tools. */
    public SchemaRegistryClient(String urls) {
        this(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, urls));
    }

    /**
     * Client configured like a Kafka serde: the map may be a whole Kafka client configuration.
     *
     * @throws ConfigException if {@value SchemaRegistryConfig#SCHEMA_REGISTRY_URL} is missing or
     *     a value is invalid
     */
    public SchemaRegistryClient(Map<String, ?> configs) {
        SchemaRegistryConfig config = new SchemaRegistryConfig(configs);
        this.endpoints = RegistryEndpoint.parseAll(config);
        this.requestTimeout = Duration.ofMillis(config.getInt(SchemaRegistryConfig.REQUEST_TIMEOUT_MS));
        this.retryBudgetMs = config.getLong(SchemaRegistryConfig.RETRY_MAX_MS);
        this.backoffMs = config.getLong(SchemaRegistryConfig.RETRY_BACKOFF_MS);
        this.backoffMaxMs = Math.max(backoffMs, config.getLong(SchemaRegistryConfig.RETRY_BACKOFF_MAX_MS));
        long ttlSec = config.getLong(SchemaRegistryConfig.LATEST_CACHE_TTL_SEC);
        this.latestTtlNanos = ttlSec < 0 ? -1 : TimeUnit.SECONDS.toNanos(ttlSec);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout);
        this.tls = new RegistryTls(config);
        if (tls.context() != null) {
            builder.sslContext(tls.context());
        }
        this.http = builder.build();
    }

    /** Registers {@code schema} under {@code subject} (idempotent on the registry) and returns its id. */
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySchema.get(key);
        if (cached != null) {
            return cached;
        }
        Reply reply = send("POST", subjectPath(subject) + "/versions", Map.of("schema", key.schema()),
                "registering a schema under subject '" + subject + "'");
        int id = reply.intField("id");
        idsBySchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        latestBySubject.remove(subject);
        return id;
    }

    /**
     * Id of {@code schema} if it is already registered under {@code subject}, without registering.
     *
     * @throws SchemaNotFoundException with {@link SchemaNotFoundException#SUBJECT_NOT_FOUND} or
     *     {@link SchemaNotFoundException#SCHEMA_NOT_FOUND}
     */
    public int idOf(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySchema.get(key);
        if (cached != null) {
            return cached;
        }
        Reply reply = send("POST", subjectPath(subject), Map.of("schema", key.schema()),
                "looking up a schema under subject '" + subject + "'");
        int id = reply.intField("id");
        idsBySchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /**
     * The schema with this global id.
     *
     * @throws SchemaNotFoundException if the registry has no such id
     * @throws org.apache.avro.AvroRuntimeException (usually {@link SchemaParseException}) if the
     *     registry holds something that is not a usable Avro schema
     */
    public Schema byId(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Reply reply = send("GET", "/schemas/ids/" + id, null, "fetching schema id " + id);
        JsonNode type = reply.body().get("schemaType");
        if (type != null && !"AVRO".equals(type.asText())) {
            throw new SchemaParseException("Schema id " + id + " in registry " + reply.url() + " is a "
                    + type.asText() + " schema, not Avro");
        }
        Schema schema = parse(reply);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    /** The subject's latest version, cached for {@value SchemaRegistryConfig#LATEST_CACHE_TTL_SEC}. */
    public RegisteredSchema latest(String subject) {
        long now = System.nanoTime();
        CachedLatest cached = latestBySubject.get(subject);
        if (cached != null && (latestTtlNanos < 0 || now - cached.fetchedAtNanos() < latestTtlNanos)) {
            return cached.value();
        }
        Reply reply = send("GET", subjectPath(subject) + "/versions/latest", null,
                "fetching the latest schema of subject '" + subject + "'");
        RegisteredSchema latest = new RegisteredSchema(reply.intField("id"), reply.intField("version"), parse(reply));
        schemasById.putIfAbsent(latest.id(), latest.schema());
        if (latestTtlNanos != 0) {
            latestBySubject.put(subject, new CachedLatest(latest, now));
        }
        return latest;
    }

    public List<String> subjects() {
        Reply reply = send("GET", "/subjects", null, "listing subjects");
        List<String> subjects = new ArrayList<>();
        reply.body().forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    public List<Integer> versions(String subject) {
        Reply reply = send("GET", subjectPath(subject) + "/versions", null,
                "listing the versions of subject '" + subject + "'");
        List<Integer> versions = new ArrayList<>();
        reply.body().forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** The subject's compatibility level, falling back to the global level when it has none. */
    public String compatibility(String subject) {
        Reply reply = send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null,
                "reading the compatibility level of subject '" + subject + "'");
        return reply.body().has("compatibilityLevel") ? reply.textField("compatibilityLevel")
                : reply.textField("compatibility");
    }

    /** Sets the subject's compatibility level, e.g. {@code BACKWARD}, {@code FULL_TRANSITIVE}, {@code NONE}. */
    public void setCompatibility(String subject, String level) {
        send("PUT", "/config/" + encode(subject), Map.of("compatibility", level),
                "setting the compatibility level of subject '" + subject + "' to " + level);
    }

    /** Whether the registry would accept {@code schema} as the subject's next version. */
    public boolean testCompatibility(String subject, Schema schema) {
        Reply reply = send("POST", "/compatibility" + subjectPath(subject) + "/versions/latest",
                Map.of("schema", schema.toString()),
                "testing the compatibility of a schema with subject '" + subject + "'");
        JsonNode compatible = reply.body().get("is_compatible");
        if (compatible == null || !compatible.isBoolean()) {
            throw reply.unexpected("no boolean 'is_compatible'");
        }
        return compatible.asBoolean();
    }

    @Override
    public String toString() {
        return "SchemaRegistryClient" + endpoints.stream().map(RegistryEndpoint::display).toList();
    }

    /**
     * Parses a schema as the registry returned it, with a fresh parser so no named type leaks from
     * one schema into another. Referenced types (Apicurio's serializer registers nested records as
     * separate subjects and references them) are fetched and defined first, depth first.
     */
    private Schema parse(Reply reply) {
        Schema.Parser parser = new Schema.Parser();
        defineReferences(parser, reply.body().get("references"), new HashSet<>());
        return parser.parse(reply.textField("schema"));
    }

    private void defineReferences(Schema.Parser parser, JsonNode references, Set<String> defined) {
        if (references == null) {
            return;
        }
        for (JsonNode reference : references) {
            String subject = reference.path("subject").asText();
            int version = reference.path("version").asInt();
            if (defined.add(subject + "/" + version)) {
                Reply reply = send("GET", subjectPath(subject) + "/versions/" + version, null,
                        "fetching '" + reference.path("name").asText() + "', referenced as version " + version
                                + " of subject '" + subject + "'");
                defineReferences(parser, reply.body().get("references"), defined);
                parser.parse(reply.textField("schema"));
            }
        }
    }

    private Reply send(String method, String path, Object body, String operation) {
        byte[] payload = body == null ? null : toJson(body);
        long start = System.nanoTime();
        long backoff = backoffMs;
        int attempts = 0;
        Throwable lastCause = null;
        String lastReason = null;
        while (true) {
            for (RegistryEndpoint endpoint : endpoints) {
                attempts++;
                HttpResponse<byte[]> response;
                try {
                    response = http.send(endpoint.request(method, path, payload, requestTimeout),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    if (e instanceof SSLHandshakeException handshake && RegistryTls.isRefusal(handshake)) {
                        throw new SchemaRegistryException("TLS handshake with schema registry " + endpoint.display()
                                + " failed while " + operation + ": " + describe(e, requestTimeout) + " (check "
                                + SchemaRegistryConfig.SSL_TRUSTSTORE_LOCATION + ", and "
                                + SchemaRegistryConfig.SSL_KEYSTORE_LOCATION + " if the registry requires a client"
                                + " certificate)", endpoint.display(), 0, SchemaRegistryException.NO_ERROR_CODE);
                    }
                    lastCause = e;
                    lastReason = describe(e, requestTimeout) + tls.dropHint(endpoint.display(), e);
                    LOG.debug("Schema registry {} failed while {}: {}", endpoint.display(), operation, lastReason);
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptException("Interrupted while " + operation, e);
                }
                int status = response.statusCode();
                if (status == 408 || status == 429 || status >= 500) {
                    lastCause = null;
                    lastReason = "HTTP " + status + ErrorBody.parse(response.body()).suffix();
                    LOG.debug("Schema registry {} failed while {}: {}", endpoint.display(), operation, lastReason);
                    continue;
                }
                return Reply.of(endpoint, response, operation);
            }
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long remainingMs = retryBudgetMs - elapsedMs;
            if (remainingMs <= 0) {
                throw new SchemaRegistryUnavailableException(
                        "Schema registry " + displayUrls() + " unreachable after " + attempts + " attempts over "
                                + formatDuration(elapsedMs) + " while " + operation + ": " + lastReason,
                        endpoints.stream().map(RegistryEndpoint::display).toList(), attempts, lastCause);
            }
            long sleepMs = Math.min(remainingMs, backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
            LOG.warn("Schema registry {} failed while {} ({}); retrying in {} ms", displayUrls(), operation,
                    lastReason, sleepMs);
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException("Interrupted while " + operation, e);
            }
            backoff = Math.min(backoff * 2, backoffMaxMs);
        }
    }

    private String displayUrls() {
        return endpoints.stream().map(RegistryEndpoint::display).collect(Collectors.joining(", "));
    }

    private static byte[] toJson(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java's HttpClient often throws exceptions without a message; find the words that explain. */
    private static String describe(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + timeout.toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "request timed out after " + timeout.toMillis() + " ms";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException ? "Connection refused" : e.getClass().getSimpleName();
    }

    private static String formatDuration(long millis) {
        return millis < 1000 ? millis + " ms" : Math.round(millis / 1000.0) + " s";
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + encode(subject);
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record SubjectSchema(String subject, String schema) {
    }

    private record CachedLatest(RegisteredSchema value, long fetchedAtNanos) {
    }

    /** Confluent's error body {@code {"error_code": 40403, "message": "..."}}, read leniently. */
    private record ErrorBody(int errorCode, String message) {

        static ErrorBody parse(byte[] body) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.isObject()) {
                    return new ErrorBody(node.path("error_code").asInt(SchemaRegistryException.NO_ERROR_CODE),
                            node.path("message").asText(""));
                }
            } catch (IOException notJson) {
                // fall through: proxies and load balancers answer in HTML or plain text
            }
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return new ErrorBody(SchemaRegistryException.NO_ERROR_CODE,
                    text.length() > 200 ? text.substring(0, 200) + "..." : text);
        }

        String suffix() {
            return (errorCode == SchemaRegistryException.NO_ERROR_CODE ? "" : " (error_code " + errorCode + ")")
                    + (message.isEmpty() ? "" : ": " + message);
        }
    }

    /** A 2xx answer; building one from a non-2xx answer throws the matching exception instead. */
    private record Reply(String url, int status, JsonNode body, String operation) {

        static Reply of(RegistryEndpoint endpoint, HttpResponse<byte[]> response, String operation) {
            int status = response.statusCode();
            String url = endpoint.display();
            if (status / 100 == 2) {
                try {
                    JsonNode body = JSON.readTree(response.body());
                    return new Reply(url, status, body == null ? JSON.missingNode() : body, operation);
                } catch (IOException e) {
                    throw new SchemaRegistryException("Schema registry " + url + " answered HTTP " + status
                            + " with a body that is not JSON while " + operation, url, status,
                            SchemaRegistryException.NO_ERROR_CODE);
                }
            }
            ErrorBody error = ErrorBody.parse(response.body());
            String message = "Schema registry " + url + " answered HTTP " + status + error.suffix()
                    + " while " + operation;
            switch (status) {
                case 404 -> throw new SchemaNotFoundException(message, url, error.errorCode());
                case 409 -> throw new IncompatibleSchemaException(message, url, error.errorCode());
                case 401, 403 -> throw new SchemaRegistryException(message + " (check "
                        + endpoint.credentialKeys() + ")", url, status, error.errorCode());
                default -> throw new SchemaRegistryException(message, url, status, error.errorCode());
            }
        }

        int intField(String name) {
            JsonNode node = body.get(name);
            if (node == null || !node.canConvertToInt()) {
                throw unexpected("no integer '" + name + "'");
            }
            return node.asInt();
        }

        String textField(String name) {
            JsonNode node = body.get(name);
            if (node == null || !node.isTextual()) {
                throw unexpected("no string '" + name + "'");
            }
            return node.asText();
        }

        SchemaRegistryException unexpected(String what) {
            return new SchemaRegistryException("Schema registry " + url + " answered with " + what
                    + " while " + operation + ": " + body, url, status, SchemaRegistryException.NO_ERROR_CODE);
        }
    }
}
