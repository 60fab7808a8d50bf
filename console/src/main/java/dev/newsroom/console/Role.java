package dev.newsroom.console;

import java.util.Locale;

/** What a console user may do; each role may do everything the roles before it may. */
enum Role {
    /** Reads every page. */
    VIEWER,
    /** Also moderates articles. */
    EDITOR,
    /** Also re-drives dead letters and runs replays and reprocessing. */
    OPERATOR;

    boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role of(String label) {
        try {
            return valueOf(label.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("No role '" + label + "': viewer, editor or operator");
        }
    }
}
