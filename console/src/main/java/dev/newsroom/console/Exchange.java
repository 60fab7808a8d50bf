package dev.newsroom.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request as the pages see it: method, decoded path, query and form parameters, the browser's session and
 * who is asking.
 */
final class Exchange {

    /** Forms carry ids, reasons and notes; anything bigger is not from our pages. */
    private static final int MAX_FORM_BYTES = 256 * 1024;

    private final HttpExchange http;
    private final String path;
    private final Map<String, List<String>> parameters;
    private final User user;
    private Sessions.Session session;

    private Exchange(HttpExchange http, String path, Map<String, List<String>> parameters, Sessions.Session session,
                     User user) {
        this.http = http;
        this.path = path;
        this.parameters = parameters;
        this.session = session;
        this.user = user;
    }

    /** @param user who is asking: the session's user, the local user on a console without logins, or null */
    static Exchange of(HttpExchange http, Sessions.Session session, User user) throws IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parse(http.getRequestURI().getRawQuery(), parameters);
        if ("POST".equals(http.getRequestMethod())) {
            try (InputStream body = http.getRequestBody()) {
                byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
                if (bytes.length > MAX_FORM_BYTES) {
                    throw new IllegalArgumentException("Form too large");
                }
                parse(new String(bytes, StandardCharsets.UTF_8), parameters);
            }
        }
        return new Exchange(http, http.getRequestURI().getPath(), parameters, session, user);
    }

    static void parse(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    /** The browser's session; null once it logged out. */
    Sessions.Session session() {
        return session;
    }

    /** After a login or logout: the session the browser is to have from now on (null: none). */
    void replaceSession(Sessions.Session session) {
        this.session = session;
    }

    /** Who is asking; null before login on a console with logins. */
    User user() {
        return user;
    }

    String remoteAddress() {
        return http.getRemoteAddress() == null ? null : http.getRemoteAddress().getAddress().getHostAddress();
    }

    String method() {
        return http.getRequestMethod();
    }

    /** The decoded path, e.g. {@code /articles/cli:56e8}. */
    String path() {
        return path;
    }

    /** A parameter's first value, stripped; null when absent or blank. */
    String parameter(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    List<String> parameters(String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
    }

    int intParameter(String name, int fallback) {
        String value = parameter(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
