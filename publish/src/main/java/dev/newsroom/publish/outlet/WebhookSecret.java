package dev.newsroom.publish.outlet;

import java.util.Base64;

/**
 * A symmetric Standard Webhooks signing secret: random bytes, shown to people base64-encoded with a
 * {@code whsec_} prefix. The spec asks for at least 24 bytes; more than 64 is refused as a likely paste error.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Reads {@code whsec_<base64>} (the prefix may be left out, as the reference libraries allow).
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the secret
     */
    public static WebhookSecret parse(String text) {
        String encoded = text.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not whsec_ followed by base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("decodes to " + key.length + " bytes; a secret has " + MIN_BYTES
                    + " to " + MAX_BYTES + " random bytes");
        }
        return new WebhookSecret(key);
    }

    /** A copy of the key, for the signer; {@link #toString()} never shows it. */
    public byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return PREFIX + "***";
    }
}
