package dev.newsroom.ingest.parse.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
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

    private static final Evaluator DANGEROUS = QueryParser.parse(
            "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, param, form, input, button, "
                    + "select, textarea, option, meta, link, base, svg, math, canvas, audio, video, source, track, dialog, "
                    + "[hidden], [aria-hidden=true]");
    private static final Evaluator IMAGES = QueryParser.parse("img");
    private static final Evaluator WP_CAPTIONS = QueryParser.parse("div.wp-caption, figure.wp-caption, div[id^=attachment_]");
    private static final Evaluator WP_CAPTION_TEXT = QueryParser.parse(".wp-caption-text, .wp-caption-dd, .caption, .image-caption");
    private static final Evaluator CREDITS = QueryParser.parse("figure [class*=credit], figure [class*=copyright], figcaption [class*=source]");
    private static final Evaluator STYLED = QueryParser.parse("[style]");

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
     */
    static void preClean(Element root) {
        root.select(DANGEROUS).remove();
        removeComments(root);
        for (Element styled : root.select(STYLED)) {
            String style = styled.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            if (style.contains("display:none") || style.contains("visibility:hidden")) {
                styled.remove();
            }
        }
        for (Element caption : root.select(WP_CAPTIONS)) {
            caption.tagName("figure");
            for (Element text : caption.select(WP_CAPTION_TEXT)) {
                text.tagName("figcaption");
            }
        }
        for (Element credit : root.select(CREDITS)) {
            credit.tagName("cite");
        }
        for (Element image : root.select(IMAGES)) {
            resolveLazySource(image);
            if (isTrackingPixel(image)) {
                image.remove();
            }
        }
    }

    /** The body with everything outside the allowlist removed and URLs made absolute. */
    static Element sanitize(Element root, String baseUri) {
        Document dirty = Document.createShell(baseUri == null ? "" : baseUri);
        dirty.body().appendChildren(new ArrayList<>(root.childNodes()));
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        return clean.body();
    }

    private static void removeComments(Element root) {
        List<Node> comments = new ArrayList<>();
        root.forEachNode(node -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        });
        comments.forEach(Node::remove);
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
