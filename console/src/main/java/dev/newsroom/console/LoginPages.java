package dev.newsroom.console;

import dev.newsroom.console.ConsoleServer.NotFound;
import dev.newsroom.console.ConsoleServer.Redirect;
import dev.newsroom.console.ConsoleServer.Response;
import dev.newsroom.console.ConsoleServer.View;
import dev.newsroom.schemas.AuditOutcome;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Login and logout, each audited, failed logins included. */
final class LoginPages {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";

    private final Console console;
    private final Users users;
    private final Sessions sessions;

    LoginPages(Console console, Users users, Sessions sessions) {
        this.console = console;
        this.users = users;
        this.sessions = sessions;
    }

    /** The login page, coming back to {@code wanted} afterwards. */
    static String loginLink(URI wanted) {
        String back = wanted.getRawPath() + (wanted.getRawQuery() == null ? "" : "?" + wanted.getRawQuery());
        return LOGIN + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    Response handle(Exchange exchange) {
        boolean post = exchange.method().equals("POST");
        if (users == null) {
            // Nobody logs in to a console without a users file: its pages are the local user's.
            if (exchange.path().equals(LOGIN) && !post) {
                return new Redirect("/");
            }
            throw new NotFound("This console has no logins: it is served on loopback to this machine's users");
        }
        if (exchange.path().equals(LOGOUT)) {
            if (!post) {
                throw new NotFound("Log out with the button on any page");
            }
            return logout(exchange);
        }
        return post ? login(exchange) : form(exchange, null, 200);
    }

    private View form(Exchange exchange, String problem, int status) {
        return new View("login", Model.of("nav", "", "next", next(exchange), "problem", problem,
                "name", exchange.parameter("name") == null ? "" : exchange.parameter("name")), status);
    }

    private Response login(Exchange exchange) {
        String name = exchange.parameter("name");
        String password = exchange.parameter("password");
        Optional<User> user = name == null || password == null ? Optional.empty()
                : users.authenticate(name, password.toCharArray());
        if (user.isEmpty()) {
            console.audit().record(new User(name == null ? "" : name, null), "login", null, AuditOutcome.REFUSED,
                    "wrong name or password", exchange.remoteAddress());
            return form(exchange, "Wrong name or password.", 401);
        }
        exchange.replaceSession(sessions.logIn(exchange.session(), user.get()));
        console.audit().record(user.get(), "login", null, AuditOutcome.OK, null, exchange.remoteAddress());
        return new Redirect(next(exchange));
    }

    private Response logout(Exchange exchange) {
        User user = exchange.session().user();
        sessions.end(exchange.session());
        exchange.replaceSession(null);
        if (user != null) {
            console.audit().record(user, "logout", null, AuditOutcome.OK, null, exchange.remoteAddress());
        }
        return new Redirect(LOGIN);
    }

    /** Where to go after login: a path of this console only, never another site. */
    private static String next(Exchange exchange) {
        String next = exchange.parameter("next");
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith(LOGIN) || next.startsWith(LOGOUT)) {
            return "/";
        }
        return next;
    }
}
