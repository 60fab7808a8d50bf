package dev.newsroom.ingest.parse.feed;

import dev.newsroom.ingest.parse.body.BodyBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * A feed's text value (a title, summary or content) decoded as the reference feed parser does it: by its declared
 * type and, in Atom 0.3, its mode.
 *
 * <ul>
 *   <li>Atom's {@code type} is {@code text} (the default), {@code html} (escaped markup) or {@code xhtml} (markup as
 *       child elements inside one {@code div}, which is dropped); a MIME type that is neither text nor XML means the
 *       value is base64, as does Atom 0.3's {@code mode="base64"}; {@code mode="escaped"} means escaped markup.</li>
 *   <li>An element declared as text or escaped markup that holds child elements anyway ("naked" markup) is read as
 *       markup, not escaped into visible tags.</li>
 *   <li>RSS does not say whether a title is text or HTML: it is HTML when it looks like HTML (a close tag or an
 *       entity reference, and only known HTML elements and entities), else text, so "the &lt;blink&gt; tag" keeps its
 *       words.</li>
 * </ul>
 *
 * @param value the decoded value: markup when {@code html}, else plain text
 * @param html  whether {@code value} is (X)HTML markup
 */
record FeedText(String value, boolean html) {

    static final String TEXT = "text/plain";
    static final String HTML = "text/html";
    static final String XHTML = "application/xhtml+xml";

    private static final Pattern CLOSE_TAG = Pattern.compile("</(\\w+)>");
    private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");
    private static final Pattern TAG_NAME = Pattern.compile("</?(\\w+)");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&(\\w+);");
    private static final Set<String> HTML_ELEMENTS = Set.of("a", "abbr", "acronym", "address", "area", "article", "aside",
            "audio", "b", "bdi", "bdo", "big", "blink", "blockquote", "br", "button", "canvas", "caption", "center", "cite",
            "code", "col", "colgroup", "command", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog", "dir",
            "div", "dl", "dt", "em", "event-source", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd", "keygen", "label", "legend",
            "li", "m", "map", "mark", "menu", "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option",
            "output", "p", "pre", "progress", "q", "s", "samp", "section", "select", "small", "sound", "source", "spacer",
            "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
            "time", "tr", "tt", "u", "ul", "var", "video", "wbr");
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");

    /**
     * @param element     the element holding the value
     * @param defaultType the type when none is declared ({@link #TEXT} for titles and Atom content, {@link #HTML} for
     *                    RSS descriptions and content:encoded, {@link #XHTML} for xhtml:body)
     * @param atom        whether the element follows Atom's rules (declared types are meant); otherwise RSS's
     *                    (types are guessed)
     */
    static FeedText of(XmlElement element, String defaultType, boolean atom) {
        String declared = element.attribute("type");
        String type = mediaType(declared == null || declared.isBlank() ? defaultType : declared);
        String mode = element.attribute("mode");
        boolean base64 = "base64".equalsIgnoreCase(mode)
                || (!type.startsWith("text/") && !type.endsWith("+xml") && !type.endsWith("/xml"));
        if (base64) {
            String decoded = decodeBase64(element.text());
            if (decoded == null) {
                return new FeedText("", false);
            }
            return new FeedText(decoded.strip(), type.equals(HTML) || type.equals(XHTML));
        }
        if (element.hasChildElements() && !"escaped".equalsIgnoreCase(mode)) {
            return new FeedText(markupOf(element, atom && type.equals(XHTML)).strip(), true);
        }
        String value = element.text().strip();
        boolean html = "escaped".equalsIgnoreCase(mode) || type.equals(HTML) || type.equals(XHTML)
                || (!atom && type.equals(TEXT) && looksLikeHtml(value));
        return new FeedText(value, html);
    }

    boolean isBlank() {
        return value.isBlank();
    }

    /** The value as plain text: markup's text content with entities resolved, or the text itself. */
    String plainText() {
        if (!html || (value.indexOf('<') < 0 && value.indexOf('&') < 0)) {
            return value;
        }
        return Jsoup.parseBodyFragment(value).body().text();
    }

    /** Atom's short type names as MIME types, lower-cased, parameters dropped. */
    static String mediaType(String type) {
        String lower = type.strip().toLowerCase(Locale.ROOT);
        int semicolon = lower.indexOf(';');
        if (semicolon >= 0) {
            lower = lower.substring(0, semicolon).strip();
        }
        return switch (lower) {
            case "text", "plain", "" -> TEXT;
            case "html" -> HTML;
            case "xhtml" -> XHTML;
            default -> lower;
        };
    }

    /**
     * Whether RSS text that may or may not be HTML is HTML. Conservative, as a wrong guess loses words: it needs a close
     * tag or an entity reference, and every tag and named entity must be HTML's.
     */
    static boolean looksLikeHtml(String value) {
        if (value.indexOf('<') < 0 && value.indexOf('&') < 0) {
            return false;
        }
        if (!CLOSE_TAG.matcher(value).find() && !ENTITY.matcher(value).find()) {
            return false;
        }
        Matcher tags = TAG_NAME.matcher(value);
        while (tags.find()) {
            if (!HTML_ELEMENTS.contains(tags.group(1).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        Matcher entities = NAMED_ENTITY.matcher(value);
        while (entities.find()) {
            if (!Entities.isNamedEntity(entities.group(1))) {
                return false;
            }
        }
        return true;
    }

    /** Base64 text as UTF-8, whitespace ignored; {@code null} when it is not base64 or not UTF-8 text. */
    private static String decodeBase64(String encoded) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(encoded.strip());
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The element's content written out as HTML. For Atom's xhtml the one {@code div} that wraps the content is left out,
     * as the specification says it is not part of it.
     */
    private static String markupOf(XmlElement element, boolean unwrapDiv) {
        XmlElement wrapper = unwrapDiv ? onlyChildDiv(element) : null;
        StringBuilder html = new StringBuilder();
        for (Object node : (wrapper != null ? wrapper : element).content()) {
            write(node, html);
        }
        return html.toString();
    }

    private static XmlElement onlyChildDiv(XmlElement element) {
        XmlElement div = null;
        for (Object node : element.content()) {
            if (node instanceof XmlElement child) {
                if (div != null || !child.localName.equals("div")) {
                    return null;
                }
                div = child;
            } else if (!((String) node).isBlank()) {
                return null;
            }
        }
        return div;
    }

    private static void write(Object node, StringBuilder html) {
        if (node instanceof String text) {
            html.append(BodyBuilder.escape(text));
            return;
        }
        XmlElement element = (XmlElement) node;
        String name = element.localName.toLowerCase(Locale.ROOT);
        html.append('<').append(name);
        for (int i = 0; i < element.attributes.length; i += 2) {
            String attribute = element.attributes[i];
            if (attribute.equals("xmlns") || attribute.startsWith("xmlns:")) {
                continue;
            }
            html.append(' ').append(attribute).append("=\"")
                    .append(BodyBuilder.escape(element.attributes[i + 1]).replace("\"", "&quot;")).append('"');
        }
        html.append('>');
        if (VOID_ELEMENTS.contains(name) && element.content().isEmpty()) {
            return;
        }
        for (Object child : element.content()) {
            write(child, html);
        }
        html.append("</").append(name).append('>');
    }
}
