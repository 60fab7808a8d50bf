package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import java.nio.charset.StandardCharsets;
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
        MessageDigest digest = sha256();
        field(digest, "headline", headline);
        for (BodyBlock block : blocks) {
            field(digest, block.getKind().name(), block.getText());
        }
        field(digest, "summary", summary == null ? "" : summary);
        for (Media item : media) {
            field(digest, "media", item.getUrl());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String name, String value) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(intBytes(nameBytes.length));
        digest.update(nameBytes);
        digest.update(intBytes(valueBytes.length));
        digest.update(valueBytes);
    }

    private static byte[] intBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
