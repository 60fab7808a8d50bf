package dev.newsroom.devtools.bench;

import dev.newsroom.ops.Newsroom;
import dev.newsroom.ops.stack.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services as they run in production: each its own JVM ({@code newsroom service NAME}) with its own heap
 * limit and a GC log, so each one's pauses, heap and resident memory are its own.
 */
final class ServiceProcesses implements AutoCloseable {

    /** The command line's main class: the same entry point as the image's and the launcher's. */
    static final String LAUNCHER = Newsroom.class.getName();

    /** One service's process. */
    record Child(Services service, Process process, int managementPort, Path gcLog) {
    }

    private final Map<Services, Child> children;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcesses(Map<Services, Child> children) {
        this.children = children;
    }

    /**
     * @param settings   each service's settings, passed as {@code --set}; must include its management port
     * @param jvmOptions heap limit and other JVM options for every service
     */
    static ServiceProcesses start(Map<Services, Map<String, String>> settings, List<String> jvmOptions, Path workDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<Services, Child> children = new LinkedHashMap<>();
        try {
            for (var entry : settings.entrySet()) {
                Services service = entry.getKey();
                Path gcLog = workDir.resolve(service.label() + "-gc.log");
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(jvmOptions);
                command.add("-Xlog:gc:file=" + gcLog);
                command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas");
                command.add("-Dfile.encoding=UTF-8");
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), LAUNCHER,
                        "service", service.label()));
                entry.getValue().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(workDir.resolve(service.label() + ".log").toFile())
                        .start();
                children.put(service, new Child(service, process,
                        Integer.parseInt(entry.getValue().get("newsroom.management.port")), gcLog));
            }
        } catch (IOException e) {
            new ServiceProcesses(children).close();
            throw new UncheckedIOException("Cannot start a service process: " + e.getMessage(), e);
        }
        return new ServiceProcesses(children);
    }

    Map<Services, Child> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Waits until every service answers {@code /ready}; false on timeout. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Child child : children.values()) {
            while (!ready(child)) {
                if (!child.process().isAlive()) {
                    throw new IllegalStateException("The " + child.service().label() + " process exited with status "
                            + child.process().exitValue() + " before it was ready");
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(200);
            }
        }
        return true;
    }

    private boolean ready(Child child) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + child.managementPort() + "/ready")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every service as an operator would (SIGTERM: it leaves its group), the last one first. */
    @Override
    public void close() {
        List<Child> reversed = new ArrayList<>(children.values());
        Collections.reverse(reversed);
        reversed.forEach(child -> child.process().destroy());
        for (Child child : reversed) {
            try {
                if (!child.process().waitFor(60, TimeUnit.SECONDS)) {
                    child.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                child.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
