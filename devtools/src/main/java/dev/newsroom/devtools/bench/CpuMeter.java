package dev.newsroom.devtools.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the CPU went during a phase. Every service, the broker and the load generator may share this JVM, so CPU
 * is counted per thread and grouped by thread name (a Kafka Streams thread and its clients' threads carry the
 * application id); what no thread accounts for is the JVM's own share, of which the JIT compiler's time is told apart
 * (in a run of a minute or two it is most of it: the services' code is still being compiled) and the rest is the
 * garbage collector's, mostly. Services in child processes are
 * counted per process. The whole machine's busy time from {@code /proc/stat} shows what else ran.
 */
final class CpuMeter {

    /** A group of threads in this JVM, by name. */
    record ThreadGroup(String name, Predicate<String> member) {
    }

    /** Processes whose CPU counts as one group (a service's instances started apart, the registry). */
    record ProcessGroup(String name, List<ProcessHandle> processes) {
        long cpuNanos() {
            return processes.stream().mapToLong(process -> process.info().totalCpuDuration().map(Duration::toNanos)
                    .orElse(0L)).sum();
        }
    }

    /**
     * CPU seconds per group, the JVM's unaccounted share and the machine's busy time, between two snapshots, and the
     * heap bytes each group of this JVM's threads allocated (none for a process group: another JVM's threads).
     */
    record Usage(Map<String, Double> seconds, Map<String, Long> allocatedBytes, double machineBusySeconds,
                 double wallSeconds, int cores) {
        double share(String group) {
            return seconds.getOrDefault(group, 0.0) / (wallSeconds * cores);
        }
    }

    static final String JIT = "JVM: JIT compiler";
    static final String JVM_OTHER = "JVM: GC and other unnamed";
    static final String OTHER_THREADS = "other threads";
    /** USER_HZ: 100 on every Linux this runs on. */
    private static final long CLOCK_TICKS = 100;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<ThreadGroup> threadGroups;
    private final List<ProcessGroup> processGroups;
    private final String otherThreads;

    /** @param otherThreads the group of threads no other group claims (in-process: the broker, mostly) */
    CpuMeter(List<ThreadGroup> threadGroups, List<ProcessGroup> processGroups, String otherThreads) {
        this.threadGroups = threadGroups;
        this.processGroups = processGroups;
        this.otherThreads = otherThreads;
    }

    /** CPU nanoseconds per group now, plus the process's total and the machine's busy ticks. */
    final class Snapshot {
        private final Map<String, Long> nanos = new LinkedHashMap<>();
        private final Map<String, Long> allocated = new LinkedHashMap<>();
        private final long processNanos = os.getProcessCpuTime();
        private final long compilingMillis = compiler.isCompilationTimeMonitoringSupported()
                ? compiler.getTotalCompilationTime() : 0;
        private final long machineBusyTicks = machineBusyTicks();
        private final long takenAt = System.nanoTime();

        private Snapshot() {
            threadGroups.forEach(group -> nanos.put(group.name(), 0L));
            nanos.put(otherThreads, 0L);
            long[] ids = threads.getAllThreadIds();
            long[] cpu = threads.getThreadCpuTime(ids);
            long[] bytes = threads.getThreadAllocatedBytes(ids);
            ThreadInfo[] infos = threads.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] == null || cpu[i] < 0) {
                    continue;
                }
                String group = groupOf(infos[i].getThreadName());
                nanos.merge(group, cpu[i], Long::sum);
                if (bytes[i] >= 0) {
                    allocated.merge(group, bytes[i], Long::sum);
                }
            }
            for (ProcessGroup group : processGroups) {
                nanos.put(group.name(), group.cpuNanos());
            }
        }

        /** What was used from {@code earlier} to this snapshot. */
        Usage since(Snapshot earlier) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            long threadsTotal = 0;
            for (var entry : nanos.entrySet()) {
                long used = Math.max(0, entry.getValue() - earlier.nanos.getOrDefault(entry.getKey(), 0L));
                seconds.put(entry.getKey(), used / 1e9);
                if (processGroups.stream().noneMatch(group -> group.name().equals(entry.getKey()))) {
                    threadsTotal += used;
                }
            }
            long unnamed = Math.max(0, (processNanos - earlier.processNanos) - threadsTotal);
            // The compiler reports elapsed time; on a busy machine that can exceed the CPU it got.
            long compiling = Math.min(unnamed, (compilingMillis - earlier.compilingMillis) * 1_000_000);
            seconds.put(JIT, compiling / 1e9);
            seconds.put(JVM_OTHER, (unnamed - compiling) / 1e9);
            // A thread that ended between the snapshots takes its count with it, so a group's difference is a floor.
            Map<String, Long> bytes = new LinkedHashMap<>();
            allocated.forEach((group, total) -> bytes.put(group,
                    Math.max(0, total - earlier.allocated.getOrDefault(group, 0L))));
            double busy = (machineBusyTicks - earlier.machineBusyTicks) / (double) CLOCK_TICKS;
            return new Usage(seconds, bytes, busy, (takenAt - earlier.takenAt) / 1e9, Runtime.getRuntime().availableProcessors());
        }
    }

    Snapshot snapshot() {
        return new Snapshot();
    }

    private String groupOf(String threadName) {
        for (ThreadGroup group : threadGroups) {
            if (group.member().test(threadName)) {
                return group.name();
            }
        }
        return otherThreads;
    }

    /** Busy ticks of all cores (everything but idle and iowait) since boot; 0 where there is no /proc/stat. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
