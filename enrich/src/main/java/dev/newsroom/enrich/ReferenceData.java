package dev.newsroom.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Opens the data files under {@code dev/newsroom/enrich/data/} on the classpath and fingerprints every byte
 * read, so the enricher version changes whenever any data file does.
 */
final class ReferenceData {
    static final String ROOT = "/dev/newsroom/enrich/data/";

    private final MessageDigest digest;

    ReferenceData() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's bytes, counted into the fingerprint. */
    byte[] bytes(String path) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("missing reference data " + ROOT + path);
            }
            byte[] data = in.readAllBytes();
            digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(data);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream open(String path) {
        return new java.io.ByteArrayInputStream(bytes(path));
    }

    /** First 12 hex digits of the fingerprint of everything read, plus the rules revision. */
    String fingerprint(String rulesRevision) {
        digest.update(rulesRevision.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }
}
