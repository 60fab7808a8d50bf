package dev.newsroom.publish.webhook;

import dev.newsroom.publish.outlet.WebhookOutlet;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A delivery over HTTP: the signed Standard Webhooks request, and what came back as a
 * {@link DeliveryMachine.Answer}, with a reason an operator can act on when nothing did.
 */
final class WebhookRequests {

    private static final int ERROR_TEXT_LIMIT = 300;

    private final WebhookOutlet outlet;
    private final WebhookSigner signer;
    private final HttpClient http;

    WebhookRequests(WebhookOutlet outlet, HttpClient http) {
        this.outlet = outlet;
        this.signer = new WebhookSigner(outlet.secrets());
        this.http = http;
    }

    /** The client an outlet is delivered with: HTTP/1.1, its connect timeout, no redirects followed. */
    static HttpClient client(WebhookOutlet outlet) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(outlet.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends one attempt made {@code at}; its answer goes to {@code then} on the HTTP client's thread. */
    void send(Delivery delivery, Instant at, Consumer<DeliveryMachine.Answer> then) {
        http.sendAsync(request(delivery, at), info -> info.statusCode() >= 200 && info.statusCode() < 300
                        ? HttpResponse.BodySubscribers.replacing("")
                        : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> then.accept(answer(response, error)));
    }

    HttpRequest request(Delivery delivery, Instant at) {
        long timestamp = at.getEpochSecond();
        WebhookMessage message = delivery.message;
        return HttpRequest.newBuilder(outlet.url())
                .timeout(outlet.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "newsroom-publish")
                .header("webhook-id", message.webhookId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signer.sign(message.webhookId(), timestamp, message.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                .build();
    }

    DeliveryMachine.Answer answer(HttpResponse<String> response, Throwable error) {
        if (error != null) {
            return DeliveryMachine.Answer.failure(describe(error));
        }
        return DeliveryMachine.Answer.status(response.statusCode(), errorText(response),
                response.headers().firstValue("retry-after").orElse(null));
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        URI url = outlet.url();
        if (cause instanceof HttpTimeoutException) {
            return "no answer from " + url.getHost() + ":" + url.getPort() + " within " + outlet.timeout().toMillis()
                    + " ms";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + url.getHost() + ":" + url.getPort();
        }
        if (cause instanceof IOException) {
            return "connection to " + url.getHost() + " failed: " + cause;
        }
        return String.valueOf(cause);
    }

    private static String errorText(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        return ": " + (body.length() > ERROR_TEXT_LIMIT ? body.substring(0, ERROR_TEXT_LIMIT) + "..." : body);
    }
}
