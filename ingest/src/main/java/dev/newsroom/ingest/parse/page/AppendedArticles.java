package dev.newsroom.ingest.parse.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A page that appends the next stories below its own (infinite scroll, "read next" in full) holds several
 * {@code <article>} elements of prose, and the body container found around them would hold them all. The page's own
 * article is the one whose heading the page's title repeats; when exactly one does, the others are removed before the
 * body is looked for. Pages whose title names none or several of them are left as they are.
 */
final class AppendedArticles {

    /** A heading shorter than this may be repeated by a title by chance ("News", "Live"). */
    private static final int MIN_HEADING_CHARS = 10;

    private AppendedArticles() {
    }

    static void remove(Document document) {
        String title = normalize(document.title());
        if (title.isEmpty()) {
            return;
        }
        List<Element> articles = new ArrayList<>();
        for (Element article : document.body().getElementsByTag("article")) {
            if (article.parents().stream().noneMatch(parent -> parent.normalName().equals("article"))
                    && ProseMeasures.longParagraphs(article) >= 2) {
                articles.add(article);
            }
        }
        if (articles.size() < 2) {
            return;
        }
        List<Element> titled = articles.stream().filter(article -> isTitled(article, title)).toList();
        if (titled.size() == 1) {
            articles.stream().filter(article -> article != titled.get(0)).forEach(Element::remove);
        }
    }

    private static boolean isTitled(Element article, String title) {
        Element heading = article.selectFirst("h1, h2");
        if (heading == null) {
            return false;
        }
        String text = normalize(heading.text());
        return text.length() >= MIN_HEADING_CHARS && title.contains(text);
    }

    private static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
