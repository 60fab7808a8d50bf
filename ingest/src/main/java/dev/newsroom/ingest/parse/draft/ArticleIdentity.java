package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /**
     * A SHA-256 digest and a buffer to encode fields into, one per thread: looking the algorithm up among the providers
     * and a byte array per field and per length prefix cost about as much as the hashing itself.
     */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

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
        Hasher hasher = HASHER.get();
        // A hash that an exception cut short must not leave its fields in the next one.
        hasher.digest.reset();
        hasher.field("headline", headline);
        for (BodyBlock block : blocks) {
            hasher.field(block.getKind().name(), block.getText());
        }
        hasher.field("summary", summary == null ? "" : summary);
        for (Media item : media) {
            hasher.field("media", item.getUrl());
        }
        return HexFormat.of().formatHex(hasher.digest.digest());
    }

    private static final class Hasher {
        private final MessageDigest digest = sha256();
        private byte[] buffer = new byte[1024];

        /** Digests a field as its name and value, each as its UTF-8 length (four bytes, big-endian) and its UTF-8 bytes. */
        void field(String name, String value) {
            update(name);
            update(value);
        }

        private void update(CharSequence text) {
            int length = utf8(text, 4);
            buffer[0] = (byte) (length >>> 24);
            buffer[1] = (byte) (length >>> 16);
            buffer[2] = (byte) (length >>> 8);
            buffer[3] = (byte) length;
            digest.update(buffer, 0, 4 + length);
        }

        /**
         * Writes {@code text} in UTF-8 into the buffer from {@code offset} and returns the bytes written: the bytes
         * {@code String.getBytes(UTF_8)} gives, a lone surrogate included (as '?').
         */
        int utf8(CharSequence text, int offset) {
            int needed = offset + 3 * text.length();
            if (buffer.length < needed) {
                buffer = new byte[Math.max(needed, 2 * buffer.length)];
            }
            byte[] out = buffer;
            int p = offset;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    out[p++] = (byte) c;
                } else if (c < 0x800) {
                    out[p++] = (byte) (0xC0 | (c >> 6));
                    out[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        int codePoint = Character.toCodePoint(c, text.charAt(++i));
                        out[p++] = (byte) (0xF0 | (codePoint >> 18));
                        out[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                        out[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                        out[p++] = (byte) (0x80 | (codePoint & 0x3F));
                    } else {
                        out[p++] = '?';
                    }
                } else {
                    out[p++] = (byte) (0xE0 | (c >> 12));
                    out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            return p - offset;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
