package dev.newsroom.ingest.parse.feed;

import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.ingest.parse.draft.FormatReader;
import dev.newsroom.ingest.parse.draft.ItemDraft;
import dev.newsroom.ingest.parse.draft.ParseContext;
import dev.newsroom.ingest.parse.text.Dates;
import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.Media;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSS 0.9x, 1.0 (RDF) and 2.0, and Atom 0.3 and 1.0, read with the semantics of the reference feed parser (Python's
 * feedparser, as its documentation describes it).
 *
 * <p>Our own mapping over {@link LenientXmlParser} instead of Rome: Rome throws on an RSS document without a
 * {@code <channel>} and on base64 Atom content, reads neither Dublin Core titles and descriptions nor iTunes authors,
 * escapes naked Atom 0.3 markup into visible tags, and its JDOM tree and date masks were most of the cost of a feed.
 *
 * <p>Per item, the first value wins unless said otherwise:
 * <ul>
 *   <li><b>headline</b>: {@code title} or {@code dc:title}; {@code media:title} only when there is neither.</li>
 *   <li><b>link</b>: RSS {@code link} (resolved against {@code xml:base}, else the channel's link, else the
 *       document's URI), {@code feedburner:origLink} before it, Atom {@code link rel="alternate"} of an HTML type; a
 *       {@code guid} that is a permalink when there is no link; Atom content's {@code src} last.</li>
 *   <li><b>body</b>: {@code content:encoded}, {@code body}, {@code xhtml:body}, {@code fullitem}, Atom
 *       {@code content}; else the description. <b>summary</b>: {@code description}, {@code dc:description}, Atom
 *       {@code summary}, {@code itunes:summary}, {@code media:description}, when the body is something else. Two
 *       descriptions and no content: the first is the summary, the second the body.</li>
 *   <li><b>authors</b>: {@code author} (RSS "address (Name)" or Atom {@code name}), {@code dc:creator},
 *       {@code dc:author}, {@code itunes:author}; with none, the feed's ({@code managingEditor}, {@code dc:creator},
 *       {@code itunes:author}, Atom {@code author}), and for Atom the entry's {@code source}'s first.</li>
 *   <li><b>dates</b>: published from {@code pubDate}, {@code published}, Atom 0.3 {@code issued}/{@code created},
 *       {@code dcterms:issued}, {@code dcterms:created}, {@code dc:date}; updated from {@code updated}, Atom 0.3
 *       {@code modified}, {@code dcterms:modified}; an Atom entry with only an update date was published then.</li>
 *   <li><b>categories</b>: {@code category} (text or Atom {@code label}/{@code term}) and {@code dc:subject};
 *       <b>media</b>: enclosures (RSS and Atom), Media RSS content, groups and thumbnails, {@code itunes:image}.</li>
 *   <li><b>language</b>: the content's or item's {@code xml:lang} or {@code dc:language}, else the channel's
 *       {@code language}/{@code dc:language}/{@code xml:lang}, else the transport's Content-Language.</li>
 * </ul>
 * Text values are decoded by {@link FeedText}. Feeds with faults the parser recovers from are read, and the faults
 * reported as warnings; a document cut off before its root element closes, or declaring entities, is rejected.
 */
public final class XmlFeedReader implements FormatReader {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private enum Kind { RSS, ATOM10, ATOM03 }

    @Override
    public List<ItemDraft> read(DocumentText document, ParseContext context, List<String> warnings) {
        return read(document.text(), context, warnings);
    }

    List<ItemDraft> read(String text, ParseContext context, List<String> warnings) {
        LenientXmlParser.Result parsed = LenientXmlParser.parse(text);
        if (parsed.declaresEntities()) {
            throw unsafe(context, null);
        }
        if (parsed.fatal() != null) {
            throw new RejectedDocumentException(Reason.MALFORMED, context.describe() + " is not well-formed XML: "
                    + parsed.fatal() + (parsed.cutOff() ? " (the document is cut off)" : ""));
        }
        XmlElement root = parsed.root();
        for (LenientXmlParser.Problem problem : parsed.problems()) {
            warnings.add("recovered from XML fault: " + problem);
        }
        if (parsed.problemCount() > parsed.problems().size()) {
            warnings.add("and " + (parsed.problemCount() - parsed.problems().size()) + " more XML faults");
        }
        Kind kind = kindOf(root);
        if (kind == null) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_FORMAT, context.describe() + " is XML with root element <"
                    + root.qualifiedName + ">, which is neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>)");
        }
        List<XmlElement> items = kind == Kind.RSS ? rssItems(root) : children(root, "entry");
        if (items.size() > context.limits().maxItems()) {
            throw new RejectedDocumentException(Reason.TOO_MANY_ITEMS, context.describe() + " has " + items.size()
                    + " items, more than the limit of " + context.limits().maxItems() + "; it was not parsed");
        }
        FeedScope feed = kind == Kind.RSS ? rssScope(root, context) : atomScope(root, context);
        List<ItemDraft> drafts = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            drafts.add(kind == Kind.RSS ? rssItem(items.get(index), index, feed)
                    : atomEntry(items.get(index), index, feed, kind == Kind.ATOM03));
        }
        return drafts;
    }

    /** What items inherit from their feed. */
    private record FeedScope(String documentBase, String channelLink, String language, List<String> authors,
                             String headerLanguage) {
    }

    private static Kind kindOf(XmlElement root) {
        String name = root.localName;
        if (name.equalsIgnoreCase("rss") || name.equals("channel") || (name.equals("RDF") && root.namespace.equals(FeedNamespaces.RDF))) {
            return Kind.RSS;
        }
        if (name.equals("feed")) {
            return root.namespace.equals(FeedNamespaces.ATOM03) ? Kind.ATOM03 : Kind.ATOM10;
        }
        return null;
    }

    /** Items of the channel, of an RDF root, or straight under {@code <rss>} when there is no channel. */
    private static List<XmlElement> rssItems(XmlElement root) {
        List<XmlElement> items = new ArrayList<>();
        for (XmlElement child : root.children()) {
            if (isCore(child, "item")) {
                items.add(child);
            } else if (isCore(child, "channel")) {
                items.addAll(children(child, "item"));
            }
        }
        return items;
    }

    private static FeedScope rssScope(XmlElement root, ParseContext context) {
        XmlElement channel = root.localName.equals("channel") ? root : coreChild(root, "channel");
        XmlElement scope = channel != null ? channel : root;
        String documentBase = context.documentUri();
        String channelLink = null;
        String language = null;
        List<String> authors = new ArrayList<>();
        for (XmlElement child : scope.children()) {
            String name = child.localName;
            if (isCore(child, "link") && channelLink == null && child.attribute("href") == null) {
                channelLink = Urls.resolve(baseOf(child, documentBase), child.text().strip());
            } else if ((isCore(child, "language") || child.is(FeedNamespaces.DC, "language")) && language == null) {
                language = blankToNull(child.text());
            } else if (isCore(child, "managingEditor") || isCore(child, "author") || child.is(FeedNamespaces.DC, "creator")
                    || (FeedNamespaces.isItunes(child.namespace) && name.equals("author"))) {
                addPerson(authors, child);
            }
        }
        language = firstNonBlank(language, scope.inherited("lang"), root.inherited("lang"));
        return new FeedScope(documentBase, channelLink, language, authors, context.headerLanguage());
    }

    private static FeedScope atomScope(XmlElement root, ParseContext context) {
        List<String> authors = new ArrayList<>();
        for (XmlElement child : root.children()) {
            if (isCore(child, "author") || child.is(FeedNamespaces.DC, "creator")) {
                addPerson(authors, child);
            }
        }
        return new FeedScope(context.documentUri(), null, root.inherited("lang"), authors, context.headerLanguage());
    }

    private ItemDraft rssItem(XmlElement item, int index, FeedScope feed) {
        ItemDraft draft = new ItemDraft(index);
        String itemBase = baseOf(item, feed.documentBase());
        ItemValues values = new ItemValues(feed.documentBase(), feed.channelLink());
        String about = item.attributeIgnoringPrefix("about");
        for (XmlElement child : item.children()) {
            ItemValues.readCommon(child, values, false);
            if (isCore(child, "link") && child.attribute("href") == null && values.link == null) {
                values.link = values.resolve(child, child.text());
            } else if ((isCore(child, "guid") || isCore(child, "id")) && values.guid == null) {
                values.guid = blankToNull(child.text());
                String permalink = child.attributeIgnoringPrefix("isPermaLink");
                values.guidIsPermalink = permalink == null || permalink.strip().equalsIgnoreCase("true");
                values.guidAsLink = values.guidIsPermalink ? values.resolve(child, values.guid) : null;
            } else if (isCore(child, "description") || child.is(FeedNamespaces.DC, "description")) {
                values.descriptions.add(child);
            } else if (isCore(child, "summary") || isCore(child, "abstract")) {
                values.descriptions.add(child);
            } else if (child.is(FeedNamespaces.CONTENT, "encoded") || isCore(child, "fullitem")) {
                values.content = values.content == null ? child : values.content;
            } else if (isCore(child, "body") || child.is(FeedNamespaces.XHTML, "body")) {
                values.content = values.content == null ? child : values.content;
                values.contentDefaultType = values.content == child ? FeedText.XHTML : values.contentDefaultType;
            } else if (isCore(child, "enclosure")) {
                values.enclosures.add(child);
            }
        }
        if (values.guid != null) {
            draft.guid = values.guid;
            draft.guidIsPermalink = values.guidIsPermalink;
            draft.addAltId("guid", draft.guid);
        } else if (about != null && !about.isBlank()) {
            draft.guid = about.strip();
            draft.guidIsPermalink = true;
            draft.addAltId("guid", draft.guid);
            values.guidAsLink = values.resolve(item, about);
        }
        draft.link = firstNonBlank(values.origLink, values.link, values.alternateLink);
        if (draft.link == null && Urls.isHttp(values.guidAsLink)) {
            draft.link = values.guidAsLink;
        }
        fillText(draft, values, false, false);
        draft.baseUri = firstNonBlank(values.bodyElement == null || !hasOwnBase(values.bodyElement) ? null
                        : baseOf(values.bodyElement, feed.documentBase()),
                hasOwnBase(item) ? itemBase : null, draft.link, feed.channelLink(), feed.documentBase());
        fillPeopleAndDates(draft, values, feed, false);
        draft.language = firstNonBlank(values.language, ownLang(item), feed.language(), feed.headerLanguage());
        for (XmlElement enclosure : values.enclosures) {
            draft.addMedia(Urls.resolve(draft.baseUri, firstNonBlank(enclosure.attribute("url"), enclosure.attribute("href"))),
                    enclosure.attribute("type"), null, null, null, null, null);
        }
        addEnclosureLinks(draft, values);
        addMedia(draft, values);
        return draft;
    }

    private static void addEnclosureLinks(ItemDraft draft, ItemValues values) {
        for (XmlElement enclosure : values.enclosureLinks) {
            draft.addMedia(values.resolve(enclosure, enclosure.attribute("href")), enclosure.attribute("type"), null, null,
                    null, null, null);
        }
    }

    private ItemDraft atomEntry(XmlElement entry, int index, FeedScope feed, boolean atom03) {
        ItemDraft draft = new ItemDraft(index);
        ItemValues values = new ItemValues(feed.documentBase(), null);
        values.contentDefaultType = FeedText.TEXT;
        for (XmlElement child : entry.children()) {
            ItemValues.readCommon(child, values, true);
            if (isCore(child, "id") && values.guid == null) {
                values.guid = blankToNull(child.text());
            } else if (isCore(child, "summary")) {
                values.descriptions.add(child);
            } else if (isCore(child, "content") && values.content == null) {
                values.content = atom03 ? ItemValues.alternativeOf(child) : child;
                String src = child.attribute("src");
                if (src != null && !src.isBlank()) {
                    values.contentSource = values.resolve(child, src);
                }
            } else if (isCore(child, "source")) {
                for (XmlElement sourceChild : child.children()) {
                    if (isCore(sourceChild, "author")) {
                        addPerson(values.sourceAuthors, sourceChild);
                    }
                }
            }
        }
        if (values.guid != null) {
            draft.guid = values.guid;
            draft.addAltId("atom-id", draft.guid);
        }
        draft.link = firstNonBlank(values.origLink, values.alternateLink, values.link, values.contentSource);
        fillText(draft, values, true, atom03);
        draft.baseUri = firstNonBlank(values.bodyElement == null ? null : baseOfOrNull(values.bodyElement, feed.documentBase()),
                baseOfOrNull(entry, feed.documentBase()), draft.link, feed.documentBase());
        fillPeopleAndDates(draft, values, feed, true);
        draft.language = firstNonBlank(values.bodyElement == null ? null : values.bodyElement.attribute("xml:lang"),
                values.language, entry.inherited("lang"), feed.language(), feed.headerLanguage());
        addEnclosureLinks(draft, values);
        addMedia(draft, values);
        return draft;
    }

    /** Headline, body and summary from what the item holds, with the precedence in the class comment. */
    private static void fillText(ItemDraft draft, ItemValues values, boolean atom, boolean atom03) {
        XmlElement titleElement = values.title != null ? values.title : values.fallbackTitle;
        if (titleElement != null) {
            FeedText title = FeedText.of(titleElement, FeedText.TEXT, atom || isAtomElement(titleElement));
            draft.headline = title.plainText();
            draft.headlineIsText = true;
        }
        List<XmlElement> descriptions = new ArrayList<>(values.descriptions);
        if (descriptions.isEmpty() && values.fallbackDescription != null) {
            descriptions.add(values.fallbackDescription);
        }
        String descriptionDefault = atom ? FeedText.TEXT : FeedText.HTML;
        XmlElement contentElement = values.content;
        String contentDefault = values.contentDefaultType;
        FeedText content = contentElement == null ? null : FeedText.of(contentElement, contentDefault, atom || isAtomElement(contentElement));
        if ((content == null || content.isBlank()) && !atom && descriptions.size() >= 2) {
            contentElement = descriptions.get(1);
            content = FeedText.of(contentElement, descriptionDefault, isAtomElement(contentElement));
        }
        XmlElement summaryElement = descriptions.isEmpty() ? null : descriptions.get(0);
        FeedText summary = summaryElement == null ? null
                : FeedText.of(summaryElement, descriptionDefault, atom || isAtomElement(summaryElement));
        if (content != null && !content.isBlank()) {
            setBody(draft, content);
            values.bodyElement = contentElement;
            if (summary != null && !summary.isBlank()) {
                draft.summary = summary.plainText();
                draft.summaryIsText = true;
            }
        } else if (summary != null && !summary.isBlank()) {
            setBody(draft, summary);
            values.bodyElement = summaryElement;
        }
    }

    private static void setBody(ItemDraft draft, FeedText text) {
        if (text.html()) {
            draft.bodyHtml = text.value();
        } else {
            draft.bodyText = text.value();
        }
    }

    private static void fillPeopleAndDates(ItemDraft draft, ItemValues values, FeedScope feed, boolean atom) {
        List<String> people = !values.authors.isEmpty() ? values.authors
                : !values.sourceAuthors.isEmpty() ? values.sourceAuthors : feed.authors();
        people.forEach(draft::addByline);
        values.categories.forEach(draft::addCategory);
        String published = firstNonBlank(values.published, values.publishedFallback);
        if (published == null && atom) {
            published = values.updated;
        }
        draft.published = Dates.parse(published);
        draft.updated = Dates.parse(values.updated);
    }

    private static void addMedia(ItemDraft draft, ItemValues values) {
        for (XmlElement media : values.mediaContents) {
            String type = firstNonBlank(media.attribute("type"), media.attribute("medium"));
            String caption = null;
            String credit = null;
            for (XmlElement inner : media.children()) {
                if (!FeedNamespaces.isMedia(inner.namespace)) {
                    continue;
                }
                if (inner.localName.equals("description") || (inner.localName.equals("title") && caption == null)) {
                    caption = inner.text();
                } else if (inner.localName.equals("credit")) {
                    credit = inner.text();
                }
            }
            draft.addMedia(Urls.resolve(draft.baseUri, media.attribute("url")), type, caption, credit,
                    media.attribute("width"), media.attribute("height"), null);
        }
        for (XmlElement thumbnail : values.thumbnails) {
            draft.addMedia(Urls.resolve(draft.baseUri, thumbnail.attribute("url")), "image", null, null,
                    thumbnail.attribute("width"), thumbnail.attribute("height"), null);
        }
        if (values.itunesImage != null) {
            draft.addMedia(Urls.resolve(draft.baseUri, values.itunesImage.strip()), "image", null, null, null, null, null);
        }
    }

    static RejectedDocumentException unsafe(ParseContext context, Throwable cause) {
        return new RejectedDocumentException(Reason.UNSAFE_XML, context.describe() + " declares a DOCTYPE with entities; XML "
                + "entity declarations are refused, as they can read local files (XXE) or expand without bound", cause);
    }

    /**
     * A person as feeds write one: an Atom person ({@code name}, else {@code email}), or text such as
     * "jane@example.com (Jane Doe)", "Jane Doe &lt;jane@example.com&gt;" or "Jane Doe". A bare address is not a byline.
     */
    static void addPerson(List<String> people, XmlElement element) {
        String name = null;
        if (element.hasChildElements()) {
            for (XmlElement child : element.children()) {
                if (child.localName.equals("name")) {
                    name = blankToNull(child.text());
                    break;
                }
            }
        } else {
            name = personName(element.text());
        }
        if (name != null && !people.contains(name)) {
            people.add(name);
        }
    }

    static String personName(String raw) {
        String value = raw == null ? "" : raw.strip();
        Matcher email = EMAIL.matcher(value);
        if (!email.find()) {
            return blankToNull(value);
        }
        String rest = (value.substring(0, email.start()) + value.substring(email.end()))
                .replace("()", "").replace("<>", "").replace("mailto:", "").strip();
        if (rest.startsWith("(") && rest.endsWith(")")) {
            rest = rest.substring(1, rest.length() - 1).strip();
        }
        return blankToNull(rest);
    }

    private static boolean isAtomElement(XmlElement element) {
        return element.namespace.equals(FeedNamespaces.ATOM10) || element.namespace.equals(FeedNamespaces.ATOM03);
    }

    static boolean isCore(XmlElement element, String name) {
        return element.localName.equals(name) && FeedNamespaces.isCore(element.namespace);
    }

    private static XmlElement coreChild(XmlElement parent, String name) {
        for (XmlElement child : parent.children()) {
            if (isCore(child, name)) {
                return child;
            }
        }
        return null;
    }

    static List<XmlElement> children(XmlElement parent, String name) {
        List<XmlElement> matching = new ArrayList<>();
        for (XmlElement child : parent.children()) {
            if (isCore(child, name)) {
                matching.add(child);
            }
        }
        return matching;
    }

    static boolean hasOwnBase(XmlElement element) {
        for (XmlElement current = element; current != null; current = current.parent) {
            if (current.attribute("xml:base") != null) {
                return true;
            }
        }
        return false;
    }

    private static String baseOfOrNull(XmlElement element, String documentBase) {
        return hasOwnBase(element) ? baseOf(element, documentBase) : null;
    }

    /** The in-scope {@code xml:base}, each ancestor's resolved against the one above it and the document's URI. */
    static String baseOf(XmlElement element, String documentBase) {
        List<String> bases = null;
        for (XmlElement current = element; current != null; current = current.parent) {
            String base = current.attribute("xml:base");
            if (base != null && !base.isBlank()) {
                if (bases == null) {
                    bases = new ArrayList<>(2);
                }
                bases.add(0, base.strip());
            }
        }
        if (bases == null) {
            return documentBase;
        }
        String resolved = documentBase;
        for (String base : bases) {
            String next = Urls.resolve(resolved, base);
            resolved = next == null ? resolved : next;
        }
        return resolved;
    }

    private static String ownLang(XmlElement item) {
        return blankToNull(item.attribute("xml:lang"));
    }

    static void addIfPresent(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
