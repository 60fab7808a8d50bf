package dev.newsroom.ingest.poller;

import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.LinkedPage;
import dev.newsroom.schemas.RawDocument;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
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

    /** {@code raw} carrying the pages of its teaser items. */
    static RawDocument withPages(RawDocument raw, List<dev.newsroom.ingest.parse.document.LinkedPage> pages) {
        List<LinkedPage> linked = pages.stream().map(page -> LinkedPage.newBuilder()
                .setUrl(page.url())
                .setFetchedUrl(page.fetchedUrl())
                .setContentType(page.contentType())
                .setCharset(page.charset())
                .setPayload(ByteBuffer.wrap(page.payload()))
                .setFetchedAt(page.fetchedAt().truncatedTo(ChronoUnit.MILLIS))
                .build()).toList();
        return RawDocument.newBuilder(raw).setLinkedPages(linked).build();
    }

    /** What the parser reads of {@code raw}, to find its teaser items. */
    static RawInput input(RawDocument raw) {
        ByteBuffer payload = raw.getPayload().duplicate();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return new RawInput(raw.getDocumentId(), raw.getSource(), raw.getContentType(), raw.getUri(), raw.getCharset(),
                raw.getHeaders(), bytes, raw.getReceivedAt(), null);
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
