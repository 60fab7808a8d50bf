package dev.newsroom.ingest.parse.document;

import java.util.Locale;

/** The document formats ingest understands; {@link #format()} is the name recorded in {@code Lineage.format}. */
public enum InputFormat {
    RSS, ATOM, JSONFEED, HTML, TEXT, NINJS;

    /** Lower-case name as written to {@code Lineage.format} and accepted by {@code --type}. */
    public String format() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower- or upper-case format name; {@code null} for "auto" or blank. */
    public static InputFormat fromName(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return null;
        }
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
