package dev.newsroom.platform.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the global stores' directory after a run that did not close cleanly, before Kafka Streams opens it.
 *
 * <p>Under exactly-once, a persistent global store left open by a crash ({@code kill -9}, a lost machine) is found
 * "corrupted" at the next start, and Kafka Streams 4.4 does not wipe and rebuild it as it does a task's store
 * (KAFKA-21034): the global thread dies, the client goes to ERROR, and every restart meets the same directory, a
 * crash loop. Global stores are rebuilt from their source topics anyway, so a directory of unknown state is
 * deleted instead. A marker beside it says whether the last run closed; it is written at start and removed after a
 * clean close.
 */
final class GlobalStateGuard {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalStateGuard.class);
    static final String OPEN_MARKER = "newsroom-global-open";

    private final Path marker;

    private GlobalStateGuard(Path marker) {
        this.marker = marker;
    }

    /**
     * Run before the streams client is created.
     *
     * @param applicationStateDir {@code <state.dir>/<application.id>}, where Kafka Streams keeps {@code global/}
     */
    static GlobalStateGuard beforeStart(Path applicationStateDir, String service) {
        Path global = applicationStateDir.resolve("global");
        Path marker = applicationStateDir.resolve(OPEN_MARKER);
        try {
            if (Files.exists(marker) && Files.isDirectory(global)) {
                LOG.warn("{}: the last run did not close cleanly; deleting {} so the global stores are rebuilt from"
                        + " their topics", service, global);
                deleteTree(global);
            }
            Files.createDirectories(applicationStateDir);
            Files.writeString(marker, "a run is using the global stores; this file is removed on a clean close\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the global state of " + service + " in "
                    + applicationStateDir + ": " + e.getMessage(), e);
        }
        return new GlobalStateGuard(marker);
    }

    /** Run once the streams client has closed cleanly: its global stores are consistent on disk. */
    void closedCleanly() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.warn("Cannot remove {}: the next start will rebuild the global stores ({})", marker, e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
