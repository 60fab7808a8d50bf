package dev.newsroom.ingest.parse.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

import static dev.newsroom.ingest.parse.page.ProseMeasures.hasBlockChildren;
import static dev.newsroom.ingest.parse.page.ProseMeasures.proseWeight;

/**
 * Checks the extracted body against the article text the publisher states in its JSON-LD ({@code articleBody}). When
 * that text holds nearly all the extracted prose, it is the whole article, and a block of the body that it does not hold
 * is not the article's: a photo caption, a subscription prompt, a poll, an author's biography. Such blocks go. Headings
 * stay, as publishers leave their sub-headings out of {@code articleBody}, and nothing changes when the stated text is
 * a teaser or another text.
 *
 * <p>Text is compared by its letters and digits only, lower-cased, so spacing, punctuation and markup do not count.
 */
final class PublishedBodyCheck {

    /** The share of the body's prose the stated text must hold to be taken as the whole article. */
    private static final double MIN_HELD_SHARE = 0.7;
    /** A stated text shorter than this (letters and digits) is a summary, not a body. */
    private static final int MIN_STATED_CHARS = 200;
    /** A block that opens with this much of the stated text is the article's, whatever trails it (a credit, a link). */
    private static final int OPENING_CHARS = 24;
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "blockquote", "div", "dd", "dt");

    private PublishedBodyCheck() {
    }

    /** Removes from {@code content} the blocks that the publisher's {@code articleBody} shows are not the article's. */
    static void apply(Element content, String articleBody) {
        String stated = letters(articleBody);
        if (stated.length() < MIN_STATED_CHARS) {
            return;
        }
        List<Element> foreign = new ArrayList<>();
        long held = 0;
        long total = 0;
        for (Element block : content.getAllElements()) {
            boolean figure = block.normalName().equals("figure");
            if (block == content || !(figure || TEXT_BLOCKS.contains(block.normalName())) || (hasBlockChildren(block) && !figure)
                    || (!figure && block.closest("figure") != null)) {
                continue;
            }
            String text = letters(block.text());
            if (text.isEmpty()) {
                continue;
            }
            int weight = proseWeight(text);
            total += weight;
            if (stated.contains(text) || (text.length() > OPENING_CHARS && stated.contains(text.substring(0, OPENING_CHARS)))) {
                held += weight;
            } else {
                foreign.add(block);
            }
        }
        if (total == 0 || held < MIN_HELD_SHARE * total) {
            return;
        }
        foreign.forEach(PublishedBodyCheck::removeText);
    }

    /** Removes a block; of a figure, only its caption and credits: the image stays with the article. */
    private static void removeText(Element block) {
        if (!block.normalName().equals("figure")) {
            block.remove();
            return;
        }
        List<Element> textual = new ArrayList<>();
        for (Element child : block.children()) {
            if (child.getElementsByTag("img").isEmpty() && child.getElementsByTag("picture").isEmpty()) {
                textual.add(child);
            }
        }
        textual.forEach(Element::remove);
        block.textNodes().forEach(org.jsoup.nodes.Node::remove);
    }

    private static String letters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }
}
