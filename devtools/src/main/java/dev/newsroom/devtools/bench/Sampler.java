package dev.newsroom.devtools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Looks every quarter second at what is only visible while it happens: each stage's backlog (its consumer group's
 * lag over every partition it reads, so the stage that bounds the pipeline is the one whose backlog grows), this
 * JVM's heap and resident memory, and each child process's resident memory. Keeps the maxima.
 */
final class Sampler implements AutoCloseable {

    private static final long PERIOD_MS = 250;

    private final Admin admin;
    private final Map<String, String> groups;
    private final Map<String, ProcessHandle> processes;
    private final Map<String, Long> maxLag = new ConcurrentHashMap<>();
    private final Map<String, Long> maxRssBytes = new ConcurrentHashMap<>();
    private volatile long maxHeapUsedBytes;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param groups    stage name → consumer group (application id)
     * @param processes name → child process whose resident memory is watched
     */
    Sampler(Map<String, Object> adminConfig, Map<String, String> groups, Map<String, ProcessHandle> processes) {
        this.admin = Admin.create(adminConfig);
        this.groups = groups;
        this.processes = processes;
        this.thread = new Thread(this::run, "bench-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Forgets the maxima seen so far: a new phase starts. */
    void reset() {
        maxLag.clear();
        maxRssBytes.clear();
        maxHeapUsedBytes = 0;
    }

    private void run() {
        while (running) {
            long began = System.nanoTime();
            sampleMemory();
            sampleLag();
            long slept = PERIOD_MS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            try {
                Thread.sleep(Math.max(10, slept));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleMemory() {
        maxHeapUsedBytes = Math.max(maxHeapUsedBytes,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        maxRssBytes.merge("this JVM", residentBytes(ProcessHandle.current().pid()), Math::max);
        processes.forEach((name, process) -> maxRssBytes.merge(name, residentBytes(process.pid()), Math::max));
    }

    private void sampleLag() {
        try {
            Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
            groups.values().forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
            var committed = admin.listConsumerGroupOffsets(specs);
            Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String group : groups.values()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = committed.partitionsToOffsetAndMetadata(group)
                        .get(5, TimeUnit.SECONDS);
                byGroup.put(group, offsets);
                offsets.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            groups.forEach((stage, group) -> {
                long lag = 0;
                for (var entry : byGroup.get(group).entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                maxLag.merge(stage, lag, Math::max);
            });
        } catch (Exception e) {
            // A missed sample only makes a maximum less certain; the next one comes a quarter second later.
        }
    }

    Map<String, Long> maxLag() {
        return new LinkedHashMap<>(maxLag);
    }

    Map<String, Long> maxResidentBytes() {
        return new LinkedHashMap<>(maxRssBytes);
    }

    long maxHeapUsedBytes() {
        return maxHeapUsedBytes;
    }

    /** VmRSS of a process, 0 where /proc does not tell. */
    static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }
}
