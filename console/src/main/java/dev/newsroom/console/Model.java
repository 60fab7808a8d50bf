package dev.newsroom.console;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A template's variables, and the few ways the pages write times and sizes. */
final class Model {

    private Model() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }

    static String time(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** How long ago, the way operators say it: 42s, 7m, 3h, 2d. */
    static String age(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, now);
        if (age.isNegative()) {
            return "in " + age(now, at);
        }
        long seconds = age.toSeconds();
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format("%.1f KiB", count / 1024.0);
        }
        return String.format("%.1f MiB", count / (1024.0 * 1024));
    }
}
