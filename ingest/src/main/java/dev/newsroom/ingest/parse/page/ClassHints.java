package dev.newsroom.ingest.parse.page;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about it, as {@link ArticleExtractor} weighs them: ±25 each for words that mark
 * article text (article, content, story, texte, maqal...) or page furniture (comment, sidebar, share, caption...), in
 * English, French and transliterated Arabic.
 */
final class ClassHints {

    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|texte|contenu|corps|chapo|"
                    + "maqal|khabar|matn|akhbar",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|footnote|gdpr|masthead|media|meta|"
                    + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|"
                    + "byline|author|dateline|newsletter|breadcrumb|ticker|popular|trending|partage|commentaire|publicite|"
                    + "lire-aussi|read-also|caption|credit|nav|menu|subscribe",
            Pattern.CASE_INSENSITIVE);

    private ClassHints() {
    }

    static String hints(Element element) {
        return element.className() + " " + element.id();
    }

    static int classWeight(Element element) {
        int weight = 0;
        String className = element.className();
        if (!className.isEmpty()) {
            if (NEGATIVE.matcher(className).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(className).find()) {
                weight += 25;
            }
        }
        String id = element.id();
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                weight += 25;
            }
        }
        return weight;
    }
}
