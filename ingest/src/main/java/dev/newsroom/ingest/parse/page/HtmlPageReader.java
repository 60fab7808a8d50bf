package dev.newsroom.ingest.parse.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.ingest.parse.body.JunkRules;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.ingest.parse.draft.FormatReader;
import dev.newsroom.ingest.parse.draft.ItemDraft;
import dev.newsroom.ingest.parse.draft.ParseContext;
import dev.newsroom.ingest.parse.feed.JsonFeedReader;
import dev.newsroom.ingest.parse.feed.XmlFeedReader;
import dev.newsroom.ingest.parse.text.Dates;
import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.ingest.parse.text.Urls;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * An HTML article page: metadata from JSON-LD ({@code NewsArticle}, {@code Article} and kin), Open Graph,
 * {@code <meta>}, {@code <time datetime>} and {@code <link rel=canonical>}, in that order of trust; the body from
 * {@link ArticleExtractor}, checked against the JSON-LD {@code articleBody} when the page states one
 * ({@link PublishedBodyCheck}). A page without an article is {@code NO_ARTICLE}, unless its JSON-LD carries an
 * {@code articleBody}, which is then used as plain text.
 */
public final class HtmlPageReader implements FormatReader {

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
            "liveblogposting", "socialmediaposting", "scholarlyarticle", "techarticle", "report", "webpage");
    private static final Evaluator META = QueryParser.parse("meta[content]");
    private static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
    private static final Evaluator CANONICAL = QueryParser.parse("link[rel=canonical][href]");
    private static final Evaluator SHORTLINK = QueryParser.parse("link[rel=shortlink][href]");
    private static final Evaluator TAG_LINKS = QueryParser.parse("a[rel=tag]");
    private static final Evaluator AUTHOR_LINKS = QueryParser.parse("[rel=author], [itemprop=author] [itemprop=name], .byline .author, .author-name");
    private static final Evaluator TIMES = QueryParser.parse("time[datetime]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)(by|par|بقلم|بواسطة)\\s+");

    private final ObjectMapper json;

    public HtmlPageReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<ItemDraft> read(DocumentText document, ParseContext context, List<String> warnings) {
        return List.of(read(document.text(), context));
    }

    public ItemDraft read(String text, ParseContext context) {
        String baseUri = context.documentUri() == null ? "" : context.documentUri();
        Document document = PageHtml.parse(text, baseUri);
        Metadata meta = Metadata.of(document);
        JsonNode ld = articleJsonLd(document);
        ItemDraft draft = new ItemDraft(0);

        String canonical = XmlFeedReader.firstNonBlank(attrAbs(document.selectFirst(CANONICAL), "href"),
                meta.first("og:url"), ldUrl(ld, "mainEntityOfPage"), ldUrl(ld, "url"));
        draft.link = Urls.resolve(document.baseUri(), XmlFeedReader.firstNonBlank(canonical, context.documentUri()));
        draft.baseUri = XmlFeedReader.firstNonBlank(document.baseUri(), draft.link);
        Element shortlink = document.selectFirst(SHORTLINK);
        if (shortlink != null) {
            draft.addAltId("shortlink", shortlink.absUrl("href"));
        }
        Element html = document.getElementsByTag("html").first();
        draft.language = XmlFeedReader.firstNonBlank(html == null ? null : html.attr("lang"), html == null ? null : html.attr("xml:lang"),
                JsonFeedReader.text(ldOrEmpty(ld), "inLanguage"), meta.first("og:locale"), meta.first("content-language"),
                meta.first("language"), meta.first("dc.language"), context.headerLanguage());
        draft.headline = XmlFeedReader.firstNonBlank(JsonFeedReader.text(ldOrEmpty(ld), "headline"), meta.first("og:title"),
                meta.first("twitter:title"), firstText(document, H1), cleanTitle(document.title(), meta.first("og:site_name")));
        authors(ld, meta, document).forEach(draft::addByline);
        draft.published = firstDate(JsonFeedReader.text(ldOrEmpty(ld), "datePublished"), meta.first("article:published_time"),
                meta.first("datepublished"), meta.first("pubdate"), meta.first("publishdate"), meta.first("publish-date"),
                meta.first("parsely-pub-date"), meta.first("sailthru.date"), meta.first("dc.date.issued"), meta.first("dc.date"),
                meta.first("date"), publishedTime(document));
        draft.updated = firstDate(JsonFeedReader.text(ldOrEmpty(ld), "dateModified"), meta.first("article:modified_time"),
                meta.first("og:updated_time"), meta.first("datemodified"), meta.first("last-modified"));
        draft.summary = XmlFeedReader.firstNonBlank(meta.first("og:description"), meta.first("description"),
                meta.first("twitter:description"), JsonFeedReader.text(ldOrEmpty(ld), "description"));
        categories(ld, meta, document, draft);
        leadImages(ld, meta, document, draft);

        // Read before extraction, which prunes the document.
        List<String> titles = Arrays.asList(draft.headline, meta.first("og:title"),
                meta.first("twitter:title"), document.title(), cleanTitle(document.title(), meta.first("og:site_name")));
        ArticleExtractor.Extraction extraction = ArticleExtractor.extract(document, () -> PageHtml.parse(text, baseUri));
        String articleBody = JsonFeedReader.text(ldOrEmpty(ld), "articleBody");
        if (extraction != null) {
            if (articleBody != null) {
                PublishedBodyCheck.apply(extraction.content(), articleBody);
            }
            RepeatedTitle.remove(extraction.content(), titles);
            draft.bodyElement = extraction.content();
        } else {
            if (articleBody == null) {
                throw new RejectedDocumentException(Reason.NO_ARTICLE, context.describe() + " is an HTML page without an article: "
                        + "no block of prose of at least " + ArticleExtractor.MIN_ARTICLE_CHARS
                        + " characters (Han, kana and hangul counting three) outside navigation, link lists and boilerplate");
            }
            draft.bodyText = articleBody;
        }
        return draft;
    }

    /** Meta tags by lower-cased {@code property}, {@code name}, {@code itemprop} or {@code http-equiv}, all values in order. */
    private record Metadata(Map<String, List<String>> values) {

        static Metadata of(Document document) {
            Map<String, List<String>> values = new HashMap<>();
            for (Element meta : document.select(META)) {
                String content = meta.attr("content").strip();
                if (content.isEmpty()) {
                    continue;
                }
                for (String key : List.of("property", "name", "itemprop", "http-equiv")) {
                    String name = meta.attr(key).strip().toLowerCase(Locale.ROOT);
                    if (!name.isEmpty()) {
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(content);
                    }
                }
            }
            return new Metadata(values);
        }

        String first(String name) {
            List<String> list = values.get(name);
            return list == null ? null : list.get(0);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }
    }

    private JsonNode articleJsonLd(Document document) {
        JsonNode fallback = null;
        for (Element script : document.select(JSON_LD)) {
            JsonNode root;
            try {
                root = json.readTree(script.data().strip());
            } catch (JsonProcessingException e) {
                continue;
            }
            List<JsonNode> nodes = new ArrayList<>();
            collectNodes(root, nodes, 0);
            for (JsonNode node : nodes) {
                String type = typeOf(node);
                if (type == null || !ARTICLE_TYPES.contains(type)) {
                    continue;
                }
                if (!type.equals("webpage")) {
                    return node;
                }
                if (fallback == null) {
                    fallback = node;
                }
            }
        }
        return fallback;
    }

    private static void collectNodes(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collectNodes(child, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            collectNodes(node.get("@graph"), out, depth + 1);
        }
    }

    /** The lower-cased schema.org type of a node; for a list of types, the first article type among them. */
    private static String typeOf(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return null;
        }
        if (type.isArray()) {
            String first = null;
            for (JsonNode entry : type) {
                String name = entry.asText().toLowerCase(Locale.ROOT);
                if (ARTICLE_TYPES.contains(name) && !name.equals("webpage")) {
                    return name;
                }
                first = first == null ? name : first;
            }
            return first;
        }
        return type.asText().toLowerCase(Locale.ROOT);
    }

    private static JsonNode ldOrEmpty(JsonNode ld) {
        return ld == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : ld;
    }

    private static String ldUrl(JsonNode ld, String field) {
        if (ld == null || !ld.has(field)) {
            return null;
        }
        JsonNode value = ld.get(field);
        if (value.isTextual()) {
            return value.asText();
        }
        return XmlFeedReader.firstNonBlank(JsonFeedReader.text(value, "@id"), JsonFeedReader.text(value, "url"));
    }

    private static List<String> authors(JsonNode ld, Metadata meta, Document document) {
        List<String> names = new ArrayList<>();
        if (ld != null) {
            JsonNode author = ld.get("author");
            if (author != null) {
                if (author.isArray()) {
                    author.forEach(entry -> addAuthor(entry, names));
                } else {
                    addAuthor(author, names);
                }
            }
        }
        if (names.isEmpty()) {
            for (String name : List.of("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")) {
                for (String value : meta.all(name)) {
                    if (!Urls.isHttp(value)) {
                        names.add(BY_PREFIX.matcher(value).replaceFirst(""));
                    }
                }
                if (!names.isEmpty()) {
                    break;
                }
            }
        }
        if (names.isEmpty()) {
            for (Element author : document.select(AUTHOR_LINKS)) {
                String name = TextNormalizer.normalize(author.text());
                if (!name.isEmpty() && name.length() < 80) {
                    names.add(name);
                    break;
                }
            }
        }
        return names;
    }

    private static void addAuthor(JsonNode author, List<String> names) {
        String name = author.isTextual() ? author.asText() : JsonFeedReader.text(author, "name");
        if (name != null && !Urls.isHttp(name)) {
            names.add(name);
        }
    }

    private static void categories(JsonNode ld, Metadata meta, Document document, ItemDraft draft) {
        meta.all("article:section").forEach(draft::addCategory);
        meta.all("article:tag").forEach(draft::addCategory);
        if (ld != null) {
            JsonNode section = ld.get("articleSection");
            if (section != null) {
                if (section.isArray()) {
                    section.forEach(entry -> draft.addCategory(entry.asText()));
                } else {
                    draft.addCategory(section.asText());
                }
            }
            JsonNode keywords = ld.get("keywords");
            if (keywords != null && keywords.isArray()) {
                keywords.forEach(entry -> draft.addCategory(entry.asText()));
            } else if (keywords != null && keywords.isTextual()) {
                splitKeywords(keywords.asText(), draft);
            }
        }
        for (String name : List.of("keywords", "news_keywords")) {
            for (String value : meta.all(name)) {
                splitKeywords(value, draft);
            }
        }
        for (Element tag : document.select(TAG_LINKS)) {
            draft.addCategory(tag.text());
        }
    }

    private static void splitKeywords(String value, ItemDraft draft) {
        for (String keyword : value.split(",")) {
            draft.addCategory(keyword);
        }
    }

    private static void leadImages(JsonNode ld, Metadata meta, Document document, ItemDraft draft) {
        if (ld != null && ld.has("image")) {
            JsonNode image = ld.get("image");
            JsonNode first = image.isArray() && !image.isEmpty() ? image.get(0) : image;
            String url = first.isTextual() ? first.asText() : JsonFeedReader.text(first, "url");
            String caption = first.isObject() ? JsonFeedReader.text(first, "caption") : null;
            draft.addMedia(Urls.resolve(document.baseUri(), url), "image", caption, null,
                    first.isObject() ? JsonFeedReader.text(first, "width") : null,
                    first.isObject() ? JsonFeedReader.text(first, "height") : null, null);
        }
        String ogImage = XmlFeedReader.firstNonBlank(meta.first("og:image:secure_url"), meta.first("og:image"), meta.first("og:image:url"));
        if (ogImage != null) {
            draft.addMedia(Urls.resolve(document.baseUri(), ogImage), XmlFeedReader.firstNonBlank(meta.first("og:image:type"), "image"),
                    meta.first("og:image:alt"), null, meta.first("og:image:width"), meta.first("og:image:height"), null);
        }
    }

    private static java.time.Instant firstDate(String... candidates) {
        for (String candidate : candidates) {
            java.time.Instant parsed = Dates.parse(candidate);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    /** A {@code <time datetime>} marked as the publication time, else the first one in an {@code <article>}. */
    private static String publishedTime(Document document) {
        Element fallback = null;
        for (Element time : document.select(TIMES)) {
            String hints = (time.className() + " " + time.attr("itemprop")).toLowerCase(Locale.ROOT);
            if (time.hasAttr("pubdate") || hints.contains("publish") || hints.contains("datepublished")) {
                return time.attr("datetime");
            }
            if (fallback == null && time.closest("article") != null) {
                fallback = time;
            }
        }
        return fallback == null ? null : fallback.attr("datetime");
    }

    private static String firstText(Document document, Evaluator evaluator) {
        Element element = document.selectFirst(evaluator);
        return element == null ? null : element.text();
    }

    private static String attrAbs(Element element, String attribute) {
        if (element == null) {
            return null;
        }
        String absolute = element.absUrl(attribute);
        return absolute.isEmpty() ? element.attr(attribute) : absolute;
    }

    /** "Headline - Site name" → "Headline", when the site name is known or the tail is short. */
    private static String cleanTitle(String title, String siteName) {
        if (title == null || title.isBlank()) {
            return null;
        }
        for (String separator : List.of(" | ", " - ", " – ", " — ", " :: ", " « ", " » ")) {
            int at = title.lastIndexOf(separator);
            if (at > 0) {
                String tail = title.substring(at + separator.length()).strip();
                if ((siteName != null && tail.equalsIgnoreCase(siteName.strip())) || JunkRules.countWords(tail) <= 4) {
                    return title.substring(0, at).strip();
                }
            }
        }
        return title;
    }
}
