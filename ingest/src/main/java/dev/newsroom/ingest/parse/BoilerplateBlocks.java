package dev.newsroom.ingest.parse;

import org.jsoup.nodes.Element;

import static dev.newsroom.ingest.parse.ProseMeasures.hasBlockChildren;
import static dev.newsroom.ingest.parse.ProseMeasures.linkDensity;
import static dev.newsroom.ingest.parse.ProseMeasures.proseWeight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The boilerplate-removal stage after {@link ArticleExtractor} has found the body container: the container's text
 * blocks are classified one by one and then by their neighbours, in the manner of jusText (Pomikálek, "Removing
 * Boilerplate and Duplicate Content from Web Corpora", 2011), with language-independent features only (no stop
 * words): length (a Han, kana or hangul character counting three), link density, sentence punctuation and the
 * copyright sign.
 *
 * <ol>
 *   <li><b>Alone</b>: a block mostly links, a short block with a link, or a copyright line is <i>bad</i>; one of at
 *       least {@value #LONG} with few links and sentence punctuation is <i>good</i>; under {@value #SHORT} it is
 *       <i>short</i>; anything between is <i>near-good</i>. A short heading that a good block follows within
 *       {@value #HEADING_DISTANCE} is near-good (a sub-heading of the article).</li>
 *   <li><b>By context</b>: a short block between good ones is good, between bad ones bad; a near-good one is bad only
 *       between bad ones. The nearest blocks that decide are those that are neither short nor near-good. A short block
 *       at an edge of the container with good text on its other side is kept only when it ends a sentence: the
 *       article's last line ("He declined to comment.") is, a byline, dateline, agency or photo credit is not.</li>
 * </ol>
 * Bad blocks are removed. Blocks inside figures and tables, and blocks holding media, are left alone; a container
 * without a good block is left whole, as its text cannot be told from boilerplate this way.
 */
final class BoilerplateBlocks {

    static final int LONG = 200;
    static final int SHORT = 70;
    static final int HEADING_DISTANCE = 200;
    private static final double MAX_GOOD_LINK_DENSITY = 0.2;
    private static final double MAX_LINK_DENSITY = 0.5;
    private static final int MIN_TITLE_WEIGHT = 15;

    /** A time of day or a date: what a dateline or a byline with its date holds. */
    private static final Pattern DATELINE = Pattern.compile("\\d{1,2}:\\d{2}|\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2}");
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "div",
            "section", "blockquote");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> LEFT_ALONE = Set.of("figure", "table", "pre", "code");

    private enum Kind { GOOD, NEAR_GOOD, SHORT, BAD }

    private static final class Block {
        final Element element;
        final String text;
        final int weight;
        final boolean heading;
        Kind kind;

        Block(Element element, String text, int weight, Kind kind) {
            this.element = element;
            this.text = text;
            this.weight = weight;
            this.heading = HEADINGS.contains(element.normalName());
            this.kind = kind;
        }
    }

    private BoilerplateBlocks() {
    }

    /** Removes the boilerplate blocks of a body container. */
    static void remove(Element content) {
        List<Block> blocks = classify(content);
        int firstGood = -1;
        int lastGood = -1;
        int firstSubstantial = -1;
        int lastSubstantial = -1;
        for (int i = 0; i < blocks.size(); i++) {
            Kind kind = blocks.get(i).kind;
            if (kind == Kind.GOOD) {
                firstGood = firstGood < 0 ? i : firstGood;
                lastGood = i;
            }
            if (kind == Kind.GOOD || kind == Kind.NEAR_GOOD) {
                firstSubstantial = firstSubstantial < 0 ? i : firstSubstantial;
                lastSubstantial = i;
            }
        }
        if (firstGood < 0) {
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            boolean fragment = block.kind == Kind.SHORT && !block.heading && !endsSentence(block.text);
            boolean drop = block.kind == Kind.BAD
                    || (fragment && i < firstSubstantial && DATELINE.matcher(block.text).find())
                    || (fragment && i > lastSubstantial);
            if (drop) {
                block.element.remove();
            }
        }
    }

    private static List<Block> classify(Element content) {
        List<Block> blocks = new ArrayList<>();
        for (Element element : content.getAllElements()) {
            if (element == content || !TEXT_BLOCKS.contains(element.normalName()) || hasBlockChildren(element)
                    || insideLeftAlone(element, content) || !element.getElementsByTag("img").isEmpty()) {
                continue;
            }
            String text = element.text();
            if (text.isBlank()) {
                continue;
            }
            int weight = proseWeight(text);
            blocks.add(new Block(element, text, weight, alone(element, text, weight)));
        }
        return blocks;
    }

    private static Kind alone(Element element, String text, int weight) {
        double density = linkDensity(element);
        if ((density > MAX_LINK_DENSITY && weight * (1 - density) < SHORT && linksReadAsTitles(element))
                || (text.indexOf('©') >= 0 && weight < 2 * LONG)) {
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

    private static boolean insideLeftAlone(Element element, Element content) {
        for (Element parent = element.parent(); parent != null && parent != content; parent = parent.parent()) {
            if (LEFT_ALONE.contains(parent.normalName())) {
                return true;
            }
        }
        return false;
    }
}
