package dev.newsroom.ingest.parse.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * The HTML allowlist every body passes through, and the clean-up that runs before it.
 *
 * <p>Allowed: text structure (paragraphs, headings, quotes, lists, tables, figures), emphasis and links. Links may be
 * {@code http}, {@code https} or {@code mailto}; images and quote sources only {@code http}/{@code https}. So
 * {@code javascript:}, {@code vbscript:} and {@code data:} URLs go, including {@code data:} images: they can carry
 * megabytes or scripts (SVG), and downstream sites cannot cache or proxy them. Relative URLs are made absolute
 * against the base ({@code <base href>}, {@code xml:base}, item link or document URI), or dropped when there is none.
 * Every attribute not listed (event handlers, {@code style}, {@code class}) goes. Tracking pixels (images 1×1 or
 * smaller, or served from known tracker hosts) go before that.
 */
public final class HtmlSafety {

    private static final Safelist SAFELIST = new Safelist()
            .addTags("a", "b", "strong", "i", "em", "u", "s", "sub", "sup", "code", "br", "q", "cite", "abbr", "mark",
                    "small", "del", "ins", "time", "span", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol",
                    "li", "dl", "dt", "dd", "figure", "figcaption", "img", "pre", "table", "caption", "thead", "tbody",
                    "tfoot", "tr", "td", "th", "div", "section", "article", "main", "header", "footer", "hr")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addAttributes("abbr", "title")
            .addAttributes("time", "datetime")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addProtocols("blockquote", "cite", "http", "https")
            .addProtocols("q", "cite", "http", "https");

    /**
     * {@link #SAFELIST} as {@link #sanitize} applies it. jsoup's cleaner resolves every URL attribute against the base
     * twice (once to test its protocol, once to copy it), each time through {@code java.net.URL} and three regular
     * expressions, although most feed URLs are already absolute and come back unchanged. This one copies such a URL
     * as it is and resolves the rest once, to the same value the cleaner would write.
     */
    private static final Safelist CLEANING = new UrlResolvingSafelist(SAFELIST);

    private static final Evaluator DANGEROUS = QueryParser.parse(
            "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, param, form, input, button, "
                    + "select, textarea, option, meta, link, base, svg, math, canvas, audio, video, source, track, dialog, "
                    + "[hidden], [aria-hidden=true]");
    private static final Evaluator WP_CAPTIONS = QueryParser.parse("div.wp-caption, figure.wp-caption, div[id^=attachment_]");
    private static final Evaluator WP_CAPTION_TEXT = QueryParser.parse(".wp-caption-text, .wp-caption-dd, .caption, .image-caption");
    private static final Evaluator CREDITS = QueryParser.parse("figure [class*=credit], figure [class*=copyright], figcaption [class*=source]");

    /**
     * Hosts whose images are beacons, not pictures. A pixel served from elsewhere is still caught by its size.
     */
    private static final Set<String> TRACKER_HOSTS = Set.of(
            "feeds.feedburner.com", "feedproxy.google.com", "pixel.wp.com", "stats.wp.com", "www.google-analytics.com",
            "google-analytics.com", "ssl.google-analytics.com", "stats.g.doubleclick.net", "ad.doubleclick.net",
            "pixel.quantserve.com", "sb.scorecardresearch.com", "b.scorecardresearch.com", "www.facebook.com",
            "pixel.facebook.com", "ping.chartbeat.net", "pixel.mathtag.com", "t.co", "analytics.twitter.com",
            "counter.yadro.ru", "mc.yandex.ru", "tracking.feedpress.it", "feeds.feedblitz.com", "api.substack.com",
            "pixel.tapad.com", "bat.bing.com", "px.ads.linkedin.com");
    private static final List<String> LAZY_SOURCES = List.of("data-src", "data-lazy-src", "data-original", "data-url", "data-srcset", "srcset");

    private HtmlSafety() {
    }

    /** The allowlist, for tests and callers that check markup with {@code Jsoup.isValid}. */
    public static Safelist safelist() {
        return new Safelist(SAFELIST);
    }

    /**
     * Prepares a body in place: removes dangerous elements, hidden elements, comments and tracking pixels; resolves
     * lazy-loaded image sources; turns WordPress caption boxes into {@code <figure>/<figcaption>} and credit lines into
     * {@code <cite>} so their meaning survives the allowlist (which drops classes).
     *
     * <p>One walk of the tree does the removals and finds the captions, figures and images; the per-concern
     * selections it replaces walked the whole tree six times. What the walk removes depends on no other element, so
     * removing dangerous, comment and hidden nodes in one pass leaves the same tree as removing them in three.
     */
    static void preClean(Element root) {
        PreCleanWalk walk = new PreCleanWalk(root);
        NodeTraversor.filter(walk, root);
        if (DANGEROUS.matches(root, root)) {
            root.remove();
        }
        if (root.hasAttr("style") && hidesByStyle(root)) {
            root.remove();
        }
        for (Element caption : walk.captions) {
            caption.tagName("figure");
            for (Element text : caption.select(WP_CAPTION_TEXT)) {
                text.tagName("figcaption");
            }
        }
        if (!walk.captions.isEmpty() || walk.figures || insideFigure(root)) {
            for (Element credit : root.select(CREDITS)) {
                credit.tagName("cite");
            }
        }
        for (Element image : walk.images) {
            // A caption or credit class on the image itself renamed it above; it is no longer an image.
            if (!image.normalName().equals("img")) {
                continue;
            }
            resolveLazySource(image);
            if (isTrackingPixel(image)) {
                image.remove();
            }
        }
    }

    private static boolean insideFigure(Element root) {
        for (Element ancestor = root.parent(); ancestor != null; ancestor = ancestor.parent()) {
            if (ancestor.normalName().equals("figure") || ancestor.normalName().equals("figcaption")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidesByStyle(Element element) {
        String style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || style.contains("visibility:hidden");
    }

    /** Removes what never reaches a reader, and collects what the later steps of {@link #preClean} change. */
    private static final class PreCleanWalk implements NodeFilter {
        private final Element root;
        final List<Element> captions = new ArrayList<>();
        final List<Element> images = new ArrayList<>();
        boolean figures;

        PreCleanWalk(Element root) {
            this.root = root;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Comment) {
                return FilterResult.REMOVE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            // The root is only detached (by preClean), its children kept; like the selections, the rest sees it.
            if (node != root && (DANGEROUS.matches(root, element) || element.hasAttr("style") && hidesByStyle(element))) {
                return FilterResult.REMOVE;
            }
            String name = element.normalName();
            if (name.equals("img")) {
                images.add(element);
            } else if (name.equals("figure") || name.equals("figcaption")) {
                figures = true;
            }
            if (WP_CAPTIONS.matches(root, element)) {
                captions.add(element);
            }
            return FilterResult.CONTINUE;
        }
    }

    /** The body with everything outside the allowlist removed and URLs made absolute. */
    static Element sanitize(Element root, String baseUri) {
        Document dirty = Document.createShell(baseUri == null ? "" : baseUri);
        dirty.body().appendChildren(new ArrayList<>(root.childNodes()));
        Document clean = new Cleaner(CLEANING).clean(dirty);
        return clean.body();
    }

    /**
     * True when jsoup's {@code StringUtil.resolve} returns the URL unchanged whatever the base: lower-case
     * {@code http} or {@code https}, a host of letters, digits, dots and hyphens (no user, no port, whose
     * re-composition would drop or spell them differently), and after it only printable ASCII without a backslash
     * and without {@code /.}, the start of the dot segments {@code java.net.URL} removes.
     */
    static boolean resolvesToItself(String url) {
        int hostStart = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
        if (hostStart < 0) {
            return false;
        }
        int i = hostStart;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return false;
            }
            i++;
        }
        if (i == hostStart) {
            return false;
        }
        for (; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c > '~' || c == '\\' || c == '/' && i + 1 < url.length() && url.charAt(i + 1) == '.') {
                return false;
            }
        }
        return true;
    }

    /** The allowlist with URL attributes resolved once, and not at all when already absolute. */
    private static final class UrlResolvingSafelist extends Safelist {

        UrlResolvingSafelist(Safelist allowlist) {
            super(allowlist);
            // The cleaner then copies a URL attribute's value as isSafeAttribute below left it.
            preserveRelativeLinks(true);
        }

        @Override
        public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
            if (!isUrlAttribute(tagName, attribute.getKey())) {
                return super.isSafeAttribute(tagName, element, attribute);
            }
            // http and https are allowed in every URL attribute of the allowlist.
            if (resolvesToItself(attribute.getValue())) {
                return true;
            }
            if (!super.isSafeAttribute(tagName, element, attribute)) {
                return false;
            }
            String absolute = element.absUrl(attribute.getKey());
            if (!absolute.isEmpty()) {
                // The dirty copy is dropped after cleaning; its attribute carries the value to the clean one.
                attribute.setValue(absolute);
            }
            return true;
        }

        private static boolean isUrlAttribute(String tagName, String key) {
            return switch (tagName) {
                case "a" -> key.equals("href");
                case "img" -> key.equals("src");
                case "blockquote", "q" -> key.equals("cite");
                default -> false;
            };
        }
    }

    private static void resolveLazySource(Element image) {
        String src = image.attr("src").strip();
        if (!src.isEmpty() && !src.regionMatches(true, 0, "data:", 0, 5)) {
            return;
        }
        for (String attribute : LAZY_SOURCES) {
            String value = image.attr(attribute).strip();
            if (!value.isEmpty()) {
                int space = value.indexOf(' ');
                int comma = value.indexOf(',');
                int end = space < 0 ? (comma < 0 ? value.length() : comma) : space;
                image.attr("src", value.substring(0, end));
                return;
            }
        }
    }

    /** 1×1 (or smaller) images and beacons from known tracker hosts. */
    static boolean isTrackingPixel(Element image) {
        if (isTiny(image.attr("width")) || isTiny(image.attr("height"))) {
            return true;
        }
        String style = image.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        if (style.contains("width:1px") || style.contains("height:1px") || style.contains("width:0") || style.contains("height:0")) {
            return true;
        }
        String src = image.attr("src").toLowerCase(Locale.ROOT);
        return TRACKER_HOSTS.contains(hostOf(src));
    }

    private static boolean isTiny(String dimension) {
        String digits = dimension.strip().toLowerCase(Locale.ROOT).replace("px", "");
        if (digits.isEmpty()) {
            return false;
        }
        try {
            return Double.parseDouble(digits) <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostOf(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return "";
        }
        int from = start + 3;
        int end = from;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(from, end);
    }
}
