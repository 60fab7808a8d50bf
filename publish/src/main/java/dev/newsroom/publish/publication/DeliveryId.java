package dev.newsroom.publish.publication;

import dev.newsroom.platform.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The id of one delivery of one published version: the {@code webhook-id} and the receipts' {@code deliveryId}.
 * It is derived from the article id, the version and the event, so it is the same on every retry and after a
 * restart, and receivers can use it to drop duplicates. It is a digest rather than the ids themselves because
 * Standard Webhooks signs {@code id.timestamp.body} and asks that the id hold no {@code .}, which article ids may.
 */
public final class DeliveryId {

    private DeliveryId() {
    }

    public static String of(String articleId, int version, String event) {
        byte[] digest = Sha256.digest()
                .digest((articleId + '\n' + version + '\n' + event).getBytes(StandardCharsets.UTF_8));
        byte[] prefix = new byte[18];
        System.arraycopy(digest, 0, prefix, 0, prefix.length);
        return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(prefix);
    }
}
