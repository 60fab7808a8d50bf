package dev.newsroom.devstack.registry;

import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.devstack.registry.JavaRuntimes.JavaRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry running as a child process on 127.0.0.1, serving the Confluent-compatible API at
 * {@link #confluentApiUrl()} with BACKWARD compatibility as the global rule.
 *
 * <p>The child runs under a tiny shell watchdog that holds the read end of a pipe from this JVM: when this JVM
 * exits for any reason, even {@code kill -9}, the pipe closes and the watchdog stops the registry, so no
 * registry outlives the tests or the demo that started it.
 */
public final class ApicurioRegistry implements AutoCloseable {

    /** The Quarkus setting naming the key store of the HTTPS listener. */
    public static final String KEY_STORE_FILE = "quarkus.http.ssl.certificate.key-store-file";

    /** The version used when a Java 21+ runtime is available. */
    public static final String CURRENT_VERSION = "3.3.3";
    /** The last version that runs on Java 17. */
    public static final String JAVA17_VERSION = "2.6.13.Final";

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);
    private static final String WATCHDOG = String.join("\n",
            "exec 3<&0",
            "\"$@\" </dev/null &",
            "child=$!",
            "trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT HUP",
            "cat <&3 >/dev/null &",
            "wait $!",
            "kill -TERM $child 2>/dev/null",
            "wait $child");

    private final RegistryDistribution distribution;
    private final JavaRuntime java;
    private final int port;
    private final int managementPort;
    private final Path workDir;
    private final boolean persistent;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Thread shutdownHook;

    private ApicurioRegistry(RegistryDistribution distribution, JavaRuntime java, int port, int managementPort,
                             Path workDir, boolean persistent, Map<String, String> settings) {
        this.distribution = distribution;
        this.java = java;
        this.port = port;
        this.managementPort = managementPort;
        this.workDir = workDir;
        this.persistent = persistent;
        this.settings = Map.copyOf(settings);
    }

    /**
     * Picks the registry version this machine can run: 3.3.3 on a Java 21+ runtime (found as
     * {@link JavaRuntimes#find(int)} describes), otherwise 2.6.13.Final on the running Java 17.
     * {@code -Dnewsroom.registry.version} forces a version.
     */
    public static Choice choose() {
        String forced = System.getProperty("newsroom.registry.version");
        Optional<JavaRuntime> modern = JavaRuntimes.find(21);
        if (forced != null && !forced.isBlank()) {
            boolean needsModern = !forced.startsWith("2.");
            JavaRuntime runtime = needsModern
                    ? modern.orElseThrow(() -> noJava21(forced))
                    : JavaRuntimes.find(17).orElseThrow();
            return new Choice(forced, runtime);
        }
        return modern.map(runtime -> new Choice(CURRENT_VERSION, runtime))
                .orElseGet(() -> {
                    LOG.warn("No Java 21+ runtime found (set {} or install one under /usr/lib/jvm): "
                            + "falling back to Apicurio Registry {} on Java {}", JavaRuntimes.REGISTRY_JAVA_HOME,
                            JAVA17_VERSION, Runtime.version().feature());
                    return new Choice(JAVA17_VERSION, JavaRuntimes.find(17).orElseThrow());
                });
    }

    private static IllegalStateException noJava21(String version) {
        return new IllegalStateException("Apicurio Registry " + version + " needs Java 21 or newer: set "
                + JavaRuntimes.REGISTRY_JAVA_HOME + " to such a JDK or install one under /usr/lib/jvm");
    }

    /** Which registry version runs on which Java runtime. */
    public record Choice(String version, JavaRuntime java) {
    }

    /**
     * Starts a registry and waits until it is ready.
     *
     * @param port       port of the API; 0 picks a free one
     * @param workDir    holds the log and, when {@code persistent}, the schema store
     * @param persistent keep schemas in {@code workDir} across restarts (3.x only; 2.x keeps them in memory)
     */
    public static ApicurioRegistry start(Choice choice, int port, Path workDir, boolean persistent) {
        return start(choice, port, workDir, persistent, Map.of());
    }

    /**
     * Starts a registry with further Quarkus or Apicurio settings (3.x only), for a registry secured as in
     * production: with {@value #KEY_STORE_FILE} set the API is served over HTTPS only, on {@code port}, and
     * {@link #confluentApiUrl()} says {@code https}. The global BACKWARD rule is then set at start-up rather than
     * through the API, which may demand credentials.
     */
    public static ApicurioRegistry start(Choice choice, int port, Path workDir, boolean persistent,
                                         Map<String, String> settings) {
        if (!settings.isEmpty() && choice.version().startsWith("2.")) {
            throw new IllegalArgumentException("Registry settings need Apicurio Registry 3 (a Java 21+ runtime); "
                    + choice.version() + " was chosen");
        }
        RegistryDistribution distribution = RegistryDistribution.resolve(choice.version());
        ApicurioRegistry registry = new ApicurioRegistry(distribution, choice.java(),
                port == 0 ? LoopbackPorts.free() : port, LoopbackPorts.free(), workDir, persistent, settings);
        registry.start();
        return registry;
    }

    public static ApicurioRegistry start(int port, Path workDir, boolean persistent) {
        return start(choose(), port, workDir, persistent);
    }

    /** Base URL of the Confluent-compatible API: what {@code schema.registry.url} should be set to. */
    public String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    public String version() {
        return distribution.version();
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return workDir.resolve("registry.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private String baseUrl() {
        return (isHttps() ? "https" : "http") + "://127.0.0.1:" + port;
    }

    private boolean isHttps() {
        return settings.containsKey(KEY_STORE_FILE);
    }

    private boolean isV2() {
        return distribution.version().startsWith("2.");
    }

    private String healthUrl() {
        return (isV2() ? baseUrl() : "http://127.0.0.1:" + managementPort) + "/health/ready";
    }

    /** Starts the process again after {@link #stop()}, on the same port and store. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (LoopbackPorts.inUse(port)) {
            throw new IllegalStateException("Cannot start Apicurio Registry on 127.0.0.1:" + port
                    + ": the port is in use");
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(workDir);
            List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "apicurio-registry"));
            command.addAll(javaCommand());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(distribution.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("APICURIO_")
                    || k.startsWith("REGISTRY_"));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Apicurio Registry " + version() + ": " + e.getMessage(), e);
        }
        shutdownHook = new Thread(this::stop, "apicurio-registry-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady(Duration.ofSeconds(120));
        if (settings.isEmpty()) {
            setGlobalCompatibility("BACKWARD");
        }
        LOG.info("Apicurio Registry {} on Java {} ready at {} in {} ms (log {})", version(), java.feature(),
                confluentApiUrl(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), logFile());
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>(List.of(
                java.executable().toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true",
                "-Dquarkus.http.host=127.0.0.1"));
        if (isHttps()) {
            command.addAll(List.of("-Dquarkus.http.ssl-port=" + port, "-Dquarkus.http.port=" + LoopbackPorts.free(),
                    "-Dquarkus.http.insecure-requests=disabled"));
        } else {
            command.add("-Dquarkus.http.port=" + port);
        }
        if (isV2()) {
            command.add("-Dregistry.rules.global.compatibility=BACKWARD");
        } else {
            String store = persistent
                    ? "jdbc:h2:file:" + workDir.toAbsolutePath().resolve("store").resolve("registry")
                    : "jdbc:h2:mem:registry";
            command.addAll(List.of(
                    "-Dquarkus.management.host=127.0.0.1",
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dapicurio.rules.global.compatibility=BACKWARD",
                    "-Dapicurio.datasource.url=" + store,
                    "-Dapicurio.datasource.jdbc.initial-size=2",
                    "-Dapicurio.datasource.jdbc.min-size=2",
                    "-Dapicurio.datasource.jdbc.max-size=20"));
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        }
        command.addAll(List.of("-jar", distribution.launcherJar().toString()));
        return command;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(healthUrl())).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = logTail();
                stop();
                throw new IllegalStateException("Apicurio Registry " + version() + " exited during start-up; last log"
                        + " lines from " + logFile() + ":\n" + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
            }
            sleep(100);
        }
        String log = logTail();
        stop();
        throw new IllegalStateException("Apicurio Registry " + version() + " was not ready at " + healthUrl()
                + " within " + timeout.toSeconds() + " s; last log lines:\n" + log);
    }

    private void setGlobalCompatibility(String level) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/config"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Setting global compatibility " + level + " on " + confluentApiUrl()
                        + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set global compatibility on " + confluentApiUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process (the store survives when persistent); {@link #start()} brings it back. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process stopping = process;
        process = null;
        List<ProcessHandle> tree = new ArrayList<>(stopping.descendants().toList());
        try {
            stopping.getOutputStream().close();
        } catch (IOException e) {
            // the watchdog is gone already; the descendants are handled below
        }
        try {
            if (!stopping.waitFor(20, TimeUnit.SECONDS)) {
                LOG.warn("Apicurio Registry did not stop within 20 s; killing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        stopping.destroyForcibly();
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        awaitPortFree();
        LOG.info("Apicurio Registry on port {} stopped", port);
    }

    private void awaitPortFree() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (LoopbackPorts.inUse(port) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
