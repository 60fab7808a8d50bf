package dev.newsroom.publish.webhook;

/** The reason a webhook delivery was parked: the outlet, the version, the attempts and the last error. */
final class WebhookDeliveryException extends RuntimeException {

    WebhookDeliveryException(String message) {
        super(message);
    }
}
