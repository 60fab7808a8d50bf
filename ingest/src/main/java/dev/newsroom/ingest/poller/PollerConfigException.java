package dev.newsroom.ingest.poller;

import java.util.List;
import java.util.stream.Collectors;

/** Everything wrong with a poller configuration at once, each problem naming the feed and the setting. */
public final class PollerConfigException extends IllegalArgumentException {

    private final List<String> problems;

    public PollerConfigException(List<String> problems) {
        super(problems.stream()
                .map(problem -> "\n  - " + problem)
                .collect(Collectors.joining("", "Invalid poller configuration:", "")));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
