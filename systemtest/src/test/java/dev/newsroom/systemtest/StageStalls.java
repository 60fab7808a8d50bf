package dev.newsroom.systemtest;

import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.systemtest.check.ProgressWatch;
import dev.newsroom.systemtest.cluster.Cluster;
import dev.newsroom.systemtest.scenario.Scenario;
import dev.newsroom.systemtest.scenario.SystemTestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest time each stage's output stood still during a cluster scenario: ingest's article versions, enrich's
 * enriched versions, publish's published log. Watched read_committed, so a stall is what a downstream reader saw; it
 * includes the stage's ordinary latency, which is the whole of it when nothing went wrong.
 */
final class StageStalls implements AutoCloseable {

    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final ProgressWatch watch;
    private final long began = System.nanoTime();

    StageStalls(Scenario scenario) {
        var topics = scenario.pipeline().topics();
        outputs.put("ingest", topics.name(TopicId.ARTICLES));
        outputs.put("enrich", topics.name(TopicId.ENRICHED));
        outputs.put("publish", topics.name(TopicId.PUBLISHED));
        Cluster cluster = scenario.pipeline().cluster();
        watch = new ProgressWatch(cluster.bootstrapServers(), List.copyOf(outputs.values()));
    }

    /**
     * The longest pause per stage since the watch began, the wait for its first output included; prints them and
     * keeps them beside the account.
     */
    Map<String, Duration> report(String scenario) {
        Map<String, Duration> stalls = new LinkedHashMap<>();
        outputs.forEach((stage, topic) -> {
            long previous = began;
            long longest = 0;
            for (long arrival : watch.arrivals(topic)) {
                longest = Math.max(longest, arrival - previous);
                previous = arrival;
            }
            stalls.put(stage, Duration.ofNanos(longest));
        });
        StringBuilder line = new StringBuilder("longest stall per stage:");
        stalls.forEach((stage, stall) -> line.append(String.format(" %s %.1f s,", stage, stall.toMillis() / 1000.0)));
        String text = line.substring(0, line.length() - 1);
        System.out.println(text);
        try {
            Path dir = Files.createDirectories(SystemTestSettings.workDir().resolve(scenario));
            Files.writeString(dir.resolve("stalls.txt"), text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stalls;
    }

    @Override
    public void close() {
        watch.close();
    }
}
