package dev.newsroom.ingest.poller;

import dev.newsroom.schemas.RawDocument;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Turns a fetched feed into the raw topic's contract. */
final class RawDocuments {

    private RawDocuments() {
    }

    /**
     * The first 16 hex digits of the body's SHA-256: enough to tell versions of one feed apart, and the same
     * for the same bytes, so re-fetching an unchanged feed yields the same document id.
     */
    static String bodyHash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** {@code poller:<feed>:<body hash>}. */
    static String documentId(FeedConfig feed, String bodyHash) {
        return "poller:" + feed.name() + ":" + bodyHash;
    }

    static RawDocument of(FeedConfig feed, FetchedDocument fetched, String bodyHash) {
        Optional<String> served = fetched.header("content-type");
        Optional<String> contentType = feed.contentType().or(() -> served);
        String charset = contentType.flatMap(RawDocuments::charsetOf)
                .or(() -> served.flatMap(RawDocuments::charsetOf))
                .orElse(null);
        return RawDocument.newBuilder()
                .setDocumentId(documentId(feed, bodyHash))
                .setSource(feed.source())
                .setContentType(contentType.orElse(null))
                .setUri(fetched.uri().toString())
                // The schema keeps milliseconds; truncating here makes what we built equal what is read back.
                .setReceivedAt(fetched.receivedAt().truncatedTo(ChronoUnit.MILLIS))
                .setPayload(ByteBuffer.wrap(fetched.body()))
                .setCharset(charset)
                .setHeaders(fetched.headers())
                .build();
    }

    /** The {@code charset} parameter of a content type, without quotes. */
    static Optional<String> charsetOf(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
