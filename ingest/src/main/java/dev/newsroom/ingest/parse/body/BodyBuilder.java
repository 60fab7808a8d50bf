package dev.newsroom.ingest.parse.body;

import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import dev.newsroom.schemas.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns body markup into ordered blocks and the {@code bodyHtml} rebuilt from them.
 *
 * <p>Pipeline: {@link HtmlSafety#preClean} → {@link HtmlSafety#sanitize} (allowlist, absolute URLs) → a walk that maps
 * headings to HEADING blocks (level 2 for subheadings), paragraphs and loose text to PARAGRAPH, quotes to QUOTE, list
 * items to LIST_ITEM (level = nesting depth), figures and images to media → {@link JunkRules} on each block →
 * {@code bodyHtml} written from what is left ({@code <h2>}, {@code <p>}, {@code <blockquote>}, {@code <ul><li>},
 * {@code <figure><img><figcaption>}). Because the HTML is re-written from the walk, nothing the walk does not
 * understand can reach it.
 */
public final class BodyBuilder {

    private static final Set<String> TRANSPARENT_BLOCKS = Set.of("div", "section", "article", "main", "header", "footer",
            "body", "tbody", "thead", "tfoot", "dl", "caption");

    /** What a table cell holds when the table lays out a page rather than tabulating data. */
    private static final Set<String> LAYOUT_CONTENT = Set.of("table", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
            "ol", "blockquote", "figure", "section", "article");

    private final JunkRules junk;

    public BodyBuilder(JunkRules junk) {
        this.junk = junk;
    }

    /** Body from an HTML fragment (feed content, ninjs body). */
    public Body fromHtml(String html, String baseUri) {
        Element root = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri).body();
        return fromElement(root, baseUri);
    }

    /** Body from an element that may be modified (an extracted page body, or a parsed fragment). */
    public Body fromElement(Element root, String baseUri) {
        HtmlSafety.preClean(root);
        Element clean = HtmlSafety.sanitize(root, baseUri);
        Walker walker = new Walker();
        walker.walkChildren(clean, 0, false);
        walker.flushInline(false);
        return assemble(walker.parts);
    }

    /** Body from plain-text blocks already split by {@link PlainTextParser}. */
    public Body fromTextBlocks(List<PlainTextParser.TextBlock> textBlocks) {
        List<Part> parts = new ArrayList<>(textBlocks.size());
        for (PlainTextParser.TextBlock block : textBlocks) {
            String text = TextNormalizer.normalize(block.text());
            if (!text.isEmpty()) {
                parts.add(Part.block(block.kind(), block.level(), text, escape(text), 0));
            }
        }
        return assemble(parts);
    }

    private Body assemble(List<Part> parts) {
        List<Part> kept = dropJunk(parts);
        List<BodyBlock> blocks = new ArrayList<>();
        List<Media> media = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        String openGroup = null;
        for (Part part : kept) {
            String group = part.media != null ? null : switch (part.kind) {
                case QUOTE -> "blockquote";
                case LIST_ITEM -> "ul";
                default -> null;
            };
            if (openGroup != null && !openGroup.equals(group)) {
                html.append("</").append(openGroup).append('>');
                openGroup = null;
            }
            if (group != null && openGroup == null) {
                html.append('<').append(group).append('>');
                openGroup = group;
            }
            if (part.media != null) {
                if (media.stream().noneMatch(m -> m.getUrl().equals(part.media.getUrl()))) {
                    media.add(part.media);
                    html.append(figureHtml(part.media, part.captionShown));
                }
                continue;
            }
            blocks.add(BodyBlock.newBuilder().setKind(part.kind).setText(part.text).setHtml(part.html).setLevel(part.level).build());
            switch (part.kind) {
                case HEADING -> html.append("<h").append(part.level).append('>').append(part.html).append("</h").append(part.level).append('>');
                case QUOTE -> html.append("<p>").append(part.html).append("</p>");
                case LIST_ITEM -> html.append("<li>").append(part.html).append("</li>");
                default -> html.append("<p>").append(part.html).append("</p>");
            }
        }
        if (openGroup != null) {
            html.append("</").append(openGroup).append('>');
        }
        return new Body(blocks, html.toString(), media);
    }

    private List<Part> dropJunk(List<Part> parts) {
        List<Part> kept = new ArrayList<>(parts.size());
        boolean inJunkSection = false;
        for (Part part : parts) {
            if (part.media != null) {
                if (!inJunkSection) {
                    kept.add(part);
                }
                continue;
            }
            if (inJunkSection && JunkRules.continuesSection(part.kind == BlockKind.LIST_ITEM, part.linkShare())) {
                continue;
            }
            JunkRules.Verdict verdict = junk.judge(part.text, part.linkShare());
            inJunkSection = verdict == JunkRules.Verdict.OPENS_SECTION;
            if (verdict == JunkRules.Verdict.KEEP) {
                kept.add(part);
            }
        }
        return kept;
    }

    /**
     * The figure of {@code media}; its caption is visible text only when the page showed it ({@code captionShown}).
     * A caption taken from alt text stays in the {@code alt} attribute: alt describes the image to those who cannot
     * see it, the page never shows it as text, and read as a caption it put promotions and teaser titles into the body.
     */
    private static String figureHtml(Media media, boolean captionShown) {
        StringBuilder html = new StringBuilder("<figure><img src=\"").append(escapeAttribute(media.getUrl())).append('"');
        if (media.getCaption() != null) {
            html.append(" alt=\"").append(escapeAttribute(media.getCaption())).append('"');
        }
        html.append('>');
        String caption = captionShown ? media.getCaption() : null;
        if (caption != null || media.getCredit() != null) {
            html.append("<figcaption>");
            if (caption != null) {
                html.append(escape(caption));
            }
            if (media.getCredit() != null) {
                html.append(caption != null ? " " : "").append("<cite>").append(escape(media.getCredit())).append("</cite>");
            }
            html.append("</figcaption>");
        }
        return html.append("</figure>").toString();
    }

    public static String escape(String text) {
        if (text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        appendEscaped(out, text);
        return out.toString();
    }

    /**
     * Appends text escaped for HTML, copying the runs between the characters to escape whole: a character at a time, a
     * builder that began in Latin-1 was widened by the first Arabic letter, and most text has nothing to escape.
     */
    static void appendEscaped(StringBuilder out, String text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
            if (entity != null) {
                out.append(text, start, i).append(entity);
                start = i + 1;
            }
        }
        out.append(text, start, text.length());
    }

    static String escapeAttribute(String text) {
        return escape(text).replace("\"", "&quot;");
    }

    /** A body element in reading order: a text block or a media item. */
    private static final class Part {
        BlockKind kind;
        int level;
        String text;
        String html;
        int linkChars;
        Media media;
        /** Whether the media's caption is one the page showed (a {@code <figcaption>}), not its image's alt text. */
        boolean captionShown;

        static Part block(BlockKind kind, int level, String text, String html, int linkChars) {
            Part part = new Part();
            part.kind = kind;
            part.level = level;
            part.text = text;
            part.html = html;
            part.linkChars = linkChars;
            return part;
        }

        static Part media(Media media) {
            Part part = new Part();
            part.media = media;
            return part;
        }

        static Part media(Media media, boolean captionShown) {
            Part part = media(media);
            part.captionShown = captionShown;
            return part;
        }

        double linkShare() {
            return text == null || text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
        }
    }

    /** Walks sanitised markup, collecting parts; inline content between blocks becomes paragraphs. */
    private static final class Walker {
        final List<Part> parts = new ArrayList<>();
        private InlineWriter inline = new InlineWriter();
        private final List<Media> pendingMedia = new ArrayList<>();
        private BlockKind inlineKind = BlockKind.PARAGRAPH;

        void walkChildren(Element parent, int listDepth, boolean inQuote) {
            inlineKind = inQuote ? BlockKind.QUOTE : BlockKind.PARAGRAPH;
            for (Node child : parent.childNodes()) {
                if (child instanceof TextNode text) {
                    inline.text(text.getWholeText());
                } else if (child instanceof Element element) {
                    walkElement(element, listDepth, inQuote);
                    inlineKind = inQuote ? BlockKind.QUOTE : BlockKind.PARAGRAPH;
                }
            }
        }

        private void walkElement(Element element, int listDepth, boolean inQuote) {
            String tag = element.normalName();
            switch (tag) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    flushInline(inQuote);
                    int level = Math.max(2, Math.min(4, tag.charAt(1) - '0'));
                    emitBlock(element, BlockKind.HEADING, level);
                }
                case "p", "pre", "dt", "dd", "figcaption" -> {
                    flushInline(inQuote);
                    emitBlock(element, inQuote ? BlockKind.QUOTE : BlockKind.PARAGRAPH, 0);
                }
                case "blockquote" -> {
                    flushInline(inQuote);
                    walkChildren(element, listDepth, true);
                    flushInline(true);
                }
                case "ul", "ol" -> {
                    flushInline(inQuote);
                    for (Element item : element.children()) {
                        if (item.normalName().equals("li")) {
                            emitListItem(item, listDepth + 1);
                        } else {
                            walkElement(item, listDepth + 1, inQuote);
                        }
                    }
                }
                case "li" -> {
                    flushInline(inQuote);
                    emitListItem(element, Math.max(1, listDepth));
                }
                case "figure" -> {
                    flushInline(inQuote);
                    emitFigure(element);
                }
                case "img" -> {
                    Media media = imageMedia(element, null, null);
                    if (media != null) {
                        if (inline.isEmpty()) {
                            parts.add(Part.media(media));
                        } else {
                            pendingMedia.add(media);
                        }
                    }
                }
                case "table" -> {
                    flushInline(inQuote);
                    if (isLayoutTable(element)) {
                        // A table that lays out a page (cells holding paragraphs, divs or more tables) is read cell by
                        // cell as a container: read row by row, its nested rows would repeat the text.
                        for (Element cell : element.select("td, th")) {
                            if (cell.closest("table") == element) {
                                walkChildren(cell, listDepth, inQuote);
                                flushInline(inQuote);
                            }
                        }
                    } else {
                        for (Element row : element.getElementsByTag("tr")) {
                            emitBlock(row, BlockKind.PARAGRAPH, 0);
                        }
                    }
                }
                case "br" -> {
                    if (inline.endsWithBreak()) {
                        flushInline(inQuote);
                    } else {
                        inline.lineBreak();
                    }
                }
                case "hr" -> flushInline(inQuote);
                default -> {
                    if (TRANSPARENT_BLOCKS.contains(tag)) {
                        flushInline(inQuote);
                        walkChildren(element, listDepth, inQuote);
                        flushInline(inQuote);
                    } else {
                        inline.element(element, pendingMedia);
                    }
                }
            }
        }

        private static boolean isLayoutTable(Element table) {
            for (Element inner : table.getAllElements()) {
                if (inner != table && LAYOUT_CONTENT.contains(inner.normalName())) {
                    return true;
                }
            }
            return false;
        }

        void flushInline(boolean inQuote) {
            if (!inline.isEmpty()) {
                addBlock(inQuote ? BlockKind.QUOTE : inlineKind, 0, inline);
            }
            inline = new InlineWriter();
            flushMedia();
        }

        private void emitBlock(Element element, BlockKind kind, int level) {
            InlineWriter writer = new InlineWriter();
            List<Media> found = new ArrayList<>();
            writer.children(element, found);
            addBlock(kind, level, writer);
            found.forEach(media -> parts.add(Part.media(media)));
        }

        private void emitListItem(Element item, int depth) {
            InlineWriter writer = new InlineWriter();
            List<Media> found = new ArrayList<>();
            List<Element> nested = new ArrayList<>();
            for (Node child : item.childNodes()) {
                if (child instanceof Element element && (element.normalName().equals("ul") || element.normalName().equals("ol"))) {
                    nested.add(element);
                } else {
                    writer.node(child, found);
                }
            }
            addBlock(BlockKind.LIST_ITEM, depth, writer);
            found.forEach(media -> parts.add(Part.media(media)));
            for (Element list : nested) {
                for (Element sub : list.children()) {
                    if (sub.normalName().equals("li")) {
                        emitListItem(sub, depth + 1);
                    }
                }
            }
        }

        private void emitFigure(Element figure) {
            Element caption = first(figure.getElementsByTag("figcaption"));
            String credit = null;
            String captionText = null;
            if (caption != null) {
                Element cite = first(caption.getElementsByTag("cite"));
                if (cite != null) {
                    credit = emptyToNull(TextNormalizer.normalize(cite.text()));
                    cite.remove();
                }
                captionText = emptyToNull(TextNormalizer.normalize(caption.text()));
            }
            boolean any = false;
            for (Element image : figure.getElementsByTag("img")) {
                Media media = imageMedia(image, captionText, credit);
                if (media != null) {
                    parts.add(Part.media(media, captionText != null));
                    any = true;
                }
            }
            if (!any && captionText != null) {
                addBlock(BlockKind.PARAGRAPH, 0, InlineWriter.ofText(captionText));
            }
        }

        private void addBlock(BlockKind kind, int level, InlineWriter writer) {
            String text = writer.text();
            if (text.isEmpty()) {
                return;
            }
            parts.add(Part.block(kind, kind == BlockKind.HEADING || kind == BlockKind.LIST_ITEM ? level : 0, text, writer.html(), writer.linkChars()));
        }

        private void flushMedia() {
            pendingMedia.forEach(media -> parts.add(Part.media(media)));
            pendingMedia.clear();
        }
    }

    /** An image as media; the sanitiser already made {@code src} absolute http(s) or removed it. */
    static Media imageMedia(Element image, String caption, String credit) {
        String src = image.attr("src").strip();
        if (!Urls.isHttp(src)) {
            return null;
        }
        String alt = describingAlt(TextNormalizer.normalize(image.attr("alt")));
        return Media.newBuilder()
                .setKind(MediaKind.IMAGE)
                .setUrl(src)
                .setMimeType(null)
                .setCaption(caption != null ? caption : alt)
                .setCredit(credit)
                .setWidth(dimension(image.attr("width")))
                .setHeight(dimension(image.attr("height")))
                .build();
    }

    /**
     * Alt text worth showing as a caption: not empty and not a file name or slug ("0225-lupita-nyongo-getty-01",
     * "update_graphic_red_bar"), which CMSs fill in when the editor wrote nothing.
     */
    static String describingAlt(String alt) {
        if (alt.isEmpty()) {
            return null;
        }
        if (alt.indexOf(' ') >= 0) {
            return alt;
        }
        for (int i = 0; i < alt.length(); i++) {
            char c = alt.charAt(i);
            if (c == '-' || c == '_' || c == '.' || Character.isDigit(c)) {
                return null;
            }
        }
        return alt;
    }

    public static Integer dimension(String value) {
        String digits = value == null ? "" : value.strip().replace("px", "");
        if (digits.isEmpty() || digits.length() > 6) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return null;
            }
        }
        int parsed = Integer.parseInt(digits);
        return parsed > 0 ? parsed : null;
    }

    private static Element first(List<Element> elements) {
        return elements.isEmpty() ? null : elements.get(0);
    }

    public static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
