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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The services as they run in production: each instance its own JVM ({@code newsroom service NAME}) with its own
 * heap limit and a GC log, so each one's pauses, heap and resident memory are its own. Several instances of a service
 * share its application id and so its partitions, as a scaled-out deployment does.
 */
final class ServiceProcesses implements AutoCloseable {

    /** The command line's main class: the same entry point as the image's and the launcher's. */
    static final String LAUNCHER = Newsroom.class.getName();

    /**
     * One service instance's process.
     *
     * @param name the service's label, with the instance's number when there are several ({@code enrich-2})
     */
    record Child(Services service, String name, Process process, int managementPort, Path gcLog) {
    }

    private final List<Child> children;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcesses(List<Child> children) {
        this.children = children;
    }

    /**
     * @param settings   each instance's settings by its name, passed as {@code --set}; each must include its own
     *                   management port
     * @param jvmOptions heap limit and other JVM options for every instance
     */
    static ServiceProcesses start(Map<Services, Map<String, Map<String, String>>> settings, List<String> jvmOptions,
                                  Path workDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Child> children = new ArrayList<>();
        try {
            for (var service : settings.entrySet()) {
                for (var instance : service.getValue().entrySet()) {
                    String name = instance.getKey();
                    Path gcLog = workDir.resolve(name + "-gc.log");
                    List<String> command = new ArrayList<>(List.of(java));
                    command.addAll(jvmOptions);
                    command.add("-Xlog:gc:file=" + gcLog);
                    command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas");
                    command.add("-Dfile.encoding=UTF-8");
                    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LAUNCHER,
                            "service", service.getKey().label()));
                    instance.getValue().forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
                    Process process = new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(workDir.resolve(name + ".log").toFile())
                            .start();
                    children.add(new Child(service.getKey(), name, process,
                            Integer.parseInt(instance.getValue().get("newsroom.management.port")), gcLog));
                }
            }
        } catch (IOException e) {
            new ServiceProcesses(children).close();
            throw new UncheckedIOException("Cannot start a service process: " + e.getMessage(), e);
        }
        return new ServiceProcesses(children);
    }

    List<Child> children() {
        return Collections.unmodifiableList(children);
    }

    List<Child> of(Services service) {
        return children.stream().filter(child -> child.service() == service).toList();
    }

    /** Waits until every service answers {@code /ready}; false on timeout. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Child child : children) {
            while (!ready(child)) {
                if (!child.process().isAlive()) {
                    throw new IllegalStateException("The " + child.name() + " process exited with status "
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
        List<Child> reversed = new ArrayList<>(children);
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
