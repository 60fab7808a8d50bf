package dev.newsroom.platform.management;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A service's management endpoint: {@code /health} (is the process working: 200 or 503), {@code /ready} (is it
 * processing: 200 or 503) and {@code /metrics} (Prometheus text: JVM, Kafka client and Streams metrics, and the
 * service's own counters).
 */
public final class ManagementServer implements AutoCloseable {

    /** What health and readiness report. */
    public record Health(boolean live, boolean ready, String state, String error) {
        String json() {
            ObjectNode node = JSON.createObjectNode()
                    .put("status", live ? "UP" : "DOWN")
                    .put("ready", ready)
                    .put("state", state);
            if (error != null) {
                node.put("error", error);
            }
            return node.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private volatile Supplier<Health> health = () -> new Health(true, false, "STARTING", null);

    private ManagementServer(HttpServer server) {
        this.server = server;
    }

    public static ManagementServer start(String host, int port, PrometheusMeterRegistry meters) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the management endpoint on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        ManagementServer management = new ManagementServer(server);
        server.createContext("/health", exchange -> {
            Health now = management.health.get();
            respond(exchange, now.live() ? 200 : 503, "application/json", now.json());
        });
        server.createContext("/ready", exchange -> {
            Health now = management.health.get();
            respond(exchange, now.ready() ? 200 : 503, "application/json", now.json());
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", meters.scrape()));
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "management-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return management;
    }

    public void health(Supplier<Health> health) {
        this.health = health;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
