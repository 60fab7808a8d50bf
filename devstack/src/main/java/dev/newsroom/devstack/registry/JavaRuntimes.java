package dev.newsroom.devstack.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime for the registry child process. Apicurio 3 needs Java 21+, while the project
 * itself targets 17, so the registry often runs on a different JDK from the one running us.
 */
public final class JavaRuntimes {

    /** Environment variable naming the JDK to run the registry with. */
    public static final String REGISTRY_JAVA_HOME = "REGISTRY_JAVA_HOME";

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)(?:[.\"+-].*)?$",
            Pattern.MULTILINE);

    public record JavaRuntime(Path home, int feature) {
        public Path executable() {
            return home.resolve("bin").resolve("java");
        }
    }

    private JavaRuntimes() {
    }

    /**
     * The runtime to use for a registry needing at least {@code minimumFeature}: {@code $REGISTRY_JAVA_HOME}
     * if set (and good enough), else the running JDK if good enough, else the newest JDK under {@code jvmDir}.
     */
    public static Optional<JavaRuntime> find(int minimumFeature, String registryJavaHome, Path jvmDir) {
        if (registryJavaHome != null && !registryJavaHome.isBlank()) {
            Optional<JavaRuntime> explicit = describe(Path.of(registryJavaHome));
            if (explicit.isPresent() && explicit.get().feature() >= minimumFeature) {
                return explicit;
            }
        }
        Path current = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= minimumFeature) {
            return Optional.of(new JavaRuntime(current, Runtime.version().feature()));
        }
        return installed(jvmDir).stream()
                .filter(runtime -> runtime.feature() >= minimumFeature)
                .max(Comparator.comparingInt(JavaRuntime::feature));
    }

    public static Optional<JavaRuntime> find(int minimumFeature) {
        return find(minimumFeature, System.getenv(REGISTRY_JAVA_HOME), Path.of("/usr/lib/jvm"));
    }

    /** Every JDK or JRE under {@code jvmDir} that has a {@code release} file and a {@code bin/java}. */
    static List<JavaRuntime> installed(Path jvmDir) {
        List<JavaRuntime> runtimes = new ArrayList<>();
        if (!Files.isDirectory(jvmDir)) {
            return runtimes;
        }
        try (Stream<Path> homes = Files.list(jvmDir)) {
            homes.sorted().forEach(home -> describe(home).ifPresent(runtimes::add));
        } catch (IOException e) {
            return runtimes;
        }
        return runtimes;
    }

    static Optional<JavaRuntime> describe(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            if (!matcher.find()) {
                return Optional.empty();
            }
            int major = Integer.parseInt(matcher.group(1));
            // Java 8 and earlier report "1.8.0_..."
            return Optional.of(new JavaRuntime(home, major == 1 ? 8 : major));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
