package dev.newsroom.devtools.bench;

import dev.newsroom.ops.stack.Pipeline;
import dev.newsroom.ops.stack.Services;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Kafka Streams' own account of where each service's stream thread spent its time, from its metrics. */
final class StreamThreadTimes {

    private static final Pattern PROMETHEUS_LINE = Pattern.compile("^(kafka_stream_thread_(\\w+)_ratio)\\{[^}]*}\\s+(\\S+)");

    private StreamThreadTimes() {
    }

    /** How each service's stream thread spent its time lately (Kafka Streams' own ratios), e.g. "process 62%". */
    static Map<String, String> read(Pipeline inProcess, ServiceProcesses processes) {
        Map<String, String> times = new LinkedHashMap<>();
        for (Services service : Services.all()) {
            // Over several instances the ratios add up, as over several stream threads of one.
            String scrape = inProcess != null ? inProcess.runner(service).meters().scrape()
                    : processes.of(service).stream().map(child -> scrape(child.managementPort()))
                            .collect(Collectors.joining("\n"));
            Map<String, Double> ratios = new LinkedHashMap<>();
            for (String line : scrape.split("\n")) {
                Matcher metric = PROMETHEUS_LINE.matcher(line);
                if (metric.find()) {
                    ratios.merge(metric.group(2), Double.parseDouble(metric.group(3)), Double::sum);
                }
            }
            if (!ratios.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (String part : List.of("process", "commit", "poll", "punctuate")) {
                    if (ratios.containsKey(part)) {
                        parts.add(part + " " + BenchReport.percent(ratios.get(part)));
                    }
                }
                times.put(service.label(), String.join(", ", parts));
            }
        }
        return times;
    }

    private static String scrape(int managementPort) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
