package dev.newsroom.systemtest.load;

/** What the load generator sends: the sample formats, and the bad inputs a real raw topic also sees. */
public enum DocumentKind {
    ARABIC_RSS(false, "application/rss+xml"),
    ENGLISH_ATOM(false, "application/atom+xml"),
    ENGLISH_JSON_FEED(false, "application/feed+json"),
    ARABIC_PAGE(false, "text/html"),
    ARABIC_TEXT(false, "text/plain; charset=utf-8"),
    /** The seed text in windows-1256 while the producer declares UTF-8: ingest must repair it, not reject it. */
    ARABIC_TEXT_MISLABELLED(false, "text/plain; charset=UTF-8"),
    FRENCH_NINJS(false, "application/json"),

    /** A feed cut off mid-item. */
    MALFORMED_XML(true, "application/rss+xml"),
    /** windows-1256 bytes with control characters strewn in, declared UTF-8: text in no charset. */
    UNDECODABLE_CHARSET(true, "text/plain; charset=UTF-8"),
    /** 20 MB, over ingest's 10 MB limit (and under the raw topic's 32 MB). */
    OVERSIZED(true, "text/html"),
    /** Billion laughs: entity expansion behind a DOCTYPE. */
    DOCTYPE_BOMB(true, "application/atom+xml"),
    /** A record value that is not our wire format at all. */
    RANDOM_BYTES(true, null),
    /** A well-formed RawDocument in the wire format, under a schema id the registry never issued. */
    UNKNOWN_SCHEMA_ID(true, "text/plain; charset=utf-8");

    private final boolean poison;
    private final String contentType;

    DocumentKind(boolean poison, String contentType) {
        this.poison = poison;
        this.contentType = contentType;
    }

    public boolean isPoison() {
        return poison;
    }

    public String contentType() {
        return contentType;
    }
}
