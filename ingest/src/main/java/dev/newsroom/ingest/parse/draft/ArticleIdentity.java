package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.platform.hash.Sha256;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Article ids and content hashes.
 *
 * <p><b>Id</b>, first that applies:
 * <ol>
 *   <li>an opaque guid (RSS {@code guid}, Atom {@code id}, JSON Feed {@code id}, ninjs {@code uri}) that is not an
 *       http(s) URL: as given when it is a URI with a scheme ({@code tag:}, {@code urn:}), else
 *       {@code source + ":" + guid} so two sources' "1234" cannot collide;</li>
 *   <li>the canonical URL in normal form ({@link Urls#normalize}): a page's {@code rel=canonical}/{@code og:url}, a
 *       feed item's link;</li>
 *   <li>a guid that is an http(s) URL, in normal form;</li>
 *   <li>{@code source + ":" + contentHash}.</li>
 * </ol>
 * A guid that is an http(s) URL is a locator, not a name, and WordPress's is the {@code ?p=123} short link that no page
 * carries; preferring the item's link there makes the same story converge whether it arrives as a page or as a feed
 * item (the page's canonical URL equals the feed item's link). Opaque guids stay first because they survive slug
 * edits. The guid, URL and other ids are kept in {@code altIds} either way.
 *
 * <p><b>Content hash</b>: SHA-256 (hex) over the headline, each block's kind and text, the summary and the media
 * URLs, each field length-prefixed so field boundaries cannot shift. Times, lineage, byline and categories are left
 * out, so re-ingesting unchanged content gives the same hash.
 */
final class ArticleIdentity {

    /** A buffer to encode fields into, one per thread: a byte array per field and length prefix cost as much. */
    private static final ThreadLocal<FieldEncoder> ENCODER = ThreadLocal.withInitial(FieldEncoder::new);

    private ArticleIdentity() {
    }

    static String articleId(String guid, String canonicalUrl, String source, String contentHash) {
        String trimmedGuid = guid == null || guid.isBlank() ? null : guid.strip();
        if (trimmedGuid != null && !Urls.isHttp(trimmedGuid)) {
            return Urls.hasScheme(trimmedGuid) ? trimmedGuid : source + ":" + trimmedGuid;
        }
        String canonical = Urls.normalize(canonicalUrl);
        if (canonical != null) {
            return canonical;
        }
        String guidUrl = Urls.normalize(trimmedGuid);
        if (guidUrl != null) {
            return guidUrl;
        }
        return source + ":" + contentHash;
    }

    static String contentHash(String headline, List<BodyBlock> blocks, String summary, List<Media> media) {
        MessageDigest digest = Sha256.digest();
        FieldEncoder encoder = ENCODER.get();
        encoder.field(digest, "headline", headline);
        for (BodyBlock block : blocks) {
            encoder.field(digest, block.getKind().name(), block.getText());
        }
        encoder.field(digest, "summary", summary == null ? "" : summary);
        for (Media item : media) {
            encoder.field(digest, "media", item.getUrl());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class FieldEncoder {
        /** Replaces a lone surrogate with '?', as {@code String.getBytes(UTF_8)} does. */
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer buffer = ByteBuffer.allocate(1024);

        /** Digests a field as its name and value, each as its UTF-8 length (four bytes, big-endian) and its UTF-8 bytes. */
        void field(MessageDigest digest, String name, String value) {
            update(digest, name);
            update(digest, value);
        }

        private void update(MessageDigest digest, String text) {
            int needed = Integer.BYTES + (int) utf8.maxBytesPerChar() * text.length();
            if (buffer.capacity() < needed) {
                buffer = ByteBuffer.allocate(Math.max(needed, 2 * buffer.capacity()));
            }
            buffer.clear().position(Integer.BYTES);
            utf8.reset();
            utf8.encode(CharBuffer.wrap(text), buffer, true);
            utf8.flush(buffer);
            int length = buffer.position() - Integer.BYTES;
            buffer.putInt(0, length);
            digest.update(buffer.array(), 0, Integer.BYTES + length);
        }
    }
}
