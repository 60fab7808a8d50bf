package dev.newsroom.ingest.parse.page;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import static dev.newsroom.ingest.parse.page.ClassHints.classWeight;
import static dev.newsroom.ingest.parse.page.ClassHints.hints;
import static dev.newsroom.ingest.parse.page.ProseMeasures.countCommas;
import static dev.newsroom.ingest.parse.page.ProseMeasures.dataTables;
import static dev.newsroom.ingest.parse.page.ProseMeasures.endsSentence;
import static dev.newsroom.ingest.parse.page.ProseMeasures.hasAncestor;
import static dev.newsroom.ingest.parse.page.ProseMeasures.hasBlockChildren;
import static dev.newsroom.ingest.parse.page.ProseMeasures.inside;
import static dev.newsroom.ingest.parse.page.ProseMeasures.isAncestor;
import static dev.newsroom.ingest.parse.page.ProseMeasures.linkDensity;
import static dev.newsroom.ingest.parse.page.ProseMeasures.linksInsideASentence;
import static dev.newsroom.ingest.parse.page.ProseMeasures.longParagraphs;
import static dev.newsroom.ingest.parse.page.ProseMeasures.proseBlocks;
import static dev.newsroom.ingest.parse.page.ProseMeasures.proseWeight;

/**
 * Finds the article body in a full HTML page. jsoup parses and cleans HTML but has no extractor, so this is our own,
 * in the manner of Mozilla Readability:
 *
 * <ol>
 *   <li><b>Prune</b> what is never the article: scripts, forms, navigation, asides, hidden elements (unless they hold
 *       prose and say paywall, premium, article, content or the like: the paywalled rest of an article), and containers
 *       whose class or id says menu, sidebar, share, comments, related, ad, newsletter, breadcrumbs, ticker, tags,
 *       call-to-action, donation, sign-in, embedded post (hints in English, French and transliterated Arabic), unless
 *       it also says article/content/post. Inside a data table the hints are left be; a table that lays out the page
 *       (a table within it, one row or one column) is no shelter.</li>
 *   <li><b>Score</b> every paragraph-like element (paragraphs, pre, cells, and divs holding only inline content) with at
 *       least {@value #MIN_PARAGRAPH_CHARS} characters: one point, one per comma (Latin, Arabic or CJK), one per
 *       100 characters up to three (lengths count Han, kana and hangul three times, as each carries about a word). The score flows to the parent in full, to the grandparent by half and further up
 *       by a third per level. Containers start from their tag (div +5, lists and forms −3, headings −5) and ±25 for
 *       class/id hints.</li>
 *   <li><b>Pick</b> the best container after scaling each score by (1 − link density), climbing to a common ancestor
 *       when several near-equal candidates share one (a body split into many divs), and one level up when the
 *       container's parent has a well-scored sibling of its own class (ads or a paywall split the body in blocks).</li>
 *   <li><b>Gather</b> the siblings that belong with it: well-scored ones, prose paragraphs with few links, and a
 *       leading figure (the lead image sits beside the text in most CMS templates).</li>
 *   <li><b>Clean</b> inside it: lists, tables and divs that are mostly links or images (unless two long paragraphs
 *       run between the images, or the links sit inside the paragraph's own sentence), inputs or too short to be
 *       text, and headings that are links or carry negative hints.</li>
 *   <li><b>Remove boilerplate</b> block by block ({@link BoilerplateBlocks}): related-story links, datelines before
 *       the prose, credits and link sections after it; a call to act after it (a pitch with two buttons or more) goes
 *       before the cleaning, while its buttons still show what it is.</li>
 * </ol>
 * Before all this, a page that appends its next stories in full keeps only the article its title names
 * ({@link AppendedArticles}).
 * A page whose best candidate has less than {@value #MIN_ARTICLE_CHARS} characters of text, one real paragraph of
 * prose, is not an article; a Han, kana or hangul character counts as three, as it carries about a word. When the
 * result is that or shorter than {@value #SHORT_ARTICLE_CHARS}, the page is read again without the class and id hints
 * that prune unlikely containers (as Readability retries without its unlikely-candidate flag): a blog engine's
 * "widget" or a "sidebar-layout" wrapper may hold the whole article. The longer reading wins. When both are short, a
 * third reading takes the article a script holds as HTML ({@link ScriptedArticle}), if it is longer.
 */
final class ArticleExtractor {

    static final int MIN_PARAGRAPH_CHARS = 25;
    static final int MIN_ARTICLE_CHARS = 80;
    static final int SHORT_ARTICLE_CHARS = 500;
    private static final double MAX_HINT_SHARE = 3;
    /** The share of the top candidate's score that an ancestor rising after a dip must reach to be taken instead. */
    private static final double RISE_AFTER_DIP = 2.0 / 3;

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|"
                    + "related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|"
                    + "pagination|pager|popup|yom-remote|share|sharing|newsletter|ticker|breaking|cookie|consent|subscribe|"
                    + "promo|outbrain|taboola|widget|most-?read|popular|page-?bottom|copyright|trending|partage|commentaire|lire-?aussi|a-lire|"
                    + "read-?also|see-?also|more-?stories|iqra|mawad|tags?-?(list|links|box)|post-tags|signup|login|modal|"
                    + "opinie|komentarz|kommentar|yorum",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile(
            "and|article|body|column|content|main|mathjax|shadow|story|entry|post|texte|contenu|maqal|khabar|matn",
            Pattern.CASE_INSENSITIVE);
    /** Hints strong enough to remove a container even when it also says "post" or "content" ("post-tags", "share-content"). */
    private static final Pattern ALWAYS_JUNK = Pattern.compile(
            "(^|[\\s_-])(share|sharing|sharedaddy|social|read-?also|readalso|lire-?aussi|related|ad|ads|adslot|ad-?slot|advert|"
                    + "advertisement|newsletter|comments?|comment-respond|respond|breadcrumbs?|post-tags|tags|tag-?list|ticker|"
                    + "breaking-news|outbrain|taboola|subscribe|partage|publicite|jp-relatedposts|wp-block-buttons|"
                    + "author-?box|about-?author|popup|cookie|print-?only|screen-reader-text|sr-only|cta|donation|donate|"
                    + "sign-?in|newsletter-?box|twitter-tweet|instagram-media|tiktok-embed)([\\s_-]|$)",
            Pattern.CASE_INSENSITIVE);
    /** A reader comment thread is long prose but never the article (English, Polish, German, Turkish hints). */
    private static final Pattern COMMENTS = Pattern.compile("comment|opinie|komentarz|kommentar|yorum", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAYWALL = Pattern.compile("paywall|premium|subscriber|abonne|locked|restricted|article|content|body",
            Pattern.CASE_INSENSITIVE);
    private static final Evaluator NEVER_ARTICLE = QueryParser.parse(
            "script, style, noscript, template, iframe, object, embed, input, button, select, textarea, svg, canvas, nav, "
                    + "aside, menu, dialog, link, meta, [role=navigation], [role=banner], "
                    + "[role=contentinfo], [role=complementary], [role=menu], [role=menubar], [role=search], [role=dialog]");
    private static final Evaluator HIDDEN = QueryParser.parse("[hidden], [aria-hidden=true]");
    private static final Evaluator STYLED = QueryParser.parse("[style]");
    private static final Evaluator MAIN = QueryParser.parse("main, [role=main]");
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Set<String> SCORABLE = Set.of("p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6", "blockquote");
    private static final Set<String> PROTECTED = Set.of("html", "body", "main", "article");

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final boolean pruneUnlikely;

    private ArticleExtractor(boolean pruneUnlikely) {
        this.pruneUnlikely = pruneUnlikely;
    }

    /** The result: the body container (detached from the page) and how much prose it holds (CJK counting three). */
    record Extraction(Element content, int weight) {
    }

    /**
     * The article body of a page, or {@code null} when the page holds no article. The document is modified; pass one
     * parsed for this purpose.
     */
    static Extraction extract(Document document, Supplier<Document> reparse) {
        Extraction strict = new ArticleExtractor(true).run(document);
        if (strict != null && strict.weight() >= SHORT_ARTICLE_CHARS) {
            return strict;
        }
        // Parsing again is cheaper than keeping a copy of every page for the few that need a second reading.
        Extraction best = longer(strict, new ArticleExtractor(false).run(reparse.get()));
        if (best != null && best.weight() >= SHORT_ARTICLE_CHARS) {
            return best;
        }
        Document scripted = ScriptedArticle.find(reparse.get());
        return scripted == null ? best : longer(best, new ArticleExtractor(true).run(scripted));
    }

    private static Extraction longer(Extraction first, Extraction second) {
        if (second == null) {
            return first;
        }
        return first == null || second.weight() > first.weight() ? second : first;
    }

    private Extraction run(Document document) {
        Element body = document.body();
        AppendedArticles.remove(document);
        prune(body);
        List<Element> candidates = scoreParagraphs(body);
        Element top = pickTop(candidates, body);
        if (top == null) {
            return null;
        }
        Element content = gatherSiblings(top);
        BoilerplateBlocks boilerplate = BoilerplateBlocks.of(content);
        boilerplate.removeCallsToAction();
        cleanConditionally(content);
        boilerplate.remove();
        String text = content.text();
        int weight = proseWeight(text);
        if (weight < MIN_ARTICLE_CHARS || linkDensity(content, text) > 0.5) {
            return null;
        }
        return new Extraction(content, weight);
    }

    private void prune(Element body) {
        body.select(NEVER_ARTICLE).remove();
        // Hidden is menus, dialogs, templates and legal notices, but also the paywalled rest of an article that the
        // page holds and a script reveals to subscribers: that is shown, so that it survives the body's cleaning.
        for (Element hidden : body.select(HIDDEN)) {
            if (isPaywalledProse(hidden)) {
                hidden.removeAttr("hidden").removeAttr("aria-hidden");
            } else {
                hidden.remove();
            }
        }
        for (Element styled : body.select(STYLED)) {
            String style = styled.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            if (style.contains("display:none") || style.contains("visibility:hidden")) {
                if (isPaywalledProse(styled)) {
                    styled.removeAttr("style");
                } else {
                    styled.remove();
                }
            }
        }
        List<Element> doomed = new ArrayList<>();
        // Hints inside a data table name its cells, not the page's parts; a layout table's cells are the page's columns.
        Set<Element> dataTables = dataTables(body);
        for (Element element : body.getAllElements()) {
            if (element == body || PROTECTED.contains(element.normalName())) {
                continue;
            }
            String hints = hints(element);
            if (hints.isBlank()) {
                continue;
            }
            boolean always = ALWAYS_JUNK.matcher(hints).find();
            boolean unlikely = pruneUnlikely && UNLIKELY.matcher(hints).find() && !MAYBE_CANDIDATE.matcher(hints).find();
            if (!(always || unlikely) || inside(element, dataTables) || hasAncestor(element, "code")) {
                continue;
            }
            // A container holding several long paragraphs, or the page's main element, is the article whatever its
            // class says ("has-sidebar", "l-wrapper gate-ad"), unless it is the comment thread.
            boolean holdsProse = (longParagraphs(element) >= 3 || !element.select(MAIN).isEmpty())
                    && !COMMENTS.matcher(hints).find();
            if (!holdsProse) {
                doomed.add(element);
            }
        }
        doomed.forEach(Element::remove);
        for (Element form : body.getElementsByTag("form")) {
            form.unwrap();
        }
        for (String tag : List.of("header", "footer")) {
            for (Element element : body.getElementsByTag(tag)) {
                if (longParagraphs(element) < 2 && !isStandfirst(element)) {
                    element.remove();
                }
            }
        }
    }

    private List<Element> scoreParagraphs(Element body) {
        List<Element> candidates = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            String tag = element.normalName();
            boolean scorable = SCORABLE.contains(tag) || (tag.equals("div") && !hasBlockChildren(element));
            if (!scorable) {
                continue;
            }
            String text = element.text();
            int weight = proseWeight(text);
            if (weight < MIN_PARAGRAPH_CHARS) {
                continue;
            }
            double score = 1 + countCommas(text) + Math.min(weight / 100, 3);
            Element ancestor = element.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor.normalName().equals("#root")) {
                    break;
                }
                if (!scores.containsKey(ancestor)) {
                    scores.put(ancestor, initialScore(ancestor));
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, score / divider, Double::sum);
            }
        }
        return candidates;
    }

    private Element pickTop(List<Element> candidates, Element body) {
        List<Element> ranked = new ArrayList<>(candidates);
        Map<Element, Double> scaled = new IdentityHashMap<>();
        for (Element candidate : ranked) {
            double score = scores.get(candidate);
            // A hint such as "main_content" counts at most three times what the text earned: a newsletter box so named
            // must not outrank the paragraphs of the article beside it.
            int weight = classWeight(candidate);
            double earned = Math.max(score - initialScore(candidate), 0);
            if (weight > MAX_HINT_SHARE * earned) {
                score -= weight - MAX_HINT_SHARE * earned;
            }
            scaled.put(candidate, score * (1 - linkDensity(candidate)));
        }
        scores.putAll(scaled);
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        if (ranked.isEmpty()) {
            return null;
        }
        Element top = ranked.get(0);
        if (top == body) {
            return body;
        }
        double topScore = scores.get(top);
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
            if (scores.get(ranked.get(i)) / topScore >= 0.75) {
                alternatives.add(ranked.get(i));
            }
        }
        if (alternatives.size() >= 3) {
            Element parent = top.parent();
            while (parent != null && parent != body) {
                int contained = 0;
                for (Element alternative : alternatives) {
                    if (isAncestor(parent, alternative)) {
                        contained++;
                    }
                }
                if (contained >= 3) {
                    top = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        // Scores rising on the way up mean more of the article sits beside the candidate (an intro above a
        // "read more" container): the higher-scoring ancestor unifies them. After a dip, the rise must come back to
        // most of the candidate's score: a layout wrapper holding the article column and a sidebar rises a little above
        // the column's score from the sidebar's tables and teasers alone.
        // A common ancestor taken above may have no score of its own; it holds the top candidate's at least.
        double candidateScore = scores.getOrDefault(top, topScore);
        double lastScore = candidateScore;
        double threshold = candidateScore / 3;
        for (Element ancestor = top.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
            Double ancestorScore = scores.get(ancestor);
            if (ancestorScore == null) {
                continue;
            }
            if (ancestorScore < threshold) {
                break;
            }
            if (ancestorScore > lastScore && ancestorScore >= candidateScore * RISE_AFTER_DIP) {
                top = ancestor;
                break;
            }
            lastScore = ancestorScore;
        }
        // A lone child is only a wrapper: the parent holds the article.
        Element parent = top.parent();
        while (parent != null && parent != body && parent.childrenSize() == 1) {
            top = parent;
            parent = top.parent();
        }
        // An article that ads or a paywall split into sibling blocks of one class: the level above gathers them all.
        parent = top.parent();
        if (parent != null && parent != body && hasScoredTwin(parent, siblingThreshold(scores.getOrDefault(top, topScore)))) {
            scores.merge(parent, scores.getOrDefault(top, topScore), Math::max);
            top = parent;
        }
        scores.putIfAbsent(top, initialScore(top));
        return top;
    }

    private Element gatherSiblings(Element top) {
        Element parent = top.parent();
        Element container = new Element("div");
        if (parent == null || top.normalName().equals("body")) {
            container.appendChild(top);
            return container;
        }
        double topScore = scores.getOrDefault(top, 0.0);
        double threshold = siblingThreshold(topScore);
        List<Element> keep = new ArrayList<>();
        boolean beforeTop = true;
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                keep.add(sibling);
                beforeTop = false;
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            boolean append = scores.containsKey(sibling) && scores.get(sibling) + bonus >= threshold;
            if (!append && isProseBlock(sibling)) {
                String text = sibling.text();
                double density = linkDensity(sibling, text);
                append = (proseWeight(text) > 80 && density < 0.25)
                        || (text.length() > 0 && density == 0 && endsSentence(text));
            }
            if (!append && beforeTop && isLeadFigure(sibling)) {
                append = true;
            }
            if (append) {
                keep.add(sibling);
            }
        }
        for (Element element : keep) {
            container.appendChild(element);
        }
        return container;
    }

    private boolean hasScoredTwin(Element element, double threshold) {
        String className = element.className();
        return !className.isEmpty() && element.siblingElements().stream()
                .anyMatch(sibling -> className.equals(sibling.className()) && scores.getOrDefault(sibling, 0.0) >= threshold);
    }

    /** What a sibling of the top candidate must score to belong with it. */
    private static double siblingThreshold(double topScore) {
        return Math.max(10, topScore * 0.2);
    }

    private static boolean isPaywalledProse(Element element) {
        return PAYWALL.matcher(hints(element)).find() && longParagraphs(element) >= 3;
    }

    // An article's <header> may hold nothing but its standfirst: plain prose, no title, no links.
    private static boolean isStandfirst(Element element) {
        String text = element.text();
        return !hasBlockChildren(element) && element.getElementsByTag("a").isEmpty() && proseWeight(text) > 80 && endsSentence(text);
    }

    // A div holding only inline text (a standfirst, a lead) reads like a paragraph, as in Readability's div-to-p rule.
    private static boolean isProseBlock(Element element) {
        String tag = element.normalName();
        return tag.equals("p") || (tag.equals("div") && !hasBlockChildren(element) && classWeight(element) >= 0);
    }

    private static boolean isLeadFigure(Element element) {
        if (element.normalName().equals("figure")) {
            return !element.getElementsByTag("img").isEmpty();
        }
        return element.getElementsByTag("img").size() == 1 && element.text().length() < 200 && !element.getElementsByTag("figcaption").isEmpty();
    }

    private void cleanConditionally(Element content) {
        for (Element heading : content.select(HEADINGS)) {
            if (classWeight(heading) < 0 || linkDensity(heading) > 0.33) {
                heading.remove();
            }
        }
        List<Element> containers = new ArrayList<>();
        for (Element element : content.getAllElements()) {
            String tag = element.normalName();
            if (element != content && (tag.equals("div") || tag.equals("section") || tag.equals("ul") || tag.equals("ol")
                    || tag.equals("table") || tag.equals("form"))) {
                containers.add(element);
            }
        }
        for (int i = containers.size() - 1; i >= 0; i--) {
            Element element = containers.get(i);
            if (element.parent() == null) {
                continue;
            }
            if (shouldRemove(element)) {
                element.remove();
            }
        }
    }

    private boolean shouldRemove(Element element) {
        int weight = classWeight(element);
        double score = scores.getOrDefault(element, 0.0);
        if (weight + score < 0) {
            return true;
        }
        String text = element.text();
        if (countCommas(text) >= 10) {
            return false;
        }
        String tag = element.normalName();
        boolean isList = tag.equals("ul") || tag.equals("ol");
        int paragraphs = element.getElementsByTag("p").size();
        int images = element.getElementsByTag("img").size();
        // As Readability: only a list-heavy block (100 more items than paragraphs) is dropped for its items alone.
        int listItems = element.getElementsByTag("li").size() - 100;
        int inputs = element.getElementsByTag("input").size();
        boolean inFigure = hasAncestor(element, "figure") || !element.getElementsByTag("figure").isEmpty();
        double density = linkDensity(element, text);
        int length = text.length();
        if (images > 1 && paragraphs * 2 < images && !inFigure && proseBlocks(element) < 2) {
            return true;
        }
        if (!isList && listItems > paragraphs) {
            return true;
        }
        if (inputs > paragraphs / 3 + 1) {
            return true;
        }
        if (!isList && length < MIN_PARAGRAPH_CHARS && (images == 0 || images > 2) && !inFigure
                && element.getElementsByTag("h2").isEmpty() && element.getElementsByTag("h3").isEmpty()) {
            return true;
        }
        if (isList && density > 0.5 && length < 600) {
            return true;
        }
        if (paragraphs == 1 && linksInsideASentence(element, text)) {
            return false;
        }
        return (weight < 25 && density > 0.3 && length < 1000) || (weight >= 25 && density > 0.5);
    }

    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(element);
    }
}
