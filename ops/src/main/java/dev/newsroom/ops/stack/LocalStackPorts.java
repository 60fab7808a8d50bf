package dev.newsroom.ops.stack;

/**
 * The fixed ports {@code newsroom up} serves on, documented in the README: kept in ops because the console's
 * defaults point at them, while {@code up} itself lives with the dev stack (devtools), which ops cannot name.
 */
public final class LocalStackPorts {

    public static final int KAFKA = 9092;
    public static final int REGISTRY = 8081;
    public static final int FEEDS = 8094;

    private LocalStackPorts() {
    }
}
