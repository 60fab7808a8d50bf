package dev.newsroom.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A configuration key a service understands, with its type, its one default ({@code null} when it has none) and
 * what it does. Reading a setting ({@link ServiceConfig#get(Setting)}) parses the configured text or falls back to
 * this default, so the default is written once, here, and the settings table ({@link #defaultText()}) shows that
 * same value.
 */
public final class Setting<T> {

    private final String key;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;
    private final Function<T, String> printer;

    private Setting(String key, T defaultValue, String description, Function<String, T> parser,
                    Function<T, String> printer) {
        this.key = Objects.requireNonNull(key, "key");
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.parser = parser;
        this.printer = printer;
    }

    public static Setting<String> text(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Function.identity(), Function.identity());
    }

    public static Setting<Integer> wholeNumber(String key, Integer defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Setting::parseInt, String::valueOf);
    }

    /** A whole number that must pass {@code allowed}; anything else is refused with "must be {@code expected}". */
    public static Setting<Integer> wholeNumber(String key, Integer defaultValue, String description,
                                               IntPredicate allowed, String expected) {
        return new Setting<>(key, defaultValue, description, text -> {
            int value = parseInt(text);
            if (!allowed.test(value)) {
                throw new IllegalArgumentException("must be " + expected + ", not '" + text + "'");
            }
            return value;
        }, String::valueOf);
    }

    public static Setting<Long> longNumber(String key, Long defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Setting::parseLong, String::valueOf);
    }

    public static Setting<Boolean> flag(String key, Boolean defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Setting::parseFlag, String::valueOf);
    }

    /** Written as {@link Durations} reads it: {@code 500ms}, {@code 30s}, {@code 1h30m}, {@code PT30S}. */
    public static Setting<Duration> duration(String key, Duration defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Durations::parsePositive, Durations::describe);
    }

    public static Setting<Path> path(String key, Path defaultValue, String description) {
        return new Setting<>(key, defaultValue, description, Path::of, Path::toString);
    }

    public String key() {
        return key;
    }

    /** The value when none is configured; {@code null} for a setting that has none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The default as it would be written in a configuration file, or {@code null}. */
    public String defaultText() {
        return defaultValue == null ? null : printer.apply(defaultValue);
    }

    public String description() {
        return description;
    }

    public String environmentVariable() {
        return ServiceConfig.environmentVariable(key);
    }

    /** The same setting with another default, for a service whose default differs (its port, its group). */
    public Setting<T> withDefault(T otherDefault) {
        return new Setting<>(key, otherDefault, description, parser, printer);
    }

    /**
     * @throws ConfigurationException naming the key, the text and what was expected
     */
    T parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, e.getMessage());
        }
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + text + "'");
        }
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + text + "'");
        }
    }

    private static Boolean parseFlag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return key;
    }
}
