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
 * <p>Bound to loopback without a users file, it serves whoever runs it on this machine, and only requests that
 * name a loopback host (a page elsewhere that points a DNS name at 127.0.0.1 cannot use it). With a users file
 * (required on any other address) every page needs a login, and each role may do only its part. Either way every
 * POST carries its session's token from a page this server rendered (CSRF), and every state-changing action is
 * audited.
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
    private final LoginPages login;
    private final TemplateEngine templates;
    private final Sessions sessions;
    /** Null on a loopback console without logins. */
    private final Users users;
    private final boolean loopbackOnly;

    private ConsoleServer(HttpServer server, ExecutorService workers, Console console, Users users,
                          boolean loopbackOnly) {
        this.server = server;
        this.workers = workers;
        this.console = console;
        this.users = users;
        this.loopbackOnly = loopbackOnly;
        this.sessions = new Sessions(users != null);
        this.pages = new Pages(console);
        this.login = new LoginPages(console, users, sessions);
        this.templates = templateEngine();
    }

    /** A console without logins: loopback addresses only. */
    static ConsoleServer start(Console console, String host, int port) {
        return start(console, host, port, null);
    }

    /** @param users who may log in; null for none, which only a loopback address allows */
    static ConsoleServer start(Console console, String host, int port, Users users) {
        boolean loopbackOnly = checkBinding(host, users);
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
            // Reading a topic for a page can take seconds; a few workers keep the other pages answering.
            ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "newsroom-console-http");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(workers);
            ConsoleServer server = new ConsoleServer(http, workers, console, users, loopbackOnly);
            http.createContext("/", server::handle);
            http.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve the console on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Anyone who reaches the console acts on the pipeline, so without a users file it is served only where no one
     * but this machine's users reaches it; elsewhere logins are required.
     *
     * @return whether the address is a loopback one
     */
    static boolean checkBinding(String host, Users users) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host '" + host + "'", e);
        }
        if (!loopback && users == null) {
            throw new IllegalArgumentException("The console serves '" + host + "' only with logins: give it a users"
                    + " file (--users FILE; newsroom console user NAME ROLE makes its lines). Without one it serves"
                    + " loopback addresses only (127.0.0.1, ::1).");
        }
        return loopback;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://localhost:" + port() + "/";
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            if (loopbackOnly && !loopbackHost(http.getRequestHeaders().getFirst("Host"))) {
                send(http, new Raw(421, "text/plain; charset=utf-8",
                        "This console answers only to localhost.".getBytes(StandardCharsets.UTF_8)), null);
                return;
            }
            String path = http.getRequestURI().getPath();
            if (path.startsWith("/static/")) {
                sendStatic(http, path.substring("/static/".length()));
                return;
            }
            Sessions.Session session = sessions.find(http.getRequestHeaders().getFirst("Cookie"))
                    .orElseGet(sessions::open);
            User user = users == null ? User.local() : session.user();
            Exchange exchange = null;
            Response response;
            try {
                exchange = Exchange.of(http, session, user);
                if ("POST".equals(exchange.method()) && !session.csrfMatches(exchange.parameter("_csrf"))) {
                    response = error(403, "This form has expired or did not come from the console: reload the page"
                            + " and send it again.");
                } else if (path.equals(LoginPages.LOGIN) || path.equals(LoginPages.LOGOUT)) {
                    response = login.handle(exchange);
                } else if (user == null) {
                    response = new Redirect(LoginPages.loginLink(http.getRequestURI()));
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
            Sessions.Session now = exchange == null ? session : exchange.session();
            if (now == null) {
                http.getResponseHeaders().add("Set-Cookie", sessions.expiredCookie());
            } else if (!now.id().equals(Sessions.cookieValue(http.getRequestHeaders().getFirst("Cookie")))) {
                http.getResponseHeaders().add("Set-Cookie", sessions.cookie(now));
            }
            send(http, response, now == null ? null
                    : new Viewer(now, users == null ? User.local() : now.user(), users != null));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Answering {} failed: {}", http.getRequestURI(), e.getMessage());
        }
    }

    /** What every page shows of who is looking: the form token, the user and a logout button when logged in. */
    private record Viewer(Sessions.Session session, User user, boolean logins) {
    }

    static View error(int status, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("message", message);
        return new View("error", model, status);
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

    private void send(HttpExchange http, Response response, Viewer viewer) throws IOException {
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
            context.setVariable("csrf", viewer == null ? "" : viewer.session().csrf());
            context.setVariable("me", viewer == null ? null : viewer.user());
            context.setVariable("logins", viewer != null && viewer.logins());
            User me = viewer == null ? null : viewer.user();
            context.setVariable("myRole", me == null || me.role() == null ? "" : me.role().label());
            context.setVariable("mayModerate", me != null && me.role().allows(Role.EDITOR));
            context.setVariable("mayOperate", me != null && me.role().allows(Role.OPERATOR));
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
            send(http, new Raw(404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8)), null);
            return;
        }
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/static/" + name)) {
            send(http, new Raw(200, type, in.readAllBytes()), null);
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
