package dev.newsroom.ingest.parse.page;

import dev.newsroom.ingest.parse.text.TextNormalizer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import static dev.newsroom.ingest.parse.page.ProseMeasures.hasBlockChildren;
import static dev.newsroom.ingest.parse.page.ProseMeasures.isAncestor;
import static dev.newsroom.ingest.parse.page.ProseMeasures.linkDensity;
import static dev.newsroom.ingest.parse.page.ProseMeasures.proseWeight;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The boilerplate-removal stage after {@link ArticleExtractor} has found the body container. The container's text
 * blocks (paragraphs, list items, headings, inline-only divs, and the runs of text a container writes between its
 * blocks) are classified in the manner of jusText (Pomikálek,
 * "Removing Boilerplate and Duplicate Content from Web Corpora", 2011), but with language-independent features only, no
 * stop words: length (a Han, kana or hangul character counting three), link density, sentence punctuation, the
 * copyright sign, and the block's position relative to the run of prose.
 *
 * <ol>
 *   <li><b>Classes</b>: a block whose links are most of it, are titles of other pages (not single words of an
 *       enumeration) and leave less than {@value #SHORT} of own text is <i>bad</i> (related stories, "read also"), as
 *       are a copyright line and a prompt to report a typo with Ctrl+Enter; one of at least {@value #LONG} with few links and sentence punctuation is <i>good</i>;
 *       under {@value #SHORT} it is <i>short</i>; anything else is <i>near-good</i>. Good and near-good blocks are
 *       the article's prose.</li>
 *   <li><b>Position</b>: bad blocks go wherever they are. Before the first block of prose (a heading, however long, is
 *       not prose), a short line holding a date or a time that does not end a sentence goes (a dateline, a byline with
 *       its date), and so does a short heading holding a time of day or a full date (a year alone is a heading's
 *       business); before the first good block, so does a longer line that does not end a sentence and holds a time of
 *       day or a full date ("By X, in News · 31 Jan 2025, 20:02 · 0 Comments"). After the last block of
 *       prose, a short line that does not end a sentence goes (an agency, a photo credit, "Share"), and so does a
 *       heading with everything after it: it opens a section without prose (related stories, comments, tools).
 *       Inside the run of prose, short blocks stay: they are the article's sub-headings and short paragraphs.</li>
 * </ol>
 * The blocks are classified once, before the body's cleaning: then a section after the last good block that offers two
 * buttons or more goes whole ({@link #removeCallsToAction}); after the cleaning, the blocks it left are judged by class
 * and position ({@link #remove}), as the cleaning removes whole blocks and containers but never changes a block's own
 * text. Before classes and position, a caption or credit that its class names and that sits outside a figure goes: it
 * would read as a paragraph; so does a teaser of another story (a picture whose alt text is the title that a link beside
 * it gives, and a short blurb). Blocks inside figures and data tables, and blocks holding images, are left alone (a
 * table that lays out the page is not a data table: see {@link ProseMeasures#dataTables}); a container without a good
 * block is left whole, as its text cannot be told from boilerplate this way.
 */
final class BoilerplateBlocks {

    static final int LONG = 200;
    static final int SHORT = 70;
    private static final double MAX_GOOD_LINK_DENSITY = 0.2;
    private static final double MAX_LINK_DENSITY = 0.5;
    /** A link to another page's title carries a few words at least; an enumeration's links carry a name each. */
    private static final int MIN_TITLE_WEIGHT = 15;

    /** A time of day or a full date: what no heading or line of prose that is not a dateline is likely to hold. */
    private static final String TIME_OR_DATE = "\\d{1,2}:\\d{2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2}";
    /** What a short dateline or a byline with its date holds: a time, a date, or a year alone. */
    private static final Pattern DATELINE = Pattern.compile(TIME_OR_DATE + "|\\d{4}");
    /**
     * What makes a heading or a line as long as prose a dateline: either may well hold a year ("Budget 2026") or a number,
     * but a time of day or a full date only when it is one.
     */
    private static final Pattern FULL_DATELINE = Pattern.compile(TIME_OR_DATE);
    /**
     * The shortcut with which a reader reports a typo to the editors (the Orphus convention of Russian, Ukrainian and
     * Baltic sites): a block naming it is the site's prompt, in whatever language it is written.
     */
    private static final Pattern TYPO_REPORT = Pattern.compile("(?i)ctrl\\s*\\+\\s*enter");
    private static final Pattern CAPTION = Pattern.compile(
            "(^|[\\s_-])(caption|captions|credit|credits|legend|legende|bildtext|photo-?credit|image-?credit)([\\s_-]|$)",
            Pattern.CASE_INSENSITIVE);
    /** A caption is a sentence or two; a longer block so named is something else. */
    private static final int MAX_CAPTION_WEIGHT = 400;
    /**
     * Blocks of text, and the containers whose loose lines of text are judged as blocks (an {@code <article>} written as
     * lines with {@code <br>} between them).
     */
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "div",
            "article", "section", "blockquote");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** A call to act offers a choice: subscribe or log in, register or read on. */
    private static final int MIN_BUTTONS = 2;
    private static final Set<String> SENTENCE_OR_LIST = Set.of("p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "figcaption");
    private static final Set<String> LEFT_ALONE = Set.of("figure", "table", "pre", "code");

    private enum Kind { GOOD, NEAR_GOOD, SHORT, BAD }

    private static final class Block {
        final Element element;
        final String text;
        final boolean heading;
        final Kind kind;

        Block(Element element, String text, Kind kind) {
            this.element = element;
            this.text = text;
            this.heading = HEADINGS.contains(element.normalName());
            this.kind = kind;
        }
    }

    private final Element content;
    private final Set<Element> runs;
    private final List<Block> classified;

    private BoilerplateBlocks(Element content) {
        this.content = content;
        // A table that lays out the page holds the article's blocks like any container; one that holds data is left whole.
        Set<Element> dataTables = ProseMeasures.dataTables(content);
        this.runs = wrapInlineRuns(content, dataTables);
        this.classified = classify(content, dataTables, runs);
    }

    /** The text blocks of a body container, classified. */
    static BoilerplateBlocks of(Element content) {
        return new BoilerplateBlocks(content);
    }

    /** Removes the boilerplate blocks that are still in the container. */
    void remove() {
        judge();
        // The wrappers of runs of text go once the runs are judged: the body builder reads the container's lines as
        // paragraphs only when they are its own children.
        for (Element run : runs) {
            if (run.parent() != null) {
                run.unwrap();
            }
        }
    }

    private void judge() {
        removeLooseCaptions(content);
        removeTeasers(content);
        List<Block> blocks = new ArrayList<>(classified.size());
        for (Block block : classified) {
            if (isAncestor(content, block.element)) {
                blocks.add(block);
            }
        }
        boolean anyGood = false;
        int firstSubstantial = -1;
        int firstGood = -1;
        int lastSubstantial = -1;
        for (int i = 0; i < blocks.size(); i++) {
            Kind kind = blocks.get(i).kind;
            anyGood |= kind == Kind.GOOD;
            firstGood = firstGood < 0 && kind == Kind.GOOD ? i : firstGood;
            if (kind == Kind.GOOD || kind == Kind.NEAR_GOOD) {
                // A long heading (a title or a deck) does not begin the prose: a dateline may still follow it.
                firstSubstantial = firstSubstantial < 0 && !blocks.get(i).heading ? i : firstSubstantial;
                lastSubstantial = i;
            }
        }
        if (!anyGood) {
            return;
        }
        boolean inTailSection = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            // A heading after the last block of prose opens a section without any: related stories, comments, tools.
            inTailSection |= i > lastSubstantial && block.heading;
            boolean fragment = block.kind == Kind.SHORT && !block.heading && !endsSentence(block.text);
            boolean drop = block.kind == Kind.BAD || inTailSection
                    || (fragment && i < firstSubstantial && DATELINE.matcher(block.text).find())
                    || (fragment && i > lastSubstantial)
                    // A byline with its date and time ("By X, in News · 31 Jan 2025, 20:02 · 0 Comments") may be long
                    // enough to pass for prose; before the first good block, a line that does not end a sentence and
                    // holds a time of day or a full date is still one.
                    || (!block.heading && block.kind != Kind.GOOD && i < firstGood && !endsSentence(block.text)
                            && FULL_DATELINE.matcher(block.text).find())
                    || (block.kind == Kind.SHORT && block.heading && i < firstSubstantial && !endsSentence(block.text)
                            && FULL_DATELINE.matcher(block.text).find());
            if (drop) {
                block.element.remove();
            }
        }
    }

    /**
     * After the last block of prose, a section that offers at least {@value #MIN_BUTTONS} buttons (links standing on
     * their own, outside any paragraph, list item or heading, of fewer than {@value #SHORT} of text) is a call to act:
     * subscribe, log in, register, open the app, in whatever language, with its short pitch. It goes whole, before the
     * body's cleaning takes its buttons away and leaves the pitch reading as short paragraphs. A section with an image
     * stays (a gallery's controls), as does a block of prose with links in it.
     */
    void removeCallsToAction() {
        Element lastGood = null;
        for (Block block : classified) {
            if (block.kind == Kind.GOOD) {
                lastGood = block.element;
            }
        }
        if (lastGood == null) {
            return;
        }
        List<Element> all = content.getAllElements();
        // In document order, what follows the last good block and is not inside it comes after the prose.
        Element removed = lastGood;
        for (int i = all.indexOf(lastGood) + 1; i < all.size(); i++) {
            Element element = all.get(i);
            if (!isAncestor(removed, element) && element.getElementsByTag("img").isEmpty()
                    && buttons(element, content) >= MIN_BUTTONS) {
                element.remove();
                removed = element;
            }
        }
    }

    private static int buttons(Element section, Element content) {
        int buttons = 0;
        for (Element link : section.getElementsByTag("a")) {
            String text = link.text();
            if (!text.isBlank() && proseWeight(text) < SHORT && !inSentenceOrList(link, content)) {
                buttons++;
            }
        }
        return buttons;
    }

    private static boolean inSentenceOrList(Element link, Element content) {
        for (Element parent = link.parent(); parent != null && parent != content; parent = parent.parent()) {
            if (SENTENCE_OR_LIST.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A caption or credit that its class names and that sits outside a {@code <figure>} would read as a paragraph of the
     * article. Inside a figure it stays: the body keeps it with its image.
     */
    private static void removeLooseCaptions(Element content) {
        List<Element> captions = new ArrayList<>();
        for (Element element : content.getAllElements()) {
            if (element != content && CAPTION.matcher(element.className()).find() && element.closest("figure") == null
                    && element.getElementsByTag("figure").isEmpty() && element.getElementsByTag("img").isEmpty()
                    && proseWeight(element.text()) < MAX_CAPTION_WEIGHT) {
                captions.add(element);
            }
        }
        captions.forEach(Element::remove);
    }

    /**
     * A teaser of another story: a picture whose alt text is that story's title, the title again as a link, and a short
     * blurb. The card holds an image, so no text block of its own is judged, and its blurb reads as a paragraph.
     */
    private static void removeTeasers(Element content) {
        List<Element> teasers = new ArrayList<>();
        for (Element image : content.getElementsByTag("img")) {
            String alt = image.attr("alt");
            if (proseWeight(alt) < MIN_TITLE_WEIGHT) {
                continue;
            }
            String title = TextNormalizer.matchKey(alt);
            // The smallest container of the picture that also holds a link so titled is the card; one with a second
            // picture is a gallery or the page.
            for (Element card = image.parent(); card != null && card != content && card.getElementsByTag("img").size() == 1;
                    card = card.parent()) {
                if (titleLink(card, title)) {
                    if (proseWeight(card.text()) < 2 * LONG) {
                        teasers.add(card);
                    }
                    break;
                }
            }
        }
        teasers.forEach(Element::remove);
    }

    private static boolean titleLink(Element card, String title) {
        for (Element link : card.getElementsByTag("a")) {
            if (link.hasAttr("href") && TextNormalizer.matchKey(link.text()).equals(title)) {
                return true;
            }
        }
        return false;
    }

    private static List<Block> classify(Element content, Set<Element> dataTables, Set<Element> runs) {
        List<Block> blocks = new ArrayList<>();
        for (Element element : content.getAllElements()) {
            if (element == content || !(TEXT_BLOCKS.contains(element.normalName()) || runs.contains(element))
                    || hasBlockChildren(element)
                    || insideLeftAlone(element, content, dataTables) || !element.getElementsByTag("img").isEmpty()) {
                continue;
            }
            String text = element.text();
            if (text.isBlank()) {
                continue;
            }
            blocks.add(new Block(element, text, classOf(element, text, proseWeight(text))));
        }
        return blocks;
    }

    /**
     * Text that a container writes between its blocks, with no block of its own (a dateline in a div beside the byline's,
     * an article written as lines of text with {@code <br>} between them beside its picture's div), is a block too: each
     * run of it is wrapped in a {@code <span>}, which changes nothing of what the body shows, so that it can be judged
     * and removed as one.
     */
    private static Set<Element> wrapInlineRuns(Element content, Set<Element> dataTables) {
        Set<Element> runs = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element container : content.getAllElements()) {
            if (!(container == content || TEXT_BLOCKS.contains(container.normalName())) || !hasBlockChildren(container)
                    || insideLeftAlone(container, content, dataTables)) {
                continue;
            }
            List<Node> run = new ArrayList<>();
            for (Node child : new ArrayList<>(container.childNodes())) {
                if (child instanceof Element element && (ProseMeasures.isBlock(element) || hasBlockDescendant(element))) {
                    wrap(run, runs);
                    run = new ArrayList<>();
                } else {
                    run.add(child);
                }
            }
            wrap(run, runs);
        }
        return runs;
    }

    private static void wrap(List<Node> run, Set<Element> runs) {
        StringBuilder text = new StringBuilder();
        for (Node node : run) {
            text.append(node instanceof TextNode textNode ? textNode.text() : node instanceof Element element ? element.text() : "");
        }
        if (text.toString().isBlank()) {
            return;
        }
        Element span = new Element("span");
        run.get(0).before(span);
        for (Node node : run) {
            span.appendChild(node);
        }
        runs.add(span);
    }

    private static boolean hasBlockDescendant(Element element) {
        for (Element descendant : element.getAllElements()) {
            if (descendant != element && ProseMeasures.isBlock(descendant)) {
                return true;
            }
        }
        return false;
    }

    private static Kind classOf(Element element, String text, int weight) {
        double density = linkDensity(element, text);
        if ((density > MAX_LINK_DENSITY && weight * (1 - density) < SHORT && linksReadAsTitles(element)
                && !ProseMeasures.linksInsideASentence(element, text))
                || ((text.indexOf('©') >= 0 || TYPO_REPORT.matcher(text).find()) && weight < 2 * LONG)) {
            return Kind.BAD;
        }
        if (weight < SHORT) {
            return Kind.SHORT;
        }
        if (weight >= LONG && density <= MAX_GOOD_LINK_DENSITY && hasSentencePunctuation(text)) {
            return Kind.GOOD;
        }
        return Kind.NEAR_GOOD;
    }

    private static boolean hasSentencePunctuation(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '.', ',', '!', '?', ';', '。', '，', '、', '！', '？', '،', '؟', '।', '\u06D4' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * Whether a block's links are titles of other pages (related stories, "read also") rather than single words of an
     * enumeration that each lead somewhere (place names, topics in a list the article gives).
     */
    private static boolean linksReadAsTitles(Element element) {
        List<Element> links = element.getElementsByTag("a");
        int weight = 0;
        for (Element link : links) {
            weight += proseWeight(link.text());
        }
        return links.isEmpty() || weight >= MIN_TITLE_WEIGHT * links.size();
    }

    /** Ends like a sentence, or like a line that introduces what follows; in any script. */
    private static boolean endsSentence(String text) {
        String trimmed = text.strip();
        char last = trimmed.charAt(trimmed.length() - 1);
        return ProseMeasures.endsSentence(trimmed) || last == ':' || last == '。' || last == '！' || last == '？' || last == '：'
                || last == '।';
    }

    private static boolean insideLeftAlone(Element element, Element content, Set<Element> dataTables) {
        for (Element parent = element.parent(); parent != null && parent != content; parent = parent.parent()) {
            if (LEFT_ALONE.contains(parent.normalName()) && (!parent.normalName().equals("table") || dataTables.contains(parent))) {
                return true;
            }
        }
        return false;
    }
}
