package dev.newsroom.publish.webhook;

import dev.newsroom.publish.outlet.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks symmetric signatures: {@code v1,} followed by the base64 HMAC-SHA256 of
 * {@code webhook-id.webhook-timestamp.body} under the secret's bytes. With several secrets (while a receiver
 * rotates its key) every one signs, and the header carries the signatures separated by spaces; a receiver
 * accepts the request when any of them verifies.
 */
public final class WebhookSigner {

    private final List<WebhookSecret> secrets;

    public WebhookSigner(List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("A webhook needs at least one signing secret");
        }
        this.secrets = List.copyOf(secrets);
    }

    /** The {@code webhook-signature} header value. */
    public String sign(String webhookId, long timestampSeconds, byte[] body) {
        return secrets.stream()
                .map(secret -> signature(secret, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    static String signature(WebhookSecret secret, String webhookId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
