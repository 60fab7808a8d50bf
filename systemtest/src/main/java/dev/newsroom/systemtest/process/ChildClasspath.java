package dev.newsroom.systemtest.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath child JVMs run with: this module's classes (for {@link OrphanGuard}) and its runtime dependencies:
 * ops (the services and the command line) and, through devtools, devstack (the broker). The build writes the
 * latter to a file and names both in system properties; run from an IDE without them, the test JVM's own classpath
 * serves.
 */
public final class ChildClasspath {

    public static final String OWN_CLASSES = "newsroom.systemtest.classpath";
    public static final String DEPENDENCIES_FILE = "newsroom.systemtest.classpath.file";

    private ChildClasspath() {
    }

    public static String get() {
        String file = System.getProperty(DEPENDENCIES_FILE);
        String own = System.getProperty(OWN_CLASSES);
        if (file == null || own == null) {
            return System.getProperty("java.class.path");
        }
        try {
            return own + File.pathSeparator + Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the child classpath from " + file + " (written by the build's"
                    + " dependency:build-classpath): " + e.getMessage(), e);
        }
    }
}
