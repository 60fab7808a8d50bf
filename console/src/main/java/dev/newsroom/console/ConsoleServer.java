package dev.newsroom.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The console's HTTP server: the JDK's own, with Thymeleaf rendering the pages on the server. Pages work without
 * JavaScript; the little script there is only refreshes the overview in place.
 *
 * <p>Only loopback addresses are served, and only requests that name a loopback host (a page elsewhere that
 * points a DNS name at 127.0.0.1 cannot use it). Every POST carries a token from a page this server rendered, so
 * another site open in the same browser cannot make it act (CSRF).
 */
final class ConsoleServer implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";
    static final int DEFAULT_PORT = 8090;

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final Map<String, String> STATIC_TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    /** A page handler's answer. */
    sealed interface Response permits View, Redirect, Raw {
    }

    record View(String template, Map<String, Object> model, int status) implements Response {
        View(String template, Map<String, Object> model) {
            this(template, model, 200);
        }
    }

    record Redirect(String location) implements Response {
    }

    record Raw(int status, String contentType, byte[] body) implements Response {
    }

    /** A request for something that is not there: 404 with the message. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Console console;
    private final Pages pages;
    private final TemplateEngine templates;
    private final String csrfToken;

    private ConsoleServer(HttpServer server, ExecutorService workers, Console console) {
        this.server = server;
        this.workers = workers;
        this.console = console;
        this.pages = new Pages(console);
        this.templates = templateEngine();
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        this.csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    static ConsoleServer start(Console console, String host, int port) {
        requireLoopback(host);
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
            // Reading a topic for a page can take seconds; a few workers keep the other pages answering.
            ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "newsroom-console-http");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(workers);
            ConsoleServer server = new ConsoleServer(http, workers, console);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the console on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Until login, roles and audit are built, anyone who reaches the console can act on the pipeline, so it is
     * served only where no one but this machine's users reaches it.
     */
    static void requireLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("The console serves loopback addresses only (127.0.0.1, ::1);"
                        + " '" + host + "' is not one: login and roles for a shared console are not built yet");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host '" + host + "'", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://localhost:" + port() + "/";
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            if (!loopbackHost(http.getRequestHeaders().getFirst("Host"))) {
                send(http, new Raw(421, "text/plain; charset=utf-8",
                        "This console answers only to localhost.".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            String path = http.getRequestURI().getPath();
            if (path.startsWith("/static/")) {
                sendStatic(http, path.substring("/static/".length()));
                return;
            }
            Response response;
            try {
                Exchange exchange = Exchange.of(http);
                if ("POST".equals(exchange.method()) && !csrfValid(exchange)) {
                    response = error(403, "This form has expired or did not come from the console: reload the page"
                            + " and send it again.");
                } else {
                    response = pages.handle(exchange);
                }
            } catch (NotFound e) {
                response = error(404, e.getMessage());
            } catch (IllegalArgumentException e) {
                response = error(400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed: {}", http.getRequestMethod(), path, e.getMessage(), e);
                response = error(500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            send(http, response);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Answering {} failed: {}", http.getRequestURI(), e.getMessage());
        }
    }

    private static View error(int status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("message", message);
        return new View("error", model, status);
    }

    private boolean csrfValid(Exchange exchange) {
        String token = exchange.parameter("_csrf");
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                csrfToken.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = URI.create("http://" + hostHeader.strip() + "/").getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private void send(HttpExchange http, Response response) throws IOException {
        var headers = http.getResponseHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        headers.set("Cache-Control", "no-store");
        if (response instanceof Redirect redirect) {
            headers.set("Location", redirect.location());
            http.sendResponseHeaders(303, -1);
        } else if (response instanceof Raw raw) {
            headers.set("Content-Type", raw.contentType());
            write(http, raw.status(), raw.body());
        } else if (response instanceof View view) {
            Context context = new Context(Locale.ENGLISH);
            context.setVariables(view.model());
            context.setVariable("csrf", csrfToken);
            StringWriter html = new StringWriter();
            templates.process(view.template(), context, html);
            headers.set("Content-Type", "text/html; charset=utf-8");
            write(http, view.status(), html.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(HttpExchange http, int status, byte[] body) throws IOException {
        if ("HEAD".equals(http.getRequestMethod())) {
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    private void sendStatic(HttpExchange http, String name) throws IOException {
        String type = STATIC_TYPES.get(name);
        if (type == null) {
            send(http, new Raw(404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8)));
            return;
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/static/" + name)) {
            send(http, new Raw(200, type, in.readAllBytes()));
        }
    }

    private static TemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ConsoleServer.class.getClassLoader());
        resolver.setPrefix("console/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
        console.close();
    }
}
