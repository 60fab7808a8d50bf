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
import java.util.Locale;
import java.util.Map;

/**
 * IPTC ninjs 1.x and 2.x items: one object, or an array of them.
 *
 * <p>1.x fields ({@code headline}, {@code body_html}/{@code body_text}, {@code description_text}/{@code
 * description_html}, {@code byline}, {@code subject}, {@code altids} as an object) and 2.x fields ({@code headlines},
 * {@code bodies}, {@code descriptions}, {@code by}, {@code subjects}, {@code altids} as an array) are both read; for
 * role-tagged arrays the {@code main} role (or else the first entry) wins. Picture associations with renditions
 * become media.
 */
public final class NinjsReader implements FormatReader {

    /** Whether a JSON object looks like a ninjs item. */
    public static boolean isNinjs(JsonNode node) {
        JsonNode item = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        if (!item.isObject()) {
            return false;
        }
        return item.has("uri") || item.has("headlines") || item.has("headline") || item.has("bodies")
                || item.has("body_html") || item.has("body_text") || item.has("versioncreated");
    }

    @Override
    public List<ItemDraft> read(DocumentText document, ParseContext context, List<String> warnings) {
        return read(document.json(), context);
    }

    List<ItemDraft> read(JsonNode root, ParseContext context) {
        List<JsonNode> items = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(items::add);
        } else {
            items.add(root);
        }
        if (items.size() > context.limits().maxItems()) {
            throw new RejectedDocumentException(Reason.TOO_MANY_ITEMS, context.describe() + " has " + items.size()
                    + " ninjs items, more than the limit of " + context.limits().maxItems() + "; it was not parsed");
        }
        List<ItemDraft> drafts = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            drafts.add(item(items.get(index), index, context));
        }
        return drafts;
    }

    private static ItemDraft item(JsonNode item, int index, ParseContext context) {
        ItemDraft draft = new ItemDraft(index);
        if (!item.isObject()) {
            return draft;
        }
        String uri = JsonFeedReader.text(item, "uri");
        if (uri != null) {
            draft.guid = uri.strip();
            draft.addAltId("ninjs-uri", draft.guid);
        }
        altIds(item.get("altids"), draft);
        String webUrl = webLink(item);
        draft.link = Urls.isHttp(webUrl) ? webUrl : null;
        draft.baseUri = XmlFeedReader.firstNonBlank(draft.link, context.documentUri());
        draft.headline = XmlFeedReader.firstNonBlank(roleValue(item.get("headlines"), "main"), JsonFeedReader.text(item, "headline"));
        JsonNode body = roleEntry(item.get("bodies"), "main");
        if (body != null) {
            String contentType = JsonFeedReader.text(body, "contenttype");
            String value = JsonFeedReader.text(body, "value");
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("plain")) {
                draft.bodyText = value;
            } else {
                draft.bodyHtml = value;
            }
        }
        if (!draft.hasBody()) {
            draft.bodyHtml = JsonFeedReader.text(item, "body_html");
            if (draft.bodyHtml == null) {
                draft.bodyText = JsonFeedReader.text(item, "body_text");
            }
        }
        draft.summary = XmlFeedReader.firstNonBlank(roleValue(item.get("descriptions"), "summary"),
                JsonFeedReader.text(item, "description_text"), JsonFeedReader.text(item, "description_html"));
        String by = XmlFeedReader.firstNonBlank(JsonFeedReader.text(item, "by"), JsonFeedReader.text(item, "byline"));
        if (by != null) {
            draft.addByline(by);
        }
        for (JsonNode person : item.path("people")) {
            if ("author".equalsIgnoreCase(JsonFeedReader.text(person, "rel")) || "author".equalsIgnoreCase(JsonFeedReader.text(person, "role"))) {
                draft.addByline(JsonFeedReader.text(person, "name"));
            }
        }
        draft.published = Dates.parse(XmlFeedReader.firstNonBlank(JsonFeedReader.text(item, "firstcreated"),
                JsonFeedReader.text(item, "versioncreated")));
        draft.updated = Dates.parse(JsonFeedReader.text(item, "versioncreated"));
        for (String field : List.of("subjects", "subject", "genres", "genre")) {
            for (JsonNode subject : item.path(field)) {
                draft.addCategory(subject.isTextual() ? subject.asText() : JsonFeedReader.text(subject, "name"));
            }
        }
        draft.language = XmlFeedReader.firstNonBlank(JsonFeedReader.text(item, "language"), context.headerLanguage());
        pictures(item.get("associations"), draft);
        return draft;
    }

    /** A {@code web}/{@code canonical} link from 2.x {@code links}, or an http(s) {@code uri}. */
    private static String webLink(JsonNode item) {
        for (JsonNode link : item.path("links")) {
            String rel = JsonFeedReader.text(link, "rel");
            if (rel != null && (rel.contains("canonical") || rel.endsWith("/web") || rel.equals("alternate"))) {
                return JsonFeedReader.text(link, "href");
            }
        }
        String uri = JsonFeedReader.text(item, "uri");
        return Urls.isHttp(uri) ? uri : null;
    }

    private static void altIds(JsonNode altIds, ItemDraft draft) {
        if (altIds == null) {
            return;
        }
        if (altIds.isArray()) {
            for (JsonNode altId : altIds) {
                draft.addAltId(XmlFeedReader.firstNonBlank(JsonFeedReader.text(altId, "role"), "altid"), JsonFeedReader.text(altId, "value"));
            }
        } else if (altIds.isObject()) {
            for (Map.Entry<String, JsonNode> field : altIds.properties()) {
                draft.addAltId(field.getKey(), field.getValue().asText());
            }
        }
    }

    private static void pictures(JsonNode associations, ItemDraft draft) {
        if (associations == null) {
            return;
        }
        List<JsonNode> pictures = new ArrayList<>();
        if (associations.isArray()) {
            associations.forEach(pictures::add);
        } else if (associations.isObject()) {
            associations.forEach(pictures::add);
        }
        for (JsonNode picture : pictures) {
            String type = JsonFeedReader.text(picture, "type");
            if (type != null && !type.equals("picture") && !type.equals("graphic")) {
                continue;
            }
            JsonNode rendition = bestRendition(picture.get("renditions"));
            String href = rendition == null ? JsonFeedReader.text(picture, "uri") : JsonFeedReader.text(rendition, "href");
            String caption = XmlFeedReader.firstNonBlank(roleValue(picture.get("descriptions"), "caption"),
                    JsonFeedReader.text(picture, "description_text"), roleValue(picture.get("headlines"), "main"),
                    JsonFeedReader.text(picture, "headline"));
            String credit = XmlFeedReader.firstNonBlank(JsonFeedReader.text(picture, "copyrightnotice"), JsonFeedReader.text(picture, "by"),
                    JsonFeedReader.text(picture, "byline"));
            draft.addMedia(Urls.resolve(draft.baseUri, href), "image", caption, credit,
                    rendition == null ? null : JsonFeedReader.text(rendition, "width"),
                    rendition == null ? null : JsonFeedReader.text(rendition, "height"),
                    rendition == null ? null : JsonFeedReader.text(rendition, "mimetype"));
        }
    }

    /** The {@code original} rendition, else the widest. 1.x keys renditions by name, 2.x lists them with a {@code name}. */
    private static JsonNode bestRendition(JsonNode renditions) {
        if (renditions == null) {
            return null;
        }
        JsonNode best = null;
        List<JsonNode> all = new ArrayList<>();
        if (renditions.isObject()) {
            for (Map.Entry<String, JsonNode> entry : renditions.properties()) {
                if (entry.getKey().equals("original")) {
                    return entry.getValue();
                }
                all.add(entry.getValue());
            }
        } else {
            for (JsonNode rendition : renditions) {
                if ("original".equals(JsonFeedReader.text(rendition, "name"))) {
                    return rendition;
                }
                all.add(rendition);
            }
        }
        for (JsonNode rendition : all) {
            if (best == null || rendition.path("width").asInt(0) > best.path("width").asInt(0)) {
                best = rendition;
            }
        }
        return best;
    }

    private static JsonNode roleEntry(JsonNode entries, String role) {
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            return null;
        }
        for (JsonNode entry : entries) {
            if (role.equals(JsonFeedReader.text(entry, "role"))) {
                return entry;
            }
        }
        return entries.get(0);
    }

    private static String roleValue(JsonNode entries, String role) {
        JsonNode entry = roleEntry(entries, role);
        return entry == null ? null : JsonFeedReader.text(entry, "value");
    }
}
