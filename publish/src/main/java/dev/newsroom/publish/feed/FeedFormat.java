package dev.newsroom.publish.feed;

import java.util.Arrays;
import java.util.Optional;

/** The three formats every feed outlet is served in, by file extension. */
public enum FeedFormat {
    RSS("rss", "application/rss+xml; charset=utf-8"),
    ATOM("atom", "application/atom+xml; charset=utf-8"),
    JSON_FEED("json", "application/feed+json; charset=utf-8");

    private final String extension;
    private final String contentType;

    FeedFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<FeedFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }
}
