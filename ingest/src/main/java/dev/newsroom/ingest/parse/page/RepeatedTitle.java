package dev.newsroom.ingest.parse.page;

import dev.newsroom.ingest.parse.text.TextNormalizer;
import org.jsoup.nodes.Element;

import static dev.newsroom.ingest.parse.page.ProseMeasures.hasBlockChildren;
import static dev.newsroom.ingest.parse.page.ProseMeasures.proseWeight;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Before its prose, an article's container often repeats the page's title: as a heading under a dateline or a kicker,
 * as a paragraph, or as the alt text of the lead image, which the body would keep as its caption. The headline field
 * holds the title already, and the assembler drops a repetition only when it is the body's first block. Here a heading,
 * a caption or an inline-only div equal to one of the page's titles (after {@link TextNormalizer#matchKey}) goes, until
 * the first block long enough to be prose ({@value BoilerplateBlocks#SHORT}, CJK counting three): after that, a line
 * equal to the title is the article's own (a sub-heading). A {@code <p>} so equal stays: it is the article's opening
 * line, which a page whose title was taken from its text repeats.
 */
final class RepeatedTitle {

    private static final Set<String> REPETITIONS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "div", "figcaption", "header");
    private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "dd", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "div",
            "figcaption", "header");

    private RepeatedTitle() {
    }

    /** Removes the repetitions of {@code titles} (null or blank ones ignored) before the prose of {@code content}. */
    static void remove(Element content, List<String> titles) {
        Set<String> keys = new HashSet<>();
        for (String title : titles) {
            if (title != null && !title.isBlank()) {
                keys.add(TextNormalizer.matchKey(title));
            }
        }
        keys.remove("");
        if (keys.isEmpty()) {
            return;
        }
        for (Element element : content.getAllElements()) {
            if (element == content) {
                continue;
            }
            if (element.normalName().equals("img")) {
                if (keys.contains(TextNormalizer.matchKey(element.attr("alt")))) {
                    element.removeAttr("alt");
                }
                continue;
            }
            if (!TEXT_BLOCKS.contains(element.normalName()) || hasBlockChildren(element)) {
                continue;
            }
            String text = element.text();
            if (text.isBlank()) {
                continue;
            }
            if (REPETITIONS.contains(element.normalName()) && keys.contains(TextNormalizer.matchKey(text))) {
                element.remove();
            } else if (proseWeight(text) >= BoilerplateBlocks.SHORT) {
                return;
            }
        }
    }
}
