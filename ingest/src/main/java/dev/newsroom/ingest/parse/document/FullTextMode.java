package dev.newsroom.ingest.parse.document;

import dev.newsroom.ingest.parse.DocumentParser;
import java.util.Locale;

/** Which feed items are completed from the page their link points to (a feed's {@code fetch-full-text}). */
public enum FullTextMode {
    /** Items with a link and no body, or a body that is only a teaser (see {@link DocumentParser#linksToComplete}). */
    AUTO,
    /** Every item with a link: the page's body replaces the feed's. */
    ALWAYS,
    /** None: items stay as the feed gives them. */
    NEVER;

    /** {@code auto}, {@code always} or {@code never}, in any case. */
    public static FullTextMode of(String value) {
        for (FullTextMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is none of auto, always, never");
    }

    /** The configuration spelling. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
