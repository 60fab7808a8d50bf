package dev.newsroom.publish.feed;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One rendered feed file, with the entity tag that lets readers poll it cheaply. */
public record FeedDocument(String contentType, byte[] body, String etag) {

    public static FeedDocument of(String contentType, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new FeedDocument(contentType, body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
