package dev.newsroom.publish.webhook;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.newsroom.publish.notice.AdvisoryNotices;
import dev.newsroom.publish.notice.ReaderNotices;
import dev.newsroom.publish.publication.DeliveryId;
import dev.newsroom.publish.publication.EventNames;
import dev.newsroom.schemas.PublishedArticle;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * What one webhook delivery sends: Standard Webhooks' recommended envelope
 * {@code {"type": "article.published", "timestamp": "<when the version was published>", "data": <ninjs>}}, with the
 * ninjs as on the published log (with the outlet's own advisory notices, if it has them), and the stable
 * {@code webhook-id}. The body is the same on every retry;
 * only the {@code webhook-timestamp} header and the signatures change.
 */
public record WebhookMessage(String webhookId, String event, byte[] body) {

    /** The message for an outlet with these advisory notices (the published log's ninjs unless it has its own). */
    public static WebhookMessage of(PublishedArticle published, AdvisoryNotices notices) {
        String event = EventNames.of(published.getEvent());
        String body = "{\"type\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(event))
                + "\",\"timestamp\":\"" + DateTimeFormatter.ISO_INSTANT.format(published.getUpdatedAt())
                + "\",\"data\":" + ReaderNotices.ninjsFor(published, notices) + "}";
        return new WebhookMessage(DeliveryId.of(published.getArticleId(), published.getVersion(), event), event,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
