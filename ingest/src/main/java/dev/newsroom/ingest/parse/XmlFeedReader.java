package dev.newsroom.ingest.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import dev.newsroom.ingest.parse.RejectedDocumentException.Reason;
import dev.newsroom.schemas.Media;
import dev.newsroom.schemas.MediaKind;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jsoup.nodes.Entities;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * RSS 0.9x, 1.0 (RDF), 2.0 and Atom 1.0 through Rome.
 *
 * <p>The XML is parsed once, by Rome's own hardened SAX builder (DOCTYPEs refused, so no external entities and no
 * entity expansion), into a JDOM document; Rome maps it to its feed model, and the raw elements stay at hand for
 * what Rome drops or parses too strictly: the exact date strings, {@code xml:base} and {@code xml:lang} scopes, and
 * Media RSS ({@code media:content}, {@code media:thumbnail}). Items are counted before Rome maps them, so an
 * oversized feed is refused cheaply.
 */
final class XmlFeedReader {

    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Namespace DCTERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    private static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    /**
     * Exposes Rome's SAX builder, which is configured to refuse DOCTYPEs and external entities. Building one creates
     * two Xerces parsers, a large share of parsing a small feed; the builder keeps and reuses its parser between
     * documents but is not thread-safe, so each thread keeps its own.
     */
    private static final class HardenedInput extends WireFeedInput {
        private final SAXBuilder saxBuilder = createSAXBuilder();

        SAXBuilder saxBuilder() {
            return saxBuilder;
        }
    }

    private static final ThreadLocal<HardenedInput> INPUTS = ThreadLocal.withInitial(HardenedInput::new);

    List<ItemDraft> read(String text, ParseContext context) {
        HardenedInput input = INPUTS.get();
        Document document = parseXml(input, text, context);
        Element root = document.getRootElement();
        List<Element> itemElements = itemElements(root);
        if (itemElements.size() > context.limits().maxItems()) {
            throw new RejectedDocumentException(Reason.TOO_MANY_ITEMS, context.describe() + " has " + itemElements.size()
                    + " items, more than the limit of " + context.limits().maxItems() + "; it was not parsed");
        }
        Map<Element, RawDates> dates = detachDates(root, itemElements);
        detachFeedDates(root);
        WireFeed feed;
        try {
            feed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new RejectedDocumentException(Reason.MALFORMED, context.describe() + " is XML but not a feed Rome can read ("
                    + root.getName() + " root element): " + e.getMessage(), e);
        }
        String documentBase = context.documentUri();
        if (feed instanceof Channel channel) {
            return rssItems(channel, root, itemElements, dates, context, documentBase);
        }
        if (feed instanceof Feed atom) {
            return atomEntries(atom, root, itemElements, dates, context, documentBase);
        }
        throw new RejectedDocumentException(Reason.UNSUPPORTED_FORMAT, context.describe() + " is a " + feed.getFeedType()
                + " feed, which ingest does not read");
    }

    private static Document parseXml(HardenedInput input, String text, ParseContext context) {
        try {
            return input.saxBuilder().build(new StringReader(withNumericEntities(text)));
        } catch (JDOMParseException e) {
            String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            if (message != null && message.toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
                throw unsafe(context, e);
            }
            throw new RejectedDocumentException(Reason.MALFORMED, context.describe() + " is not well-formed XML: "
                    + message + " at line " + e.getLineNumber() + ", column " + e.getColumnNumber(), e);
        } catch (JDOMException | IOException e) {
            throw new RejectedDocumentException(Reason.MALFORMED, context.describe() + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * HTML named entities ({@code &nbsp;}, {@code &eacute;}) as numeric references. Feeds use them although XML does not
     * define them; without a DOCTYPE (which we refuse) the XML parser would reject the whole feed.
     */
    static String withNumericEntities(String text) {
        StringBuilder out = null;
        int last = 0;
        for (int amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
            int end = amp + 1;
            while (end < text.length() && end - amp <= 32 && isAsciiLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (end >= text.length() || text.charAt(end) != ';' || end == amp + 1 || !isAsciiLetter(text.charAt(amp + 1))) {
                continue;
            }
            String name = text.substring(amp + 1, end);
            if (XML_ENTITIES.contains(name) || !Entities.isNamedEntity(name)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 64);
            }
            out.append(text, last, amp);
            for (int codePoint : Entities.getByName(name).codePoints().toArray()) {
                out.append("&#").append(codePoint).append(';');
            }
            last = end + 1;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    static RejectedDocumentException unsafe(ParseContext context, Throwable cause) {
        return new RejectedDocumentException(Reason.UNSAFE_XML, context.describe() + " declares a DOCTYPE; XML with DOCTYPE or "
                + "entity declarations is refused, as it can read local files (XXE) or expand entities without bound", cause);
    }

    private static List<Element> itemElements(Element root) {
        List<Element> items = new ArrayList<>();
        String rootName = root.getName();
        if (rootName.equals("feed")) {
            items.addAll(root.getChildren("entry", root.getNamespace()));
            return items;
        }
        for (Element child : root.getChildren()) {
            if (child.getName().equals("item")) {
                items.add(child);
            } else if (child.getName().equals("channel")) {
                for (Element grandChild : child.getChildren()) {
                    if (grandChild.getName().equals("item")) {
                        items.add(grandChild);
                    }
                }
            }
        }
        return items;
    }

    private List<ItemDraft> rssItems(Channel channel, Element root, List<Element> elements, Map<Element, RawDates> dates,
                                     ParseContext context, String documentBase) {
        List<Item> items = channel.getItems();
        List<ItemDraft> drafts = new ArrayList<>(items.size());
        String channelLink = Urls.resolve(documentBase, channel.getLink());
        Element channelElement = root.getChild("channel", root.getNamespace());
        String channelLanguage = firstNonBlank(channel.getLanguage(),
                channelElement == null ? null : channelElement.getChildText("language", DC), xmlLang(root));
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            Element element = elements.size() == items.size() ? elements.get(index) : null;
            ItemDraft draft = new ItemDraft(index);
            String xmlBase = element == null ? null : xmlBase(element, documentBase);
            String resolutionBase = firstNonBlank(xmlBase, channelLink, documentBase);
            if (item.getGuid() != null && item.getGuid().getValue() != null) {
                draft.guid = item.getGuid().getValue().strip();
                draft.guidIsPermalink = item.getGuid().isPermaLink();
                draft.addAltId("guid", draft.guid);
            }
            draft.link = Urls.resolve(resolutionBase, firstNonBlank(item.getLink(), item.getUri()));
            if (draft.link == null && draft.guidIsPermalink && Urls.isHttp(draft.guid)) {
                draft.link = draft.guid;
            }
            draft.baseUri = firstNonBlank(xmlBase, draft.link, channelLink, documentBase);
            draft.headline = item.getTitle();
            DCModule dc = (DCModule) item.getModule(DCModule.URI);
            if (dc != null) {
                dc.getCreators().forEach(draft::addByline);
                for (DCSubject subject : dc.getSubjects()) {
                    draft.addCategory(subject.getValue());
                }
            }
            if (item.getAuthor() != null) {
                draft.addByline(authorName(item.getAuthor()));
            }
            item.getCategories().forEach(category -> draft.addCategory(category.getValue()));
            RawDates raw = element == null ? RawDates.NONE : dates.getOrDefault(element, RawDates.NONE);
            draft.published = Dates.parse(raw.published());
            draft.updated = Dates.parse(raw.updated());
            String description = item.getDescription() == null ? null : item.getDescription().getValue();
            String content = item.getContent() == null ? null : item.getContent().getValue();
            if (content != null && !content.isBlank()) {
                draft.bodyHtml = content;
                draft.summary = description;
            } else {
                draft.bodyHtml = description;
            }
            draft.language = firstNonBlank(element == null ? null : element.getChildText("language", DC),
                    element == null ? null : xmlLang(element), channelLanguage, context.headerLanguage());
            for (Enclosure enclosure : item.getEnclosures()) {
                addMedia(draft, Urls.resolve(draft.baseUri, enclosure.getUrl()), enclosure.getType(), null, null, null, null, null);
            }
            if (element != null) {
                mediaRss(element, draft);
            }
            drafts.add(draft);
        }
        return drafts;
    }

    private List<ItemDraft> atomEntries(Feed feed, Element root, List<Element> elements, Map<Element, RawDates> dates,
                                        ParseContext context, String documentBase) {
        List<Entry> entries = feed.getEntries();
        List<ItemDraft> drafts = new ArrayList<>(entries.size());
        for (int index = 0; index < entries.size(); index++) {
            Entry entry = entries.get(index);
            Element element = elements.size() == entries.size() ? elements.get(index) : null;
            ItemDraft draft = new ItemDraft(index);
            String xmlBase = element == null ? xmlBase(root, documentBase) : xmlBase(element, documentBase);
            String entryBase = firstNonBlank(xmlBase, documentBase);
            if (entry.getId() != null && !entry.getId().isBlank()) {
                draft.guid = entry.getId().strip();
                draft.addAltId("atom-id", draft.guid);
            }
            draft.link = Urls.resolve(entryBase, alternateLink(entry));
            draft.baseUri = firstNonBlank(xmlBase, draft.link, documentBase);
            draft.headline = entry.getTitleEx() == null ? entry.getTitle() : entry.getTitleEx().getValue();
            List<SyndPerson> authors = entry.getAuthors().isEmpty() ? feed.getAuthors() : entry.getAuthors();
            for (SyndPerson author : authors) {
                draft.addByline(author.getName());
            }
            entry.getCategories().forEach(category -> draft.addCategory(
                    category.getLabel() != null && !category.getLabel().isBlank() ? category.getLabel() : category.getTerm()));
            RawDates raw = element == null ? RawDates.NONE : dates.getOrDefault(element, RawDates.NONE);
            draft.published = Dates.parse(raw.published());
            draft.updated = Dates.parse(raw.updated());
            com.rometools.rome.feed.atom.Content content = entry.getContents().isEmpty() ? null : entry.getContents().get(0);
            com.rometools.rome.feed.atom.Content summary = entry.getSummary();
            if (content != null && content.getValue() != null && !content.getValue().isBlank()) {
                setBody(draft, content);
                draft.summary = summary == null ? null : summary.getValue();
            } else if (summary != null) {
                setBody(draft, summary);
            }
            Element contentElement = element == null ? null : element.getChild("content", ATOM);
            draft.language = firstNonBlank(contentElement == null ? null : contentElement.getAttributeValue("lang", Namespace.XML_NAMESPACE),
                    element == null ? xmlLang(root) : xmlLang(element), feed.getLanguage(), context.headerLanguage());
            for (Link link : entry.getOtherLinks()) {
                if ("enclosure".equals(link.getRel())) {
                    addMedia(draft, Urls.resolve(entryBase, link.getHref()), link.getType(), null, null, null, null, null);
                }
            }
            if (element != null) {
                mediaRss(element, draft);
            }
            drafts.add(draft);
        }
        return drafts;
    }

    private static void setBody(ItemDraft draft, com.rometools.rome.feed.atom.Content content) {
        String type = content.getType() == null ? "text" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            draft.bodyText = content.getValue();
        } else {
            draft.bodyHtml = content.getValue();
        }
    }

    private static String alternateLink(Entry entry) {
        for (Link link : entry.getAlternateLinks()) {
            if (link.getHref() != null && (link.getType() == null || link.getType().contains("html"))) {
                return link.getHref();
            }
        }
        return entry.getAlternateLinks().isEmpty() ? null : entry.getAlternateLinks().get(0).getHref();
    }

    /** Media RSS: {@code media:content} and {@code media:thumbnail}, directly or inside {@code media:group}. */
    private static void mediaRss(Element item, ItemDraft draft) {
        List<Element> candidates = new ArrayList<>(item.getChildren("content", MEDIA));
        for (Element group : item.getChildren("group", MEDIA)) {
            candidates.addAll(group.getChildren("content", MEDIA));
        }
        for (Element media : candidates) {
            String type = firstNonBlank(media.getAttributeValue("type"), media.getAttributeValue("medium"));
            addMedia(draft, Urls.resolve(draft.baseUri, media.getAttributeValue("url")), type,
                    firstNonBlank(media.getChildText("description", MEDIA), media.getChildText("title", MEDIA)),
                    media.getChildText("credit", MEDIA), media.getAttributeValue("width"), media.getAttributeValue("height"), null);
        }
        for (Element thumbnail : item.getChildren("thumbnail", MEDIA)) {
            addMedia(draft, Urls.resolve(draft.baseUri, thumbnail.getAttributeValue("url")), "image", null, null,
                    thumbnail.getAttributeValue("width"), thumbnail.getAttributeValue("height"), null);
        }
    }

    static void addMedia(ItemDraft draft, String url, String type, String caption, String credit, String width, String height,
                         String mimeHint) {
        if (!Urls.isHttp(url) || draft.media.stream().anyMatch(m -> m.getUrl().equals(url))) {
            return;
        }
        String lowerType = type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
        MediaKind kind = lowerType.startsWith("image") ? MediaKind.IMAGE
                : lowerType.startsWith("video") ? MediaKind.VIDEO
                : lowerType.startsWith("audio") ? MediaKind.AUDIO
                : looksLikeImage(url) ? MediaKind.IMAGE : MediaKind.OTHER;
        String mime = lowerType.contains("/") ? lowerType : mimeHint;
        draft.media.add(Media.newBuilder()
                .setKind(kind)
                .setUrl(url)
                .setMimeType(mime)
                .setCaption(BodyBuilder.emptyToNull(ArticleAssembler.plainTextOf(caption)))
                .setCredit(BodyBuilder.emptyToNull(ArticleAssembler.plainTextOf(credit)))
                .setWidth(BodyBuilder.dimension(width))
                .setHeight(BodyBuilder.dimension(height))
                .build());
    }

    private static boolean looksLikeImage(String url) {
        String path = url.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return path.endsWith(".jpg") || path.endsWith(".jpeg") || path.endsWith(".png") || path.endsWith(".gif") || path.endsWith(".webp")
                || path.endsWith(".avif");
    }

    /** An item's date strings as written, before Rome sees them. */
    private record RawDates(String published, String updated) {
        static final RawDates NONE = new RawDates(null, null);
    }

    /**
     * Takes the date elements out of every item and remembers their text. Rome parses each date with a freshly compiled
     * {@code SimpleDateFormat} per mask, which made dates most of the cost of a large feed, and its masks are stricter than
     * {@link Dates}; so ingest reads the strings itself and Rome never sees them.
     */
    private static Map<Element, RawDates> detachDates(Element root, List<Element> items) {
        Map<Element, RawDates> dates = new IdentityHashMap<>();
        for (Element item : items) {
            String published = null;
            String updated = null;
            List<Element> dateElements = new ArrayList<>();
            for (Element child : item.getChildren()) {
                String name = child.getName();
                String uri = child.getNamespaceURI();
                boolean atom = uri.equals(ATOM.getURI());
                if ((name.equals("pubDate") && !atom) || (name.equals("published") && atom) || (name.equals("date") && uri.equals(DC.getURI()))
                        || (name.equals("issued") && uri.equals(DCTERMS.getURI()))) {
                    published = published == null ? child.getTextTrim() : published;
                    dateElements.add(child);
                } else if ((name.equals("updated") && atom) || (name.equals("modified") && (uri.equals(DCTERMS.getURI()) || atom))) {
                    updated = updated == null ? child.getTextTrim() : updated;
                    dateElements.add(child);
                }
            }
            dateElements.forEach(Element::detach);
            if (published == null && updated != null && root.getName().equals("feed")) {
                published = updated;
            }
            dates.put(item, new RawDates(published, updated));
        }
        return dates;
    }

    /**
     * Takes the feed-level dates ({@code lastBuildDate}, {@code pubDate}, {@code dc:date}, Atom {@code updated}) out
     * before Rome maps the feed: ingest never reads them, and Rome's date parsing (see {@link #detachDates}) cost
     * as much as the rest of the mapping.
     */
    private static void detachFeedDates(Element root) {
        Element channel = root.getChild("channel", root.getNamespace());
        for (Element scope : channel == null ? List.of(root) : List.of(root, channel)) {
            List<Element> dateElements = new ArrayList<>();
            for (Element child : scope.getChildren()) {
                if (isFeedDate(child)) {
                    dateElements.add(child);
                }
            }
            dateElements.forEach(Element::detach);
        }
    }

    private static boolean isFeedDate(Element element) {
        String name = element.getName();
        String uri = element.getNamespaceURI();
        if (uri.equals(DC.getURI()) || uri.equals(DCTERMS.getURI())) {
            return name.equals("date") || name.equals("issued") || name.equals("modified") || name.equals("created");
        }
        return name.equals("pubDate") || name.equals("lastBuildDate") || name.equals("updated") || name.equals("published")
                || name.equals("modified") || name.equals("issued") || name.equals("created");
    }

    /** The in-scope {@code xml:base}, resolved through every ancestor against the document URI; {@code null} if none is set. */
    private static String xmlBase(Element element, String documentBase) {
        List<String> bases = new ArrayList<>();
        for (Element current = element; current != null; current = current.getParentElement()) {
            String base = current.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null && !base.isBlank()) {
                bases.add(0, base.strip());
            }
        }
        if (bases.isEmpty()) {
            return null;
        }
        String resolved = documentBase;
        for (String base : bases) {
            String next = Urls.resolve(resolved, base);
            resolved = next == null ? resolved : next;
        }
        return resolved;
    }

    private static String xmlLang(Element element) {
        for (Element current = element; current != null; current = current.getParentElement()) {
            String lang = current.getAttributeValue("lang", Namespace.XML_NAMESPACE);
            if (lang != null && !lang.isBlank()) {
                return lang;
            }
        }
        return null;
    }

    /** "jane@example.com (Jane Doe)" → "Jane Doe"; a bare address is not a name and gives {@code null}. */
    private static String authorName(String author) {
        String value = author.strip();
        int open = value.indexOf('(');
        int close = value.lastIndexOf(')');
        if (open >= 0 && close > open) {
            return value.substring(open + 1, close);
        }
        return value.contains("@") && !value.contains(" ") ? null : value;
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
