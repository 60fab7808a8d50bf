package dev.newsroom.devtools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A downstream site's webhook endpoint on loopback, as a site developer would write one from the Standard
 * Webhooks specification: it checks every signature itself (independently of the code that signs) and keeps
 * what it received.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    public record Delivery(String webhookId, String type, String articleUri, int version, boolean signatureValid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final byte[] key;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server, byte[] key) {
        this.server = server;
        this.key = key;
    }

    /** @param secret the outlet's secret in the specification's {@code whsec_<base64>} form */
    public static WebhookReceiver start(String secret) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WebhookReceiver receiver = new WebhookReceiver(server, StandardWebhookSignature.key(secret));
        server.createContext("/hooks/newsroom", receiver::receive);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "demo-webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/newsroom";
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean valid = id != null && timestamp != null && signatures != null
                && StandardWebhookSignature.verifies(key, id, timestamp, body, signatures);
        JsonNode message = JSON.readTree(body);
        deliveries.add(new Delivery(id, message.path("type").asText(), message.at("/data/uri").asText(),
                message.at("/data/version").asInt(), valid));
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
