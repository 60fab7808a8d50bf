package dev.newsroom.ingest.poller;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server told us to send back to ask "has it changed?": its {@code ETag} and {@code Last-Modified},
 * returned verbatim as {@code If-None-Match} and {@code If-Modified-Since}.
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
    }
}
