package dev.newsroom.ingest.parse.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The article a page holds only inside a script. Single-page applications (Next.js, React Query and their kin) send the
 * body as HTML in a JSON string of an inline script and render it in the browser, so the markup around it has no
 * article. The longest JSON string of the page's inline scripts that, unescaped, holds HTML paragraphs is read as a
 * page of its own. Nothing here knows a site: any framework that hydrates from JSON looks the same.
 */
final class ScriptedArticle {

    private static final Evaluator INLINE_SCRIPTS = QueryParser.parse("script:not([src])");
    /** Shorter strings are labels, templates and teasers, not a body. */
    private static final int MIN_LITERAL_CHARS = 400;

    private ScriptedArticle() {
    }

    /** The HTML a script carries as the article, as a page to extract from, or {@code null} when no script has any. */
    static Document find(Document page) {
        String best = null;
        for (Element script : page.select(INLINE_SCRIPTS)) {
            String data = script.data();
            int start = data.indexOf('"');
            while (start >= 0) {
                int end = closingQuote(data, start + 1);
                if (end < 0) {
                    break;
                }
                if (end - start > MIN_LITERAL_CHARS && (best == null || end - start - 1 > best.length())) {
                    String html = unescape(data, start + 1, end);
                    if (html.contains("\\u003c") || html.contains("\\\"")) {
                        // Flight data and the like escape the HTML twice: a JSON string inside a JavaScript string.
                        html = unescape(html, 0, html.length());
                    }
                    if (holdsParagraphs(html) && (best == null || html.length() > best.length())) {
                        best = html;
                    }
                }
                start = data.indexOf('"', end + 1);
            }
        }
        return best == null ? null : PageHtml.parse("<html><body><article>" + best + "</article></body></html>", page.baseUri());
    }

    private static boolean holdsParagraphs(String html) {
        int first = html.indexOf("<p");
        return first >= 0 && html.indexOf("</p>", first) > 0 && html.indexOf("<p", first + 2) > 0;
    }

    private static int closingQuote(String data, int from) {
        for (int i = from; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** A JSON string literal's content, escapes resolved; a malformed escape is kept as it stands. */
    private static String unescape(String data, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = data.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                out.append(c);
                continue;
            }
            char next = data.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b', 'f' -> out.append(' ');
                case 'u' -> {
                    if (i + 4 < end && isHex(data, i + 1, i + 5)) {
                        out.append((char) Integer.parseInt(data.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append('\\').append(next);
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.digit(data.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
