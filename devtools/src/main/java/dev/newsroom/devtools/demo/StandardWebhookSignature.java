package dev.newsroom.devtools.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of a Standard Webhooks signature, written from the specification rather than shared with the
 * code that signs, so that a receiver using it checks the signer independently.
 */
public final class StandardWebhookSignature {

    private StandardWebhookSignature() {
    }

    /** The key of a secret in the specification's {@code whsec_<base64>} form. */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** Whether any {@code v1,<base64>} entry of the {@code webhook-signature} header signs {@code id.timestamp.body}. */
    public static boolean verifies(byte[] key, String id, String timestamp, byte[] body, String signatures) {
        byte[] expected = hmac(key, id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8));
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
