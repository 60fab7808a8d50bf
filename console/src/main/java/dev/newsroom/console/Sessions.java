package dev.newsroom.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, kept in memory: each has its own CSRF token, which every POST must carry, and, once someone
 * logged in, their user. Every visitor gets one, so a form's token is tied to the browser that loaded the form.
 * Logging in replaces the session (a session id planted before login is worth nothing after it).
 */
final class Sessions {

    static final String COOKIE = "newsroom_console";
    /** An editor's working day with breaks; a session unused this long logs out. */
    static final Duration IDLE = Duration.ofHours(8);
    /** Sessions of visitors who never logged in go sooner. */
    static final Duration ANONYMOUS_IDLE = Duration.ofHours(1);
    /** A bound on memory, whatever a client that drops its cookies does. */
    static final int MAX_SESSIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One browser's session; {@code user} is null until a login. */
    static final class Session {
        private final String id;
        private final String csrf;
        private final User user;
        private volatile long lastSeen;

        private Session(User user) {
            this.id = token();
            this.csrf = token();
            this.user = user;
            this.lastSeen = System.nanoTime();
        }

        String id() {
            return id;
        }

        String csrf() {
            return csrf;
        }

        User user() {
            return user;
        }

        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                    csrf.getBytes(StandardCharsets.US_ASCII));
        }

        private boolean expired(long now) {
            return now - lastSeen > (user == null ? ANONYMOUS_IDLE : IDLE).toNanos();
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final boolean secureCookie;

    /** @param secureCookie whether the cookie may travel over HTTPS only (a console with logins) */
    Sessions(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    /** The session a request's cookie names, when it is still open. */
    Optional<Session> find(String cookieHeader) {
        String id = cookieValue(cookieHeader);
        Session session = id == null ? null : byId.get(id);
        long now = System.nanoTime();
        if (session == null || session.expired(now)) {
            if (session != null) {
                byId.remove(session.id);
            }
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    Session open() {
        return add(new Session(null));
    }

    /** Ends {@code before} and opens a session of {@code user}, with a new id and a new CSRF token. */
    Session logIn(Session before, User user) {
        byId.remove(before.id);
        return add(new Session(user));
    }

    void end(Session session) {
        byId.remove(session.id);
    }

    /** The Set-Cookie value for a session: HttpOnly, SameSite=Strict, and Secure on a console with logins. */
    String cookie(Session session) {
        return COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "");
    }

    String expiredCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "");
    }

    private Session add(Session session) {
        if (byId.size() >= MAX_SESSIONS) {
            long now = System.nanoTime();
            byId.values().removeIf(s -> s.expired(now));
            while (byId.size() >= MAX_SESSIONS) {
                byId.values().stream().min(Comparator.comparing((Session s) -> s.user != null)
                        .thenComparingLong(s -> s.lastSeen)).ifPresent(s -> byId.remove(s.id));
            }
        }
        byId.put(session.id, session);
        return session;
    }

    static String cookieValue(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String pair : cookieHeader.split(";")) {
            String[] nameValue = pair.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].equals(COOKIE) && !nameValue[1].isBlank()) {
                return nameValue[1].strip();
            }
        }
        return null;
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
