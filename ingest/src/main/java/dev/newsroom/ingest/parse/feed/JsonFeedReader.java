package dev.newsroom.ingest.parse.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.ingest.parse.draft.FormatReader;
import dev.newsroom.ingest.parse.draft.ItemDraft;
import dev.newsroom.ingest.parse.draft.ParseContext;
import dev.newsroom.ingest.parse.text.Dates;
import dev.newsroom.ingest.parse.text.Urls;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
public final class JsonFeedReader implements FormatReader {

    /** Whether a JSON document is a JSON Feed: its {@code version} says so, or it has {@code items} and feed fields. */
    public static boolean isJsonFeed(JsonNode root) {
        if (!root.isObject()) {
            return false;
        }
        if (root.path("version").asText("").contains("jsonfeed.org")) {
            return true;
        }
        return root.path("items").isArray() && (root.has("feed_url") || root.has("home_page_url") || root.has("title"));
    }

    @Override
    public List<ItemDraft> read(DocumentText document, ParseContext context, List<String> warnings) {
        return read(document.json(), context);
    }

    List<ItemDraft> read(JsonNode root, ParseContext context) {
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new RejectedDocumentException(Reason.MALFORMED, context.describe() + " is a JSON Feed without an 'items' array");
        }
        if (items.size() > context.limits().maxItems()) {
            throw new RejectedDocumentException(Reason.TOO_MANY_ITEMS, context.describe() + " has " + items.size()
                    + " items, more than the limit of " + context.limits().maxItems() + "; it was not parsed");
        }
        String feedBase = XmlFeedReader.firstNonBlank(Urls.resolve(context.documentUri(), text(root, "home_page_url")), context.documentUri());
        String feedLanguage = text(root, "language");
        List<ItemDraft> drafts = new ArrayList<>(items.size());
        int index = 0;
        for (JsonNode item : items) {
            ItemDraft draft = new ItemDraft(index++);
            if (!item.isObject()) {
                drafts.add(draft);
                continue;
            }
            String id = item.hasNonNull("id") ? item.get("id").asText() : null;
            if (id != null && !id.isBlank()) {
                draft.guid = id.strip();
                draft.addAltId("jsonfeed-id", draft.guid);
            }
            draft.link = Urls.resolve(feedBase, XmlFeedReader.firstNonBlank(text(item, "url"), text(item, "external_url")));
            draft.baseUri = XmlFeedReader.firstNonBlank(draft.link, feedBase);
            draft.headline = text(item, "title");
            String html = text(item, "content_html");
            if (html != null) {
                draft.bodyHtml = html;
            } else {
                draft.bodyText = text(item, "content_text");
            }
            draft.summary = text(item, "summary");
            draft.published = Dates.parse(text(item, "date_published"));
            draft.updated = Dates.parse(text(item, "date_modified"));
            JsonNode authors = item.has("authors") || item.has("author") ? item : root;
            authors(authors).forEach(draft::addByline);
            for (JsonNode tag : item.path("tags")) {
                draft.addCategory(tag.asText());
            }
            draft.language = XmlFeedReader.firstNonBlank(text(item, "language"), feedLanguage, context.headerLanguage());
            draft.addMedia(Urls.resolve(draft.baseUri, text(item, "image")), "image", null, null, null, null, null);
            draft.addMedia(Urls.resolve(draft.baseUri, text(item, "banner_image")), "image", null, null, null, null, null);
            for (JsonNode attachment : item.path("attachments")) {
                draft.addMedia(Urls.resolve(draft.baseUri, text(attachment, "url")), text(attachment, "mime_type"),
                        text(attachment, "title"), null, null, null, null);
            }
            drafts.add(draft);
        }
        return drafts;
    }

    /** JSON Feed 1.1 {@code authors} array, or 1.0's single {@code author} object. */
    private static List<String> authors(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (JsonNode author : node.path("authors")) {
            String name = text(author, "name");
            if (name != null) {
                names.add(name);
            }
        }
        String single = text(node.path("author"), "name");
        if (names.isEmpty() && single != null) {
            names.add(single);
        }
        return names;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
