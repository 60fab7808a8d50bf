package dev.newsroom.devtools.bench;

import dev.newsroom.ops.stack.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The memory rows of a bench report: each JVM's heap, resident size, GC pauses and its state stores on disk. */
final class MemoryReadings {

    private MemoryReadings() {
    }

    /** @param work the run's directory, where each service keeps its state under {@code state/<service>} */
    static List<BenchReport.Memory> rows(Path work, Sampler sampler, GcPauses.Summary thisJvmGc,
                                         Map<ServiceProcesses.Child, GcPauses.LogWindow> childGc,
                                         ServiceProcesses processes) {
        List<BenchReport.Memory> rows = new ArrayList<>();
        Map<String, Long> resident = sampler.maxResidentBytes();
        long heapLimit = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20;
        String stores = stateStores(work);
        rows.add(new BenchReport.Memory("this JVM", processes == null
                ? "broker, services, load generator" : "broker, load generator", sampler.maxHeapUsedBytes() >> 20,
                heapLimit, resident.getOrDefault("this JVM", 0L) >> 20, thisJvmGc, processes == null ? stores : ""));
        if (processes != null) {
            for (var entry : childGc.entrySet()) {
                ServiceProcesses.Child child = entry.getKey();
                GcPauses.Summary gc = entry.getValue().read();
                rows.add(new BenchReport.Memory(child.name() + " JVM", child.service().label(), gc.maxHeapAfterMb(),
                        gc.heapCapacityMb(), resident.getOrDefault(child.name(), 0L) >> 20, gc,
                        directorySize(work.resolve("state").resolve(child.name()))));
            }
        }
        resident.forEach((name, bytes) -> {
            if (name.startsWith("registry")) {
                rows.add(new BenchReport.Memory(name, "schema registry", 0, 0, bytes >> 20, GcPauses.Summary.NONE, ""));
            }
        });
        return rows;
    }

    private static String stateStores(Path work) {
        List<String> sizes = new ArrayList<>();
        for (Services service : Services.all()) {
            sizes.add(service.label() + " " + directorySize(work.resolve("state").resolve(service.label())));
        }
        return String.join(", ", sizes);
    }

    private static String directorySize(Path directory) {
        if (!Files.isDirectory(directory)) {
            return "0 MB";
        }
        try (Stream<Path> files = Files.walk(directory)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        } catch (IOException | UncheckedIOException e) {
            return "?";
        }
    }
}
