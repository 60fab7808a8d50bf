package dev.newsroom.systemtest.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.ops.Newsroom;
import dev.newsroom.systemtest.process.ChildClasspath;
import dev.newsroom.systemtest.process.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instance of a pipeline service as its own JVM, exactly as operators run it:
 * {@code newsroom service NAME --set KEY=VALUE ...}, with its own state directory and management port. It can be
 * killed ({@code kill -9}), stopped (SIGTERM: the service closes and leaves its consumer group) and started again
 * with the same settings and state directory.
 */
public final class ServiceProcess {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String service;
    private final String instance;
    private final Map<String, String> settings;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final int managementPort;
    private final Path log;
    private ChildProcess process;

    /**
     * @param settings    every {@code --set}; must include {@code newsroom.management.port} and
     *                    {@code newsroom.state.dir}
     * @param environment outlet secrets and the like, which services read only from the environment
     */
    public ServiceProcess(String service, String instance, Map<String, String> settings, Map<String, String> environment,
                          List<String> jvmOptions, Path log) {
        this.service = service;
        this.instance = instance;
        this.settings = Map.copyOf(settings);
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.managementPort = Integer.parseInt(settings.get("newsroom.management.port"));
        this.log = log;
    }

    public String service() {
        return service;
    }

    public String instance() {
        return instance;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the JVM; {@link #awaitReady(Duration)} waits until its stream threads run. */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(instance + " is already running");
        }
        List<String> args = new ArrayList<>(List.of("service", service));
        settings.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(List.of("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas", "-Dfile.encoding=UTF-8"));
        process = ChildProcess.start(instance, ChildClasspath.get(), options, Newsroom.class.getName(), args,
                environment, log);
    }

    /** {@code kill -9}: open transactions stay open until fenced or timed out, nothing leaves the group. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /**
     * SIGTERM, as an orchestrator stops a container: the service closes its streams and leaves its groups.
     *
     * @return true if it exited by itself within the grace period
     */
    public synchronized boolean stop(Duration grace) {
        return process == null || process.stop(grace);
    }

    /** The Kafka Streams state the service reports on {@code /health}; empty while it does not answer. */
    public Optional<String> streamsState() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode health = JSON.readTree(response.body());
            return Optional.of(health.path("state").asText());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits until the service reports RUNNING; fails with the end of its log if it dies or takes too long. */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"RUNNING".equals(streamsState().orElse(""))) {
            ChildProcess current = current();
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(instance + " exited; its log ends:\n"
                        + (current == null ? "(never started)" : current.logTail(40)));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(instance + " was not RUNNING within " + timeout.toSeconds()
                        + " s (state " + streamsState().orElse("not answering") + "); its log ends:\n"
                        + current.logTail(40));
            }
            pause(100);
        }
    }

    private synchronized ChildProcess current() {
        return process;
    }

    public Path log() {
        return log;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public String toString() {
        ChildProcess current = current();
        return instance + (current == null ? "" : " (pid " + current.pid() + ")");
    }
}
