package dev.newsroom.publish.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiving site does, written from the Standard Webhooks specification independently of the sender's
 * code: decode the {@code whsec_} secret, HMAC-SHA256 {@code id.timestamp.body}, compare in constant time with
 * each {@code v1,} signature of the header, and refuse timestamps more than five minutes off.
 */
final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {
    }

    static boolean verifies(String secret, WebhookReceiver.Request request, Instant now) throws Exception {
        long timestamp = Long.parseLong(request.timestamp());
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((request.webhookId() + "." + request.timestamp() + "." + request.body())
                .getBytes(StandardCharsets.UTF_8));
        for (String signature : request.signature().split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
