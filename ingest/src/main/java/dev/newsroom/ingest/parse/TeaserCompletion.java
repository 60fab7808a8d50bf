package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.body.JunkRules;
import dev.newsroom.ingest.parse.document.FullTextMode;
import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.LinkedPage;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.draft.ArticleAssembler;
import dev.newsroom.ingest.parse.draft.ItemDraft;
import dev.newsroom.ingest.parse.draft.ParseContext;
import dev.newsroom.ingest.parse.feed.XmlFeedReader;
import dev.newsroom.ingest.parse.page.HtmlPageReader;
import dev.newsroom.ingest.parse.page.PageReducer;
import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Teaser items: a feed item with a link but no body, or only a teaser of one, completed from the page its link points
 * to.
 *
 * <p>Who fetches decides ({@link #wantsPage}, the one rule the poller and {@link DocumentParser#linksToComplete} use)
 * and carries the pages in the raw document ({@link RawInput#linkedPages()}); here an item whose link has a page is
 * merged with the article read from that page. Nothing here goes to the network, so the same raw document always gives
 * the same articles.
 *
 * <p>The merge: the feed's headline, dates, authors and language win where the feed has them; the body is the page's;
 * the feed's summary stays, else the feed's teaser becomes the summary, else the page's description; media and
 * categories are united; the item keeps its link and identity. A page that cannot be read (not HTML, undecodable, no
 * article) leaves the item as the feed gave it.
 */
final class TeaserCompletion {

    /** A body with less text than this is a teaser whatever it ends with. */
    static final int TEASER_MAX_CHARS = 500;
    /** A "continue reading …" line is a pointer to the story, not part of it, up to this many words. */
    private static final int POINTER_LINE_MAX_WORDS = 15;
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<InputFormat> FEEDS = EnumSet.of(InputFormat.RSS, InputFormat.ATOM, InputFormat.JSONFEED,
            InputFormat.NINJS);
    /**
     * Phrases, as {@link TextNormalizer#matchKey} gives them, that end a teaser ("… Read more"). Phrases that also end
     * real stories are left out: "… the full story", "… pour la suite", and above all "… مزيد من التفاصيل" ("no further
     * details"), the last words of many an Arabic report.
     */
    private static final List<String> ENDINGS = List.of(
            "read more", "read the full story", "read the full article", "read full story", "read full article",
            "continue reading", "keep reading",
            "lire la suite", "lire plus", "lire l'article", "lire l'article complet", "continuer la lecture",
            "suite de l'article",
            "اقرا المزيد", "للمزيد", "تابع القراءة", "اكمل القراءة", "متابعة القراءة", "اقرا التفاصيل",
            "اقرا الخبر كاملا", "اقرا المقال كاملا", "التفاصيل كاملة");
    /** Phrases that open a line pointing to the full story ("Continue reading “Title” →"). */
    private static final List<String> POINTERS = List.of(
            "read more", "read the full", "read full", "continue reading", "keep reading",
            "lire la suite", "lire l'article", "continuer la lecture", "en savoir plus",
            "اقرا المزيد", "تابع القراءة", "اكمل القراءة", "متابعة القراءة", "اقرا التفاصيل", "اقرا الخبر", "اقرا المقال");
    /** How a cut-off text ends, once trailing spaces, arrows and guillemets are gone. */
    private static final List<String> ELLIPSES = List.of("…", "...", "[…]", "[...]", "(…)", "(...)");

    private final ArticleAssembler assembler;
    private final HtmlPageReader pages;

    TeaserCompletion(ArticleAssembler assembler, HtmlPageReader pages) {
        this.assembler = assembler;
        this.pages = pages;
    }

    /** Whether {@code draft}, an item of a document read as {@code context}, should be completed from its link. */
    boolean wantsPage(ItemDraft draft, ParseContext context, FullTextMode mode) {
        if (mode == FullTextMode.NEVER || !FEEDS.contains(context.format()) || !Urls.isHttp(draft.link)) {
            return false;
        }
        return mode == FullTextMode.ALWAYS || isTeaser(draft, assembledOrNull(draft, context));
    }

    /** The item as an article, completed from its linked page when the document carries one for its link. */
    Article assemble(ItemDraft draft, ParseContext context, Instant ingestedAt) throws ArticleAssembler.UnusableItemException {
        LinkedPage page = FEEDS.contains(context.format()) ? context.input().linkedPage(draft.link) : null;
        if (page == null) {
            return assembler.assemble(draft, context, ingestedAt);
        }
        String feedHeadline = draft.headline;
        Article teaser = null;
        try {
            teaser = assembler.assemble(draft, context, ingestedAt);
        } catch (ArticleAssembler.UnusableItemException e) {
            // Without text of its own the item stands or falls with its page.
        }
        draft.headline = feedHeadline;
        String teaserSummary = teaser != null && isTeaser(draft, teaser) ? summaryOf(teaser) : null;
        ItemDraft fromPage;
        try {
            fromPage = readPage(page, context, draft.index);
        } catch (RuntimeException e) {
            // A page is a bonus: whatever it provokes (a rejection, or a failure of the HTML libraries on hostile
            // markup), the item stays as the feed gave it.
            return teaserOr(teaser, draft, context, e.getMessage());
        }
        merge(draft, fromPage, teaserSummary);
        try {
            return assembler.assemble(draft, context, ingestedAt);
        } catch (ArticleAssembler.UnusableItemException e) {
            return teaserOr(teaser, draft, context, "it holds no text");
        }
    }

    private static Article teaserOr(Article teaser, ItemDraft draft, ParseContext context, String reason)
            throws ArticleAssembler.UnusableItemException {
        if (teaser != null) {
            return teaser;
        }
        throw new ArticleAssembler.UnusableItemException(context.describe() + " item " + draft.index
                + " has no text (neither a headline nor a body), and the page fetched from its link " + draft.link
                + " could not complete it: " + reason);
    }

    private ItemDraft readPage(LinkedPage page, ParseContext feed, int itemIndex) {
        RawInput input = new RawInput(feed.input().documentId() + "' item " + itemIndex + ", page '" + page.fetchedUrl(),
                feed.source(), page.contentType(), page.fetchedUrl(), page.charset(), java.util.Map.of(), page.payload(),
                page.fetchedAt(), null);
        ParseContext context = new ParseContext(input, InputFormat.HTML, feed.limits(), feed.lineageBase());
        return pages.read(PageReducer.htmlText(input, feed.limits()), context);
    }

    private static void merge(ItemDraft item, ItemDraft page, String teaserSummary) {
        dropPageHeadline(page);
        if (item.headline == null || item.headline.isBlank()) {
            item.headline = page.headline;
        }
        if (item.published == null) {
            item.published = page.published;
        }
        if (item.updated == null) {
            item.updated = page.updated;
        }
        if (item.bylines.isEmpty()) {
            item.bylines.addAll(page.bylines);
        }
        if (item.language == null || item.language.isBlank()) {
            item.language = page.language;
        }
        if (item.summary == null || item.summary.isBlank()) {
            item.summary = XmlFeedReader.firstNonBlank(teaserSummary, page.summary);
            item.summaryIsText = true;
        }
        item.bodyHtml = null;
        item.bodyElement = page.bodyElement;
        item.bodyText = page.bodyText;
        item.baseUri = page.baseUri;
        item.media.addAll(page.media);
        page.categories.forEach(item::addCategory);
    }

    /**
     * Removes the page's own {@code <h1>} (or first heading) from the top of its body when it repeats the page's
     * headline: the assembler drops a heading that repeats the article's headline, but the article keeps the feed's
     * headline, which is often worded differently from the page's.
     */
    private static void dropPageHeadline(ItemDraft page) {
        if (page.bodyElement == null || page.headline == null || page.headline.isBlank()) {
            return;
        }
        String headline = TextNormalizer.matchKey(ArticleAssembler.plainTextOf(page.headline));
        for (Element element : page.bodyElement.getAllElements()) {
            if (element == page.bodyElement) {
                continue;
            }
            if (HEADINGS.contains(element.normalName())) {
                if (TextNormalizer.matchKey(element.text()).equals(headline)) {
                    element.remove();
                }
                return;
            }
            if (!element.ownText().isBlank()) {
                return;
            }
        }
    }

    /**
     * The teaser's text as a summary: its paragraphs without a closing "Read more" line, and a bracketed ellipsis or a
     * trailing "read more" made a plain "…".
     */
    private static String summaryOf(Article teaser) {
        List<String> lines = new ArrayList<>();
        for (BodyBlock block : teaser.getBlocks()) {
            if (block.getKind() != BlockKind.HEADING && !block.getText().isBlank()) {
                lines.add(block.getText());
            }
        }
        while (!lines.isEmpty() && isPointerLine(lines.get(lines.size() - 1))) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            return null;
        }
        String text = String.join(" ", lines).strip();
        String stripped = stripTrail(text);
        for (String ellipsis : ELLIPSES) {
            if (stripped.endsWith(ellipsis)) {
                return stripped.substring(0, stripped.length() - ellipsis.length()).strip() + "…";
            }
        }
        String key = TextNormalizer.matchKey(stripped);
        for (String ending : ENDINGS) {
            if (key.endsWith(" " + ending) && JunkRules.countWords(stripped) > JunkRules.countWords(ending)) {
                int cut = cutBeforeLastWords(stripped, JunkRules.countWords(ending));
                return stripped.substring(0, cut).strip() + "…";
            }
        }
        return text;
    }

    /**
     * The rule: no body, a short one, or one that ends as teasers do (an ellipsis, "Read more", "اقرأ المزيد").
     *
     * @param assembled the item as an article without its page, or {@code null} when it yields none
     */
    private static boolean isTeaser(ItemDraft draft, Article assembled) {
        List<String> lines = rawLines(draft);
        String last = null;
        for (int i = lines.size() - 1; i >= 0 && last == null; i--) {
            String line = lines.get(i);
            if (isPointerLine(line)) {
                return true;
            }
            if (!JunkRules.defaults().isJunk(line, 0)) {
                last = line;
            }
        }
        if (last == null || assembled == null || endsAsTeaser(last)) {
            return true;
        }
        int length = 0;
        for (BodyBlock block : assembled.getBlocks()) {
            length += block.getText().length();
        }
        return length < TEASER_MAX_CHARS;
    }

    /** The item as an article on its own, or {@code null}; the draft is left as it was. */
    private Article assembledOrNull(ItemDraft draft, ParseContext context) {
        String headline = draft.headline;
        try {
            return assembler.assemble(draft, context, Instant.EPOCH);
        } catch (ArticleAssembler.UnusableItemException e) {
            return null;
        } finally {
            draft.headline = headline;
        }
    }

    private static boolean isPointerLine(String line) {
        String key = TextNormalizer.matchKey(line);
        if (JunkRules.countWords(key) > POINTER_LINE_MAX_WORDS) {
            return false;
        }
        for (String pointer : POINTERS) {
            // "Read more: <another story>" is a related link (junk), not a pointer to this one.
            if (key.equals(pointer) || key.startsWith(pointer + " ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsAsTeaser(String line) {
        String stripped = stripTrail(line);
        for (String ellipsis : ELLIPSES) {
            if (stripped.endsWith(ellipsis)) {
                return true;
            }
        }
        String key = TextNormalizer.matchKey(stripped);
        for (String ending : ENDINGS) {
            if (key.endsWith(" " + ending)) {
                return true;
            }
        }
        return false;
    }

    /** Without trailing spaces, arrows and guillemets: "Read more »", "Continue →". */
    private static String stripTrail(String text) {
        int end = text.length();
        while (end > 0) {
            char c = text.charAt(end - 1);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '»' || c == '›' || c == '>' || c == '→' || c == '←'
                    || c == '⟶' || c == '▸' || c == '►') {
                end--;
            } else {
                break;
            }
        }
        return text.substring(0, end);
    }

    private static int cutBeforeLastWords(String text, int words) {
        int end = text.length();
        for (int seen = 0; seen < words && end > 0; seen++) {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            while (end > 0 && !Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    /** The item's body as the feed gave it, one line per block, before any cleaning. */
    private static List<String> rawLines(ItemDraft draft) {
        if (draft.bodyHtml != null && !draft.bodyHtml.isBlank()) {
            return linesOf(Jsoup.parseBodyFragment(draft.bodyHtml).body());
        }
        if (draft.bodyElement != null) {
            return linesOf(draft.bodyElement);
        }
        List<String> lines = new ArrayList<>();
        if (draft.bodyText != null) {
            for (String line : draft.bodyText.split("\\R")) {
                String clean = TextNormalizer.normalize(line);
                if (!clean.isEmpty()) {
                    lines.add(clean);
                }
            }
        }
        return lines;
    }

    private static List<String> linesOf(Element root) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    line.append(text.text());
                } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
                    flush();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    flush();
                }
            }

            private void flush() {
                String clean = TextNormalizer.normalize(line.toString());
                if (!clean.isEmpty()) {
                    lines.add(clean);
                }
                line.setLength(0);
            }
        }, root);
        String rest = TextNormalizer.normalize(line.toString());
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }
}
