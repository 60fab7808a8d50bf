package dev.newsroom.ingest.parse.body;

import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.schemas.Media;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes one block's inline content twice at once: as plain text (NFC, whitespace collapsed, junk characters removed)
 * and as sanitised inline HTML (links and emphasis kept, every other element unwrapped, images handed out as media).
 */
final class InlineWriter {

    private static final Set<String> KEPT = Set.of("a", "b", "strong", "i", "em", "u", "s", "sub", "sup", "code", "q",
            "cite", "abbr", "mark", "small", "del", "ins");
    private static final Set<String> SPACED = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "td", "th", "tr", "dt", "dd", "section", "article", "figcaption", "pre", "table");

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private boolean pendingSpace;
    private boolean lastWasBreak;
    private int linkDepth;
    private int linkChars;

    static InlineWriter ofText(String plain) {
        InlineWriter writer = new InlineWriter();
        writer.text(plain);
        return writer;
    }

    void children(Element element, List<Media> media) {
        for (Node child : element.childNodes()) {
            node(child, media);
        }
    }

    void node(Node node, List<Media> media) {
        if (node instanceof TextNode textNode) {
            text(textNode.getWholeText());
        } else if (node instanceof Element element) {
            element(element, media);
        }
    }

    void element(Element element, List<Media> media) {
        String tag = element.normalName();
        if (tag.equals("br")) {
            lineBreak();
            return;
        }
        if (tag.equals("img")) {
            Media image = BodyBuilder.imageMedia(element, null, null);
            if (image != null) {
                media.add(image);
            }
            return;
        }
        if (KEPT.contains(tag)) {
            writeKept(element, tag, media);
            return;
        }
        boolean spaced = SPACED.contains(tag);
        if (spaced) {
            pendingSpace = true;
        }
        children(element, media);
        if (spaced) {
            pendingSpace = true;
        }
    }

    private void writeKept(Element element, String tag, List<Media> media) {
        String href = tag.equals("a") ? element.attr("href") : "";
        if (tag.equals("a") && href.isEmpty()) {
            children(element, media);
            return;
        }
        if (!element.hasText() && element.getElementsByTag("img").isEmpty()) {
            return;
        }
        if (pendingSpace && text.length() > 0) {
            text.append(' ');
            html.append(' ');
        }
        pendingSpace = false;
        html.append('<').append(tag);
        appendAttribute(element, "href");
        appendAttribute(element, "title");
        appendAttribute(element, "cite");
        appendAttribute(element, "datetime");
        html.append('>');
        boolean link = tag.equals("a");
        if (link) {
            linkDepth++;
        }
        children(element, media);
        if (link) {
            linkDepth--;
        }
        html.append("</").append(tag).append('>');
    }

    private void appendAttribute(Element element, String name) {
        String value = element.attr(name);
        if (!value.isEmpty()) {
            html.append(' ').append(name).append("=\"").append(BodyBuilder.escapeAttribute(value)).append('"');
        }
    }

    void text(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        boolean leadingSpace = Character.isWhitespace(raw.charAt(0)) || TextNormalizer.isSpace(raw.charAt(0));
        boolean trailingSpace = Character.isWhitespace(raw.charAt(raw.length() - 1)) || TextNormalizer.isSpace(raw.charAt(raw.length() - 1));
        String normalized = TextNormalizer.normalize(raw);
        if (normalized.isEmpty()) {
            pendingSpace |= leadingSpace || trailingSpace;
            return;
        }
        if ((pendingSpace || leadingSpace) && text.length() > 0) {
            text.append(' ');
            html.append(' ');
        }
        text.append(normalized);
        BodyBuilder.appendEscaped(html, normalized);
        if (linkDepth > 0) {
            linkChars += normalized.length();
        }
        pendingSpace = trailingSpace;
        lastWasBreak = false;
    }

    void lineBreak() {
        if (text.length() == 0) {
            return;
        }
        html.append("<br>");
        pendingSpace = true;
        lastWasBreak = true;
    }

    boolean endsWithBreak() {
        return lastWasBreak;
    }

    boolean isEmpty() {
        return text().isEmpty();
    }

    int linkChars() {
        return linkChars;
    }

    String text() {
        return text.toString().strip();
    }

    String html() {
        String out = html.toString().strip();
        while (out.endsWith("<br>")) {
            out = out.substring(0, out.length() - 4).strip();
        }
        return out;
    }
}
