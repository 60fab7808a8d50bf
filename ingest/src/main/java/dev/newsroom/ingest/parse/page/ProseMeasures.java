package dev.newsroom.ingest.parse.page;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * How much of an element is prose: the measures {@link ArticleExtractor} scores and prunes by. Lengths count a Han,
 * kana or hangul character as three, as it carries about a word.
 */
final class ProseMeasures {

    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "dl", "div", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "ul", "img", "select");

    private ProseMeasures() {
    }

    static double linkDensity(Element element) {
        return linkDensity(element, element.text());
    }

    /**
     * The link density of an element whose text the caller has already taken, and not changed the element since: taking
     * the text of a page's wrapper walks all of it, as much work as the rest of the measure.
     */
    static double linkDensity(Element element, String text) {
        int length = text.length();
        if (length == 0) {
            return 0;
        }
        int linkLength = 0;
        for (Element link : element.getElementsByTag("a")) {
            String href = link.attr("href");
            double coefficient = href.startsWith("#") ? 0.3 : 1;
            linkLength += (int) (link.text().length() * coefficient);
        }
        return Math.min(1.0, (double) linkLength / length);
    }

    /** Length of text as prose: a Han, kana or hangul character carries about a word, so it counts as three. */
    static int proseWeight(String text) {
        int weight = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean cjk = (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF)
                    || (c >= 0xF900 && c <= 0xFAFF);
            weight += cjk ? 3 : 1;
        }
        return weight;
    }

    static int longParagraphs(Element element) {
        int count = 0;
        for (Element paragraph : element.getElementsByTag("p")) {
            if (proseWeight(paragraph.text()) >= 100) {
                count++;
            }
        }
        return count;
    }

    static boolean isBlock(Element element) {
        return BLOCK_TAGS.contains(element.normalName());
    }

    /** Paragraphs (and divs of text alone) of 100 weighted characters or more that end a sentence and are not links. */
    static int proseBlocks(Element element) {
        int count = 0;
        for (Element block : element.getAllElements()) {
            String tag = block.normalName();
            if (!(tag.equals("p") || (tag.equals("div") && !hasBlockChildren(block)))) {
                continue;
            }
            String text = block.text();
            if (proseWeight(text) >= 100 && endsSentence(text) && linkDensity(block, text) < 0.25) {
                count++;
            }
        }
        return count;
    }

    static boolean hasBlockChildren(Element element) {
        for (Element child : element.children()) {
            if (BLOCK_TAGS.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    static boolean hasAncestor(Element element, String tag) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.normalName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables under {@code root} that hold data. A table that lays out the page, as older sites build theirs, is not
     * one: its cells are the page's columns, where menus, comment forms and sidebars are to be told from the article as
     * anywhere else.
     */
    static Set<Element> dataTables(Element root) {
        Set<Element> tables = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element table : root.getElementsByTag("table")) {
            if (!isLayoutTable(table)) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** Whether an element sits inside one of {@code tables}. */
    static boolean inside(Element element, Set<Element> tables) {
        if (tables.isEmpty()) {
            return false;
        }
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (tables.contains(parent)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A layout table by Readability's structural test: it holds another table, or it has a single row or a single
     * column, or it says so ({@code role=presentation}).
     */
    private static boolean isLayoutTable(Element table) {
        if (table.attr("role").equalsIgnoreCase("presentation") || table.getElementsByTag("table").size() > 1) {
            return true;
        }
        int rows = 0;
        int columns = 0;
        for (Element section : table.children()) {
            for (Element row : section.normalName().equals("tr") ? List.of(section) : section.children()) {
                if (row.normalName().equals("tr")) {
                    rows++;
                    columns = Math.max(columns, row.childrenSize());
                }
            }
        }
        return rows == 1 || columns == 1;
    }

    static boolean isAncestor(Element ancestor, Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an element's text is a sentence that its links are part of: it opens with its own words and its own
     * punctuation ends it ("It also <a>co-ordinates military plans</a>."). A link to another story stands alone, after a
     * label at most ("Read more: <a>title</a>").
     */
    static boolean linksInsideASentence(Element element, String text) {
        List<Element> links = element.getElementsByTag("a");
        if (links.isEmpty()) {
            return false;
        }
        String first = links.get(0).text().strip();
        String last = links.get(links.size() - 1).text().strip();
        String trimmed = text.strip();
        return !first.isEmpty() && !last.isEmpty() && !trimmed.startsWith(first) && !endsSentence(last)
                && endsSentence(trimmed) && !trimmed.endsWith(last);
    }

    static int countCommas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،' || c == '，' || c == '、' || c == '٫') {
                commas++;
            }
        }
        return commas;
    }

    static boolean endsSentence(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return false;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '؟' || last == '…' || last == '\u06D4' || last == '"' || last == '”';
    }
}
