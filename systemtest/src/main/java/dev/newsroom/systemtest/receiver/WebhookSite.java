package dev.newsroom.systemtest.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.devtools.demo.StandardWebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A downstream site's webhook endpoint on loopback, written from the Standard Webhooks specification alone: it
 * verifies every signature and timestamp itself and keeps a record of every request, which is what the scenarios
 * count deliveries with. It can be taken down (nothing listens on its port) and made to answer 503 with
 * {@code Retry-After}, then brought back on the same port.
 */
public final class WebhookSite implements AutoCloseable {

    /** One request as the site saw it. */
    public record Request(Instant at, String webhookId, String type, String articleUri, int version,
                          boolean signatureValid, boolean timestampFresh, int answered) {
        public boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TOLERANCE_SECONDS = 300;

    private final String name;
    private final int port;
    private final String secret;
    private final byte[] key;
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private final ExecutorService handlers;
    private HttpServer server;
    private volatile int unavailableRetryAfterSeconds = -1;

    private WebhookSite(String name, int port, String secret) {
        this.name = name;
        this.port = port;
        this.secret = secret;
        this.key = StandardWebhookSignature.key(secret);
        this.handlers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "webhook-site-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A site with a fresh secret on a free port, up. */
    public static WebhookSite start(String name) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        WebhookSite site = new WebhookSite(name, LoopbackPorts.free(),
                "whsec_" + Base64.getEncoder().encodeToString(random));
        site.up();
        return site;
    }

    public String name() {
        return name;
    }

    /** The secret to give the outlet, in the specification's {@code whsec_} form. */
    public String secret() {
        return secret;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/" + name;
    }

    /** Listening and answering 204 to every correctly signed request. */
    public synchronized void up() {
        unavailableRetryAfterSeconds = -1;
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + " for webhook site " + name, e);
        }
        server.createContext("/hooks/" + name, this::receive);
        server.setExecutor(handlers);
        server.start();
    }

    /** Nothing listens: connections are refused, as when a site is down. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listening, but answering every request with 503 and {@code Retry-After}. */
    public synchronized void unavailable(Duration retryAfter) {
        up();
        unavailableRetryAfterSeconds = (int) retryAfter.toSeconds();
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = id != null && timestamp != null && signatures != null
                    && StandardWebhookSignature.verifies(key, id, timestamp, body, signatures);
            boolean fresh = timestamp != null && timestamp.matches("\\d+")
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= TOLERANCE_SECONDS;
            JsonNode message = JSON.readTree(body);
            int retryAfter = unavailableRetryAfterSeconds;
            int status = retryAfter >= 0 ? 503 : valid && fresh ? 204 : 401;
            requests.add(new Request(Instant.now(), id, message.path("type").asText(),
                    message.at("/data/uri").asText(), message.at("/data/version").asInt(), valid, fresh, status));
            if (retryAfter >= 0) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public synchronized void close() {
        down();
        handlers.shutdownNow();
    }
}
