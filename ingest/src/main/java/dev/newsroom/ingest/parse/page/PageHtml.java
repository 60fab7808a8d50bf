package dev.newsroom.ingest.parse.page;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * Parses a whole page for reading and extraction, with the element nesting capped far below what browsers allow.
 *
 * <p>The extractor measures text, links and paragraphs per element, and jsoup's {@code Element.text()} itself walks
 * back up through block ancestors, so its cost grows with the cube of the nesting depth: a 25 KB page of 512 nested
 * {@code <div><span>} (jsoup's own cap, as browsers') took four to six CPU-seconds. Real pages nest far less (47 levels
 * at most among the 199 pages of the extraction corpus); deeper markup is placed at the cap, as browsers do at theirs,
 * so no text is lost.
 */
final class PageHtml {

    /** Deepest element nesting kept: more than twice the deepest real page measured. */
    static final int MAX_DEPTH = 128;

    private PageHtml() {
    }

    static Document parse(String text, String baseUri) {
        return Parser.htmlParser().setMaxDepth(MAX_DEPTH).parseInput(text, baseUri);
    }
}
