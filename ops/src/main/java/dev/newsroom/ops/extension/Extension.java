package dev.newsroom.ops.extension;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A part of the command line that lives in a module built on top of ops, such as the web console. Such a module
 * depends on ops, so ops cannot name its classes; it finds them with {@link ServiceLoader} instead (a
 * {@code META-INF/services/dev.newsroom.ops.extension.Extension} file in the module's jar). The {@code ./newsroom} launcher
 * runs with the console module's classpath, so its extension is there; without it the command line is ops' alone.
 */
public interface Extension {

    /** Subcommands to add to {@code newsroom}: instances of picocli {@code @Command} classes. */
    List<Object> commands();

    /**
     * Called by {@code newsroom up} once the stack and the services are ready, with the client settings every
     * service got (bootstrap servers, registry). What it starts runs until {@code up} stops.
     */
    default Optional<Started> startWithUp(Map<String, Object> clientSettings, PrintWriter out) {
        return Optional.empty();
    }

    /** Something {@code up} started, listed with the stack's other addresses and closed when it stops. */
    record Started(String label, String url, AutoCloseable handle) {
    }

    static List<Extension> installed() {
        return ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
