package dev.newsroom.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The publish service's own view of its outlets ({@code GET /outlets} on its feeds port): state, deliveries
 * pending, last error and last delivery. Feeds write no delivery receipts, so their freshness is only known here.
 */
final class PublishOutlets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** One outlet as publish reports it. */
    record Outlet(String name, String kind, String state, long pending, String lastError, Instant lastDeliveredAt) {
    }

    /** The outlets, or why they could not be read. */
    record Report(List<Outlet> outlets, String error) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    PublishOutlets(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String url() {
        return baseUrl + "/outlets";
    }

    Report read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url())).timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            // 503 means an outlet is disabled or failed: the body says which, so it is read all the same.
            if (response.statusCode() != 200 && response.statusCode() != 503) {
                return new Report(List.of(), "HTTP " + response.statusCode());
            }
            return new Report(parse(response.body()), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Report(List.of(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Report(List.of(), "interrupted");
        }
    }

    static List<Outlet> parse(String json) throws IOException {
        List<Outlet> outlets = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json).path("outlets")) {
            outlets.add(new Outlet(node.path("name").asText(), node.path("kind").asText(),
                    node.path("state").asText(), node.path("pending").asLong(),
                    node.hasNonNull("lastError") ? node.get("lastError").asText() : null,
                    node.hasNonNull("lastDeliveredAt") ? Instant.parse(node.get("lastDeliveredAt").asText()) : null));
        }
        return outlets;
    }
}
