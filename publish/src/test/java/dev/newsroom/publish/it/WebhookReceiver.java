package dev.newsroom.publish.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A real webhook endpoint on loopback that records every request and answers as the test scripts it. */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    record Request(String webhookId, String timestamp, String signature, String body, Instant receivedAt) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String event() {
            return json().get("type").asText();
        }

        /** The ninjs uri of the article delivered. */
        String article() {
            return json().at("/data/uri").asText();
        }

        String version() {
            return json().at("/data/version").asText();
        }
    }

    /** How to answer: a status, headers, and how long to take. */
    record Reply(int status, Map<String, String> headers, Duration delay) {
        static Reply status(int status) {
            return new Reply(status, Map.of(), Duration.ZERO);
        }

        static Reply ok() {
            return status(200);
        }

        static Reply retryAfter(int status, String retryAfter) {
            return new Reply(status, Map.of("Retry-After", retryAfter), Duration.ZERO);
        }

        static Reply slowly(Duration delay) {
            return new Reply(200, Map.of(), delay);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> script = request -> Reply.ok();

    private WebhookReceiver(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newCachedThreadPool();
            WebhookReceiver receiver = new WebhookReceiver(server, executor);
            server.createContext("/", receiver::handle);
            server.setExecutor(executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/newsroom");
    }

    void script(Function<Request, Reply> script) {
        this.script = script;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsFor(String articleUri) {
        return requests.stream().filter(request -> request.article().equals(articleUri)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Request request = new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                new String(body, StandardCharsets.UTF_8), Instant.now());
        requests.add(request);
        Reply reply = script.apply(request);
        if (!reply.delay().isZero()) {
            try {
                Thread.sleep(reply.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((key, value) -> exchange.getResponseHeaders().set(key, value));
        exchange.sendResponseHeaders(reply.status(), -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
