package dev.newsroom.publish.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsroom.publish.feed.FeedDocument;
import dev.newsroom.publish.feed.FeedFormat;
import dev.newsroom.publish.feed.FeedWorker;
import dev.newsroom.publish.outlet.OutletHealth;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The publish service's public HTTP endpoint: the feeds ({@code GET /feeds/<outlet>.rss|.atom|.json}, with ETags;
 * 503 until the feeds have caught up with the published log after a start) and how the outlets are doing
 * ({@code GET /outlets}: 200 while all deliver, 503 when one is disabled or failed, JSON either way).
 */
final class PublishHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private PublishHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static PublishHttpServer start(String host, int port, FeedWorker feeds, OutletHealth health) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve feeds and outlet health on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        server.createContext("/feeds/", exchange -> feed(exchange, feeds));
        server.createContext("/outlets", exchange -> {
            String json = health.json();
            respond(exchange, health.allActive() ? 200 : 503, "application/json",
                    json.getBytes(StandardCharsets.UTF_8), null);
        });
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "publish-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new PublishHttpServer(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void feed(HttpExchange exchange, FeedWorker feeds) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain", "GET or HEAD only\n".getBytes(StandardCharsets.UTF_8), null);
            return;
        }
        String file = exchange.getRequestURI().getPath().substring("/feeds/".length());
        int dot = file.lastIndexOf('.');
        Optional<FeedFormat> format = dot < 0 ? Optional.empty() : FeedFormat.byExtension(file.substring(dot + 1));
        String outlet = dot < 0 ? file : file.substring(0, dot);
        if (feeds == null || format.isEmpty() || !feeds.serves(outlet)) {
            respond(exchange, 404, "text/plain", ("No feed " + file + "\n").getBytes(StandardCharsets.UTF_8), null);
            return;
        }
        if (!feeds.caughtUp()) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, 503, "text/plain", "Feeds are catching up with the published log\n"
                    .getBytes(StandardCharsets.UTF_8), null);
            return;
        }
        FeedDocument document = feeds.document(outlet, format.get()).orElseThrow();
        exchange.getResponseHeaders().set("ETag", document.etag());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (document.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        respond(exchange, 200, document.contentType(), document.body(), exchange.getRequestMethod());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body, String method)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
