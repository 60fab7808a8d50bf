package dev.newsroom.systemtest.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What happened during a scenario, with the time since it opened. */
public final class Timeline {

    private final long began = System.nanoTime();
    private final List<String> entries = new ArrayList<>();

    public synchronized String add(String what) {
        String entry = String.format("t+%6.1fs  %s", elapsed().toMillis() / 1000.0, what);
        entries.add(entry);
        return entry;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - began);
    }

    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }
}
