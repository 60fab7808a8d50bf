package dev.newsroom.ingest.parse.document;

import java.util.Locale;
import java.util.Set;

/**
 * Decides what a decoded document is, from its first markup (or JSON bracket) and its declared content type.
 *
 * <p>Structure found in the text wins over the declaration: a {@code text/html} record whose root element is
 * {@code <rss>} is RSS, a {@code text/plain} record that starts with {@code <!DOCTYPE html>} is HTML. The declaration
 * decides only what structure cannot: text without markup is {@code TEXT}, unless it was declared as a feed or JSON,
 * which makes it malformed rather than a story.
 */
public final class FormatSniffer {

    /** What the start of a document looks like. */
    public enum Shape { RSS, ATOM, HTML, JSON, OTHER_XML, TEXT }

    /** The shape, the root element name for markup, and whether a non-HTML DOCTYPE precedes it. */
    public record Sniffed(Shape shape, String rootName, boolean xmlDoctype) {
    }

    private static final Set<String> HTML_ROOTS = Set.of("html", "head", "body", "div", "p", "article", "section", "main",
            "header", "span", "h1", "h2", "h3", "table", "ul", "ol", "meta", "title", "link", "script", "style", "figure",
            "blockquote", "br", "img", "a", "b", "i", "em", "strong", "nav", "footer", "aside", "form", "center", "font");
    private static final int SCAN_LIMIT = 64 * 1024;

    private FormatSniffer() {
    }

    public static Sniffed sniff(String text) {
        int i = skipWhitespace(text, 0);
        if (i >= text.length()) {
            return new Sniffed(Shape.TEXT, null, false);
        }
        char first = text.charAt(i);
        if (first == '{' || first == '[') {
            return new Sniffed(Shape.JSON, null, false);
        }
        if (first != '<') {
            return new Sniffed(Shape.TEXT, null, false);
        }
        boolean xmlDoctype = false;
        boolean htmlDoctype = false;
        int limit = Math.min(text.length(), SCAN_LIMIT);
        while (i < limit && text.charAt(i) == '<') {
            if (text.startsWith("<?", i)) {
                i = endOf(text, "?>", i);
            } else if (text.startsWith("<!--", i)) {
                i = endOf(text, "-->", i);
            } else if (regionMatchesIgnoreCase(text, i, "<!DOCTYPE")) {
                int end = doctypeEnd(text, i);
                String doctype = text.substring(i, Math.min(end, text.length())).toLowerCase(Locale.ROOT);
                if (doctype.startsWith("<!doctype html")) {
                    htmlDoctype = true;
                } else {
                    xmlDoctype = true;
                }
                i = end;
            } else if (text.startsWith("<!", i)) {
                i = endOf(text, ">", i);
            } else {
                String name = elementName(text, i + 1);
                return classify(name, htmlDoctype, xmlDoctype);
            }
            if (i < 0) {
                break;
            }
            i = skipWhitespace(text, i);
        }
        if (htmlDoctype) {
            return new Sniffed(Shape.HTML, "html", false);
        }
        if (xmlDoctype) {
            return new Sniffed(Shape.OTHER_XML, null, true);
        }
        return new Sniffed(Shape.TEXT, null, false);
    }

    private static Sniffed classify(String qualifiedName, boolean htmlDoctype, boolean xmlDoctype) {
        if (qualifiedName.isEmpty()) {
            return new Sniffed(htmlDoctype ? Shape.HTML : Shape.TEXT, null, xmlDoctype);
        }
        String local = qualifiedName.substring(qualifiedName.indexOf(':') + 1).toLowerCase(Locale.ROOT);
        Shape shape;
        if (local.equals("rss") || local.equals("rdf")) {
            shape = Shape.RSS;
        } else if (local.equals("feed")) {
            shape = Shape.ATOM;
        } else if (htmlDoctype || HTML_ROOTS.contains(local)) {
            shape = Shape.HTML;
        } else {
            shape = Shape.OTHER_XML;
        }
        return new Sniffed(shape, qualifiedName, xmlDoctype && shape != Shape.HTML);
    }

    /** The format named by a MIME type, or {@code null} when it names none of ours (or is generic XML/JSON). */
    public static InputFormat fromContentType(String contentType) {
        String mime = mimeOf(contentType);
        if (mime == null) {
            return null;
        }
        return switch (mime) {
            case "application/rss+xml", "application/rdf+xml", "application/x-rss+xml", "text/rss+xml" -> InputFormat.RSS;
            case "application/atom+xml" -> InputFormat.ATOM;
            case "application/feed+json" -> InputFormat.JSONFEED;
            case "application/ninjs+json", "application/vnd.iptc.ninjs+json" -> InputFormat.NINJS;
            case "text/html", "application/xhtml+xml" -> InputFormat.HTML;
            case "text/plain" -> InputFormat.TEXT;
            default -> null;
        };
    }

    /** Whether the content type promises structured data (a feed or JSON), so plain text under it is malformed. */
    public static boolean promisesStructure(String contentType) {
        String mime = mimeOf(contentType);
        if (mime == null) {
            return false;
        }
        return mime.endsWith("xml") || mime.endsWith("json");
    }

    public static String mimeOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter of a content type, or {@code null}. */
    public static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        int start = at + "charset=".length();
        int end = start;
        while (end < contentType.length() && contentType.charAt(end) != ';' && !Character.isWhitespace(contentType.charAt(end))) {
            end++;
        }
        String value = contentType.substring(start, end).replace("\"", "").replace("'", "");
        return value.isEmpty() ? null : value;
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static int endOf(String text, String terminator, int from) {
        int end = text.indexOf(terminator, from);
        return end < 0 ? -1 : end + terminator.length();
    }

    /** End of a DOCTYPE, skipping an internal subset in brackets (where entity bombs live). */
    private static int doctypeEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static boolean regionMatchesIgnoreCase(String text, int at, String prefix) {
        return text.regionMatches(true, at, prefix, 0, prefix.length());
    }

    private static String elementName(String text, int from) {
        int end = from;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (Character.isLetterOrDigit(c) || c == ':' || c == '-' || c == '_' || c == '.') {
                end++;
            } else {
                break;
            }
        }
        return text.substring(from, end);
    }
}
