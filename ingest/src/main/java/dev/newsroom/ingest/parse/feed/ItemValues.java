package dev.newsroom.ingest.parse.feed;

import static dev.newsroom.ingest.parse.feed.XmlFeedReader.addIfPresent;
import static dev.newsroom.ingest.parse.feed.XmlFeedReader.addPerson;
import static dev.newsroom.ingest.parse.feed.XmlFeedReader.baseOf;
import static dev.newsroom.ingest.parse.feed.XmlFeedReader.children;
import static dev.newsroom.ingest.parse.feed.XmlFeedReader.firstNonBlank;
import static dev.newsroom.ingest.parse.feed.XmlFeedReader.hasOwnBase;
import static dev.newsroom.ingest.parse.feed.XmlFeedReader.isCore;

import dev.newsroom.ingest.parse.text.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one item says, gathered in one pass over its children. */
final class ItemValues {

    final String documentBase;
    /** Where relative links go when no {@code xml:base} is in scope: RSS's channel link, else the document. */
    final String fallbackBase;
    XmlElement title;
    XmlElement fallbackTitle;
    String link;
    String alternateLink;
    String origLink;
    String contentSource;
    String guid;
    boolean guidIsPermalink;
    String guidAsLink;
    final List<XmlElement> descriptions = new ArrayList<>(2);
    XmlElement fallbackDescription;
    XmlElement content;
    String contentDefaultType = FeedText.HTML;
    XmlElement bodyElement;
    final List<String> authors = new ArrayList<>(2);
    final List<String> sourceAuthors = new ArrayList<>(0);
    String published;
    String publishedFallback;
    String updated;
    final List<String> categories = new ArrayList<>();
    String language;
    final List<XmlElement> enclosures = new ArrayList<>(0);
    final List<XmlElement> enclosureLinks = new ArrayList<>(0);
    final List<XmlElement> mediaContents = new ArrayList<>(0);
    final List<XmlElement> thumbnails = new ArrayList<>(0);
    String itunesImage;

    ItemValues(String documentBase, String fallbackBase) {
        this.documentBase = documentBase;
        this.fallbackBase = fallbackBase;
    }

    /** A URI written in {@code element}, resolved against the {@code xml:base} in scope there. */
    String resolve(XmlElement element, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String base = hasOwnBase(element) ? baseOf(element, documentBase) : firstNonBlank(fallbackBase, documentBase);
        return Urls.resolve(base, reference.strip());
    }

    /** The elements RSS items and Atom entries share: titles, links, people, dates, categories, language, media. */
    static void readCommon(XmlElement child, ItemValues values, boolean atom) {
        String name = child.localName;
        String namespace = child.namespace;
        if (FeedNamespaces.isCore(namespace)) {
            switch (name) {
                case "title" -> values.title = values.title == null ? child : values.title;
                case "link" -> {
                    if (child.attribute("href") != null) {
                        readAtomLink(child, values);
                    }
                }
                case "author" -> addPerson(values.authors, child);
                case "pubDate", "published", "issued", "created" -> values.published = firstNonBlank(values.published, child.text());
                case "updated", "modified" -> values.updated = firstNonBlank(values.updated, child.text());
                case "category" -> {
                    String value = atom || child.attribute("term") != null
                            ? firstNonBlank(child.attribute("label"), child.attribute("term"), child.text()) : child.text();
                    addIfPresent(values.categories, value);
                }
                default -> {
                }
            }
        } else if (namespace.equals(FeedNamespaces.DC)) {
            switch (name) {
                case "title" -> values.title = values.title == null ? child : values.title;
                case "creator", "author" -> addPerson(values.authors, child);
                case "date" -> values.publishedFallback = firstNonBlank(values.publishedFallback, child.text());
                case "subject" -> addIfPresent(values.categories, child.text());
                case "language" -> values.language = firstNonBlank(values.language, child.text());
                case "description" -> {
                    if (atom) {
                        values.fallbackDescription = values.fallbackDescription == null ? child : values.fallbackDescription;
                    }
                }
                default -> {
                }
            }
        } else if (namespace.equals(FeedNamespaces.DCTERMS)) {
            switch (name) {
                case "issued", "created" -> values.published = firstNonBlank(values.published, child.text());
                case "modified" -> values.updated = firstNonBlank(values.updated, child.text());
                default -> {
                }
            }
        } else if (FeedNamespaces.isMedia(namespace)) {
            readMedia(child, values);
        } else if (FeedNamespaces.isItunes(namespace)) {
            switch (name) {
                case "author" -> addPerson(values.authors, child);
                case "summary" -> values.fallbackDescription = values.fallbackDescription == null ? child : values.fallbackDescription;
                case "image" -> values.itunesImage = firstNonBlank(values.itunesImage, child.attribute("href"));
                default -> {
                }
            }
        } else if (namespace.equals(FeedNamespaces.FEEDBURNER) && name.equalsIgnoreCase("origLink")) {
            values.origLink = firstNonBlank(values.origLink, values.resolve(child, child.text()));
        }
    }

    private static void readMedia(XmlElement child, ItemValues values) {
        switch (child.localName) {
            case "content" -> {
                values.mediaContents.add(child);
                for (XmlElement inner : child.children()) {
                    if (FeedNamespaces.isMedia(inner.namespace) && inner.localName.equals("thumbnail")) {
                        values.thumbnails.add(inner);
                    }
                }
            }
            case "thumbnail" -> values.thumbnails.add(child);
            case "group" -> {
                for (XmlElement inner : child.children()) {
                    if (FeedNamespaces.isMedia(inner.namespace)) {
                        readMedia(inner, values);
                    }
                }
            }
            case "title" -> values.fallbackTitle = values.fallbackTitle == null ? child : values.fallbackTitle;
            case "description" -> values.fallbackDescription = values.fallbackDescription == null ? child : values.fallbackDescription;
            default -> {
            }
        }
    }

    /** Atom links: rel defaults to alternate; the first alternate of an HTML type is the link, enclosures are media. */
    private static void readAtomLink(XmlElement link, ItemValues values) {
        String rel = firstNonBlank(link.attribute("rel"), "alternate").toLowerCase(Locale.ROOT);
        String href = values.resolve(link, link.attribute("href"));
        if (href == null) {
            return;
        }
        if (rel.equals("enclosure")) {
            values.enclosureLinks.add(link);
        } else if (rel.equals("alternate")) {
            String type = link.attribute("type");
            String mediaType = type == null ? FeedText.HTML : FeedText.mediaType(type);
            if (mediaType.equals(FeedText.HTML) || mediaType.equals(FeedText.XHTML)) {
                values.alternateLink = firstNonBlank(values.alternateLink, href);
            } else {
                values.link = firstNonBlank(values.link, href);
            }
        }
    }

    /** Atom 0.3's {@code multipart/alternative} content holds alternatives: HTML is preferred, else the first. */
    static XmlElement alternativeOf(XmlElement content) {
        String type = content.attribute("type");
        if (type == null || !FeedText.mediaType(type).equals("multipart/alternative")) {
            return content;
        }
        XmlElement first = null;
        for (XmlElement part : content.children()) {
            if (!part.localName.equals("content")) {
                continue;
            }
            String partType = part.attribute("type") == null ? FeedText.TEXT : FeedText.mediaType(part.attribute("type"));
            if (partType.equals(FeedText.HTML) || partType.equals(FeedText.XHTML)) {
                return part;
            }
            first = first == null ? part : first;
        }
        return first == null ? content : first;
    }
}
