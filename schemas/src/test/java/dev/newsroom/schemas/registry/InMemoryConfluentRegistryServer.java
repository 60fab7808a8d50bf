package dev.newsroom.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Test fixture: a real HTTP or HTTPS server on loopback speaking the handful of Confluent Schema Registry
 * endpoints our client uses, with state in memory. Unit tests exercise the real HTTP path (status
 * codes, headers, JSON bodies, retries) without a registry process; integration tests against a
 * real registry live elsewhere. Failures and delays can be scripted, and every request is recorded.
 */
public final class InMemoryConfluentRegistryServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, String path, String authorization) {
    }

    /** A Confluent schema reference: the named type {@code name} is version {@code version} of {@code subject}. */
    public record Reference(String name, String subject, int version) {
    }

    private record Scripted(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Scripted> scripted = new ConcurrentLinkedQueue<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<Integer, List<Reference>> referencesById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new LinkedHashMap<>();
    private final Map<String, String> compatibilityBySubject = new HashMap<>();
    private volatile String requiredAuthorization;
    private volatile Duration delay = Duration.ZERO;

    private InMemoryConfluentRegistryServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static InMemoryConfluentRegistryServer start() {
        try {
            return new InMemoryConfluentRegistryServer(HttpServer.create(loopback(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves over HTTPS with the certificate in {@code tls}'s key managers; with
     * {@code needClientAuth} the handshake fails unless the client presents a certificate that
     * {@code tls}'s trust managers accept.
     */
    public static InMemoryConfluentRegistryServer startHttps(SSLContext tls, boolean needClientAuth) {
        try {
            HttpsServer server = HttpsServer.create(loopback(), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = tls.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(needClientAuth);
                    params.setSSLParameters(parameters);
                }
            });
            return new InMemoryConfluentRegistryServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    public String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} requests get {@code status} with a Confluent error body. */
    public void failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            scripted.add(new Scripted(status, error(status * 100, "scripted failure")));
        }
    }

    /** Requests without {@code Authorization: Basic base64(userInfo)} get 401. */
    public void requireBasicAuth(String userInfo) {
        requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** Requests without {@code Authorization: Bearer token} get 401. */
    public void requireBearerToken(String token) {
        requiredAuthorization = "Bearer " + token;
    }

    /** Every response is delayed, to provoke client timeouts. */
    public void delayResponses(Duration delay) {
        this.delay = delay;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Registers directly, bypassing HTTP, to arrange a test. */
    public synchronized int registerDirectly(String subject, Schema schema) {
        return register(subject, schema.toString());
    }

    /**
     * Registers a schema text that uses types defined under other subjects, the way Apicurio's
     * serializer does; the text is stored as is because it cannot be parsed on its own.
     */
    public synchronized int registerWithReferences(String subject, String schemaText, Reference... references) {
        int id = schemasById.size() + 1;
        schemasById.put(id, schemaText);
        referencesById.put(id, List.of(references));
        idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(method, path, authorization));
            byte[] body = exchange.getRequestBody().readAllBytes();
            sleep(delay);
            Scripted response;
            Scripted next = scripted.poll();
            if (next != null) {
                response = next;
            } else if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                response = new Scripted(401, error(401, "Unauthorized"));
            } else {
                synchronized (this) {
                    response = route(method, path.split("/"), body.length == 0 ? null : JSON.readTree(body));
                }
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(response.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Scripted route(String method, String[] p, JsonNode body) throws IOException {
        // p[0] is the empty string before the leading slash
        String subject = p.length > 2 ? URLDecoder.decode(p[2], StandardCharsets.UTF_8) : null;
        if (method.equals("GET") && p.length == 2 && p[1].equals("subjects")) {
            return ok(idsBySubject.keySet());
        }
        if (p.length >= 3 && p[1].equals("subjects")) {
            List<Integer> versions = idsBySubject.get(subject);
            if (method.equals("POST") && p.length == 4 && p[3].equals("versions")) {
                return registerOrReject(subject, body.get("schema").asText());
            }
            if (versions == null) {
                return new Scripted(404, error(40401, "Subject '" + subject + "' not found."));
            }
            if (method.equals("POST") && p.length == 3) {
                String text = normalize(body.get("schema").asText());
                Integer id = idsBySchema.get(text);
                if (id == null || !versions.contains(id)) {
                    return new Scripted(404, error(40403, "Schema not found"));
                }
                return ok(version(subject, versions.indexOf(id) + 1, id));
            }
            if (method.equals("GET") && p.length == 4 && p[3].equals("versions")) {
                List<Integer> numbers = new ArrayList<>();
                for (int v = 1; v <= versions.size(); v++) {
                    numbers.add(v);
                }
                return ok(numbers);
            }
            if (method.equals("GET") && p.length == 5) {
                int version = p[4].equals("latest") ? versions.size() : Integer.parseInt(p[4]);
                return ok(version(subject, version, versions.get(version - 1)));
            }
        }
        if (method.equals("GET") && p.length == 4 && p[1].equals("schemas") && p[2].equals("ids")) {
            int id = Integer.parseInt(p[3]);
            return schemasById.containsKey(id)
                    ? ok(Map.of("schema", schemasById.get(id), "references", referencesById.getOrDefault(id, List.of())))
                    : new Scripted(404, error(40403, "Schema " + id + " not found"));
        }
        if (p.length == 3 && p[1].equals("config")) {
            if (method.equals("PUT")) {
                compatibilityBySubject.put(subject, body.get("compatibility").asText());
                return ok(Map.of("compatibility", compatibilityBySubject.get(subject)));
            }
            return ok(Map.of("compatibilityLevel", compatibilityBySubject.getOrDefault(subject, "BACKWARD")));
        }
        if (method.equals("POST") && p.length == 6 && p[1].equals("compatibility")) {
            String candidate = URLDecoder.decode(p[3], StandardCharsets.UTF_8);
            if (!idsBySubject.containsKey(candidate)) {
                return new Scripted(404, error(40401, "Subject '" + candidate + "' not found."));
            }
            return ok(Map.of("is_compatible", incompatibility(candidate, body.get("schema").asText()) == null));
        }
        return new Scripted(404, error(404, "HTTP 404 Not Found"));
    }

    private Scripted registerOrReject(String subject, String schemaText) throws IOException {
        String problem = incompatibility(subject, schemaText);
        if (problem != null) {
            return new Scripted(409, error(409, "Schema being registered is incompatible with an earlier schema for"
                    + " subject \"" + subject + "\", details: " + problem));
        }
        return ok(Map.of("id", register(subject, schemaText)));
    }

    private int register(String subject, String schemaText) {
        String text = normalize(schemaText);
        int id = idsBySchema.computeIfAbsent(text, t -> schemasById.size() + 1);
        schemasById.put(id, text);
        List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    /** Null when {@code schemaText} may follow the subject's latest version, else why not. */
    private String incompatibility(String subject, String schemaText) {
        List<Integer> versions = idsBySubject.get(subject);
        String level = compatibilityBySubject.getOrDefault(subject, "BACKWARD");
        if (versions == null || level.equals("NONE")) {
            return null;
        }
        Schema candidate = new Schema.Parser().parse(schemaText);
        Schema latest = new Schema.Parser().parse(schemasById.get(versions.get(versions.size() - 1)));
        boolean backward = compatible(candidate, latest);
        boolean forward = compatible(latest, candidate);
        boolean ok = switch (level) {
            case "FORWARD" -> forward;
            case "FULL" -> backward && forward;
            default -> backward;
        };
        return ok ? null : level + " compatibility violated";
    }

    private static boolean compatible(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }

    private Map<String, Object> version(String subject, int version, int id) {
        return Map.of("subject", subject, "version", version, "id", id, "schema", schemasById.get(id),
                "references", referencesById.getOrDefault(id, List.of()));
    }

    private static String normalize(String schemaText) {
        return new Schema.Parser().parse(schemaText).toString();
    }

    private static Scripted ok(Object body) throws IOException {
        return new Scripted(200, JSON.writeValueAsString(body));
    }

    private static String error(int errorCode, String message) {
        try {
            return JSON.writeValueAsString(Map.of("error_code", errorCode, "message", message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
