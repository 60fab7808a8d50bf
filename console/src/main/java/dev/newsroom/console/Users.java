package dev.newsroom.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's users, from a file of lines {@code name:role:password-hash} ({@code #} starts a comment), e.g.
 * {@code layla:editor:$pbkdf2-sha256$i=600000$...}, as {@code newsroom console user NAME ROLE} prints them.
 */
final class Users {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

    private record Entry(User user, String hash) {
    }

    private final Map<String, Entry> byName;

    private Users(Map<String, Entry> byName) {
        this.byName = byName;
    }

    static Users load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the users file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    static Users parse(List<String> lines, String source) {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + "expected name:role:password-hash");
            }
            if (!NAME.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(where + "a name is letters, digits and . _ @ - (at most 64)");
            }
            try {
                PasswordHash.check(parts[2]);
                User user = new User(parts[0], Role.of(parts[1]));
                if (byName.put(user.name(), new Entry(user, parts[2])) != null) {
                    throw new IllegalArgumentException("'" + user.name() + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException(source + " lists no users");
        }
        return new Users(byName);
    }

    /** The user when the name and password match; a wrong name takes as long as a wrong password. */
    Optional<User> authenticate(String name, char[] password) {
        Entry entry = name == null ? null : byName.get(name);
        if (entry == null) {
            PasswordHash.matchesNobody(password);
            return Optional.empty();
        }
        return PasswordHash.matches(password, entry.hash()) ? Optional.of(entry.user()) : Optional.empty();
    }

    int size() {
        return byName.size();
    }
}
