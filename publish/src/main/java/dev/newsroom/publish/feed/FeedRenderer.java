package dev.newsroom.publish.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.newsroom.publish.outlet.FeedOutlet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a feed outlet's items as RSS 2.0 and Atom 1.0 (with Rome) and JSON Feed 1.1 (with Jackson).
 *
 * <p>Language and direction: RSS carries the feed's {@code <language>}; Atom carries {@code xml:lang} on the feed
 * and on every entry, and {@code dir="rtl"} on a right-to-left feed (the attribute of the Atom bidi draft,
 * draft-snell-atompub-bidi); JSON Feed carries {@code language} on the feed and every item. In all three the HTML
 * content is wrapped in a {@code div} with {@code lang} and, for Arabic and other right-to-left languages,
 * {@code dir="rtl"}, which is what browsers and readers act on.
 */
public final class FeedRenderer {

    public static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String GENERATOR = "newsroom publish";

    private FeedRenderer() {
    }

    /** Where the feeds are served; {@code base} is the public URL of the service's {@code /feeds/}, or null. */
    private static String feedUrl(URI base, FeedOutlet outlet, String extension) {
        return base == null ? null : base.resolve(outlet.name() + "." + extension).toString();
    }

    public static byte[] rss(FeedOutlet outlet, List<FeedItem> items, Instant now) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(outlet.title());
        channel.setLink(outlet.link().toString());
        channel.setDescription(outlet.description());
        channel.setLanguage(outlet.language());
        channel.setGenerator(GENERATOR);
        channel.setLastBuildDate(Date.from(now));
        channel.setPubDate(Date.from(items.isEmpty() ? now : items.get(0).published()));
        List<Item> rssItems = new ArrayList<>();
        for (FeedItem feedItem : items) {
            Item item = new Item();
            item.setTitle(feedItem.title());
            item.setLink(feedItem.link());
            Guid guid = new Guid();
            guid.setValue(feedItem.id());
            guid.setPermaLink(false);
            item.setGuid(guid);
            Description description = new Description();
            description.setType("text/html");
            description.setValue(feedItem.contentHtml());
            item.setDescription(description);
            item.setPubDate(Date.from(feedItem.published()));
            List<Category> categories = new ArrayList<>();
            for (String tag : feedItem.tags()) {
                Category category = new Category();
                category.setValue(tag);
                categories.add(category);
            }
            item.setCategories(categories);
            rssItems.add(item);
        }
        channel.setItems(rssItems);
        return xml(document(channel));
    }

    public static byte[] atom(FeedOutlet outlet, List<FeedItem> items, Instant now, URI base) {
        Feed feed = new Feed("atom_1.0");
        feed.setId("urn:newsroom:feed:" + outlet.name());
        Content title = new Content();
        title.setType("text");
        title.setValue(outlet.title());
        feed.setTitleEx(title);
        Content subtitle = new Content();
        subtitle.setType("text");
        subtitle.setValue(outlet.description());
        feed.setSubtitle(subtitle);
        feed.setUpdated(Date.from(items.stream().map(FeedItem::updated).max(Instant::compareTo).orElse(now)));
        List<Link> links = new ArrayList<>();
        links.add(link("alternate", outlet.link().toString(), "text/html"));
        String self = feedUrl(base, outlet, "atom");
        if (self != null) {
            links.add(link("self", self, "application/atom+xml"));
        }
        feed.setAlternateLinks(links.subList(0, 1));
        feed.setOtherLinks(links.subList(1, links.size()));
        feed.setAuthors(List.of(person(outlet.title())));
        com.rometools.rome.feed.atom.Generator generator = new com.rometools.rome.feed.atom.Generator();
        generator.setValue(GENERATOR);
        feed.setGenerator(generator);
        List<Entry> entries = new ArrayList<>();
        for (FeedItem item : items) {
            Entry entry = new Entry();
            entry.setId(item.id());
            Content entryTitle = new Content();
            entryTitle.setType("text");
            entryTitle.setValue(item.title());
            entry.setTitleEx(entryTitle);
            entry.setPublished(Date.from(item.published()));
            entry.setUpdated(Date.from(item.updated()));
            if (item.link() != null) {
                entry.setAlternateLinks(List.of(link("alternate", item.link(), "text/html")));
            }
            if (!item.authors().isEmpty()) {
                entry.setAuthors(item.authors().stream().<SyndPerson>map(FeedRenderer::person).toList());
            }
            if (item.summary() != null) {
                Content summary = new Content();
                summary.setType("text");
                summary.setValue(item.summary());
                entry.setSummary(summary);
            }
            Content content = new Content();
            content.setType("html");
            content.setValue(item.contentHtml());
            entry.setContents(List.of(content));
            List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
            for (String tag : item.tags()) {
                com.rometools.rome.feed.atom.Category category = new com.rometools.rome.feed.atom.Category();
                category.setTerm(tag);
                categories.add(category);
            }
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        Document document = document(feed);
        Element root = document.getRootElement();
        if (outlet.language() != null) {
            root.setAttribute("lang", outlet.language(), Namespace.XML_NAMESPACE);
        }
        if (FeedItem.isRightToLeft(outlet.language())) {
            root.setAttribute("dir", "rtl");
        }
        List<Element> entryElements = root.getChildren("entry", root.getNamespace());
        for (int i = 0; i < entryElements.size(); i++) {
            String language = items.get(i).language();
            if (language != null) {
                entryElements.get(i).setAttribute("lang", language, Namespace.XML_NAMESPACE);
            }
        }
        return xml(document);
    }

    public static byte[] jsonFeed(FeedOutlet outlet, List<FeedItem> items, URI base) {
        ObjectNode feed = JSON.createObjectNode()
                .put("version", JSON_FEED_VERSION)
                .put("title", outlet.title())
                .put("home_page_url", outlet.link().toString());
        String self = feedUrl(base, outlet, "json");
        if (self != null) {
            feed.put("feed_url", self);
        }
        feed.put("description", outlet.description());
        if (outlet.language() != null) {
            feed.put("language", outlet.language());
        }
        ArrayNode list = feed.putArray("items");
        for (FeedItem item : items) {
            ObjectNode node = list.addObject().put("id", item.id());
            if (item.link() != null) {
                node.put("url", item.link());
            }
            node.put("title", item.title());
            node.put("content_html", item.contentHtml());
            if (item.summary() != null) {
                node.put("summary", item.summary());
            }
            node.put("date_published", DateTimeFormatter.ISO_INSTANT.format(item.published()));
            node.put("date_modified", DateTimeFormatter.ISO_INSTANT.format(item.updated()));
            if (!item.authors().isEmpty()) {
                ArrayNode authors = node.putArray("authors");
                item.authors().forEach(name -> authors.addObject().put("name", name));
            }
            if (!item.tags().isEmpty()) {
                ArrayNode tags = node.putArray("tags");
                item.tags().forEach(tags::add);
            }
            if (item.language() != null) {
                node.put("language", item.language());
            }
        }
        try {
            return JSON.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree is always serialisable", e);
        }
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static Person person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    private static Document document(WireFeed feed) {
        try {
            return new WireFeedOutput().outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused a feed we built: " + e.getMessage(), e);
        }
    }

    private static byte[] xml(Document document) {
        Format format = Format.getPrettyFormat().setEncoding(StandardCharsets.UTF_8.name());
        return new XMLOutputter(format).outputString(document).getBytes(StandardCharsets.UTF_8);
    }
}
