package dev.newsroom.ingest.parse.feed;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The namespaces feeds are written in, and those whose elements ingest reads. */
final class FeedNamespaces {

    static final String ATOM10 = "http://www.w3.org/2005/Atom";
    static final String ATOM03 = "http://purl.org/atom/ns#";
    static final String RSS10 = "http://purl.org/rss/1.0/";
    static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String FEEDBURNER = "http://rssnamespace.org/feedburner/ext/1.0";

    /**
     * Namespaces whose elements are the core vocabulary (title, link, description, item ...): none, the RSS 1.0 and
     * 0.9 RDF namespaces, UserLand's and Harvard's RSS namespaces, and Atom's, since RSS feeds borrow Atom elements
     * and the reference parser reads them all alike.
     */
    private static final Set<String> CORE = Set.of("", RSS10, RSS090, "http://backend.userland.com/rss",
            "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss",
            "http://purl.org/rss/1.0/modules/rss091#", ATOM10, ATOM03);

    /** Namespaces that feeds use under a conventional prefix, sometimes without declaring it. */
    private static final Map<String, String> CONVENTIONAL_PREFIXES = Map.ofEntries(
            Map.entry("xml", XmlElement.XML_NAMESPACE),
            Map.entry("dc", DC),
            Map.entry("dcterms", DCTERMS),
            Map.entry("content", CONTENT),
            Map.entry("media", MEDIA),
            Map.entry("itunes", ITUNES),
            Map.entry("atom", ATOM10),
            Map.entry("rdf", RDF),
            Map.entry("xhtml", XHTML),
            Map.entry("feedburner", FEEDBURNER));

    private FeedNamespaces() {
    }

    static boolean isCore(String namespace) {
        return CORE.contains(namespace);
    }

    /** Media RSS, with or without the slash its 1.1.2 version added; case as written varies too. */
    static boolean isMedia(String namespace) {
        return namespace.equalsIgnoreCase(MEDIA) || namespace.equalsIgnoreCase("http://search.yahoo.com/mrss");
    }

    /** iTunes' podcast namespace, whose case varies between feeds. */
    static boolean isItunes(String namespace) {
        return namespace.equalsIgnoreCase(ITUNES);
    }

    /** The namespace {@code prefix} conventionally names in feeds, or null. */
    static String conventional(String prefix) {
        return CONVENTIONAL_PREFIXES.get(prefix.toLowerCase(Locale.ROOT));
    }
}
