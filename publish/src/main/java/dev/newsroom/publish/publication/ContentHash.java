package dev.newsroom.publish.publication;

import dev.newsroom.platform.hash.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

/**
 * The hash that decides whether there is anything to republish: SHA-256 over the ninjs document that would be
 * published, keys sorted, without the fields that change every time ({@code version}, {@code versioncreated}).
 * Status, advisories and notes are in the document, so a change to any of them is a change.
 */
public final class ContentHash {

    static final Set<String> VOLATILE = Set.of("version", "versioncreated");
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    private ContentHash() {
    }

    public static String of(ObjectNode ninjs) {
        // Only top-level fields are left out, so the others are shared with the document rather than copied.
        ObjectNode stable = JsonNodeFactory.instance.objectNode();
        ninjs.fields().forEachRemaining(field -> {
            if (!VOLATILE.contains(field.getKey())) {
                stable.set(field.getKey(), field.getValue());
            }
        });
        // The digest is fed as the canonical text is written, rather than from a copy of all of it.
        MessageDigest digest = Sha256.digest();
        try (OutputStream canonical = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            CANONICAL.writeValue(canonical, stable);
        } catch (IOException e) {
            throw new IllegalStateException("ninjs is always serialisable", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
