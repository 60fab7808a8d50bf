package dev.newsroom.ingest.parse.page;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.charset.CharsetResolver;
import dev.newsroom.ingest.parse.document.FormatSniffer;
import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.LinkedPage;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.ingest.parse.draft.ParseContext;
import dev.newsroom.schemas.Lineage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Reduces a linked page to what completing an item reads from it.
 *
 * <p>The reduced page is HTML that {@link HtmlPageReader} reads to the same article as the whole page:
 * <ul>
 *   <li>the head's title, {@code <base>}, meta tags, canonical and short links, and every JSON-LD script of the page;</li>
 *   <li>hidden copies of the few elements the reader takes metadata from besides the head (the first {@code <h1>},
 *       then {@code <time datetime>}, author marks, {@code rel=tag} links and microdata {@code <meta>} in page order),
 *       each in an {@code <article hidden>} if it sat inside an article, else a {@code <div hidden>}; the extractor
 *       prunes hidden elements, so they never reach the body;</li>
 *   <li>the article element {@link ArticleExtractor} finds, inside an {@code <article>}.</li>
 * </ul>
 * Scripts, styles, menus, related stories and comments go. The selectors below mirror the reader's metadata sources;
 * {@code PageReductionTest} checks on real pages that both give the same article.
 */
public final class PageReducer {

    private static final Evaluator HEAD_KEPT = QueryParser.parse(
            "head > title, head > base[href], head > meta[content], head > link[rel=canonical][href], "
                    + "head > link[rel=shortlink][href]");
    private static final Evaluator JSON_LD = QueryParser.parse("script[type=application/ld+json]");
    private static final Evaluator SIGNALS = QueryParser.parse(
            "body meta[content], time[datetime], [rel=author], [itemprop=author], .byline, .author-name, a[rel=tag]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    /** A signal bigger than this is a section of the page (an author box with a biography), not a mark. */
    private static final int MAX_SIGNAL_CHARS = 2_000;
    private static final Set<String> HTML_ATTRIBUTES = Set.of("lang", "xml:lang", "dir");
    /** Reads JSON-LD as leniently as {@link DocumentParser}'s reader, so the check below sees what ingest will see. */
    private static final HtmlPageReader READER = new HtmlPageReader(JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build());

    private PageReducer() {
    }

    /**
     * The page reduced to what completing an item reads from it, as UTF-8 HTML: the head's title, meta tags, JSON-LD
     * and canonical links, the few elements outside the article that carry its metadata (headline, times, authors,
     * tags) and the article element the extractor finds. Whole news pages are mostly scripts, styles, menus and
     * related-story lists; the reduced page keeps raw records small while giving the same article.
     *
     * @throws RejectedDocumentException when the page is not an HTML page, cannot be decoded or holds no article; the
     *                                   message names the page and the reason
     */
    public static LinkedPage reduce(LinkedPage page) {
        RawInput input = new RawInput(page.fetchedUrl(), "", page.contentType(), page.fetchedUrl(), page.charset(), Map.of(),
                page.payload(), page.fetchedAt(), null);
        String text = htmlText(input, ParserLimits.defaults());
        Document whole = PageHtml.parse(text, page.fetchedUrl());
        Document reduced = Document.createShell(page.fetchedUrl());
        reduced.outputSettings().prettyPrint(false);
        Element html = whole.getElementsByTag("html").first();
        if (html != null) {
            for (Attribute attribute : html.attributes()) {
                if (HTML_ATTRIBUTES.contains(attribute.getKey().toLowerCase(Locale.ROOT))) {
                    reduced.getElementsByTag("html").first().attr(attribute.getKey(), attribute.getValue());
                }
            }
        }
        Element head = reduced.head();
        head.appendElement("meta").attr("charset", "utf-8");
        for (Element kept : whole.select(HEAD_KEPT)) {
            if (!declaresCharset(kept)) {
                head.appendChild(kept.clone());
            }
        }
        for (Element script : whole.select(JSON_LD)) {
            head.appendChild(script.clone());
        }
        Element body = reduced.body();
        Element firstH1 = whole.body().selectFirst(H1);
        if (firstH1 != null) {
            hidden(body, firstH1);
        }
        for (Element signal : whole.body().select(SIGNALS)) {
            if (signal.text().length() <= MAX_SIGNAL_CHARS && !insideAnotherSignal(signal)) {
                hidden(body, signal);
            }
        }
        ArticleExtractor.Extraction extraction = ArticleExtractor.extract(whole, () -> PageHtml.parse(text, page.fetchedUrl()));
        if (extraction != null) {
            body.appendElement("article").appendChild(extraction.content());
        }
        byte[] payload = reduced.outerHtml().getBytes(StandardCharsets.UTF_8);
        LinkedPage result = new LinkedPage(page.url(), page.fetchedUrl(), "text/html; charset=utf-8", "utf-8", payload,
                page.fetchedAt());
        check(result);
        return result;
    }

    /**
     * The page's text, when it is an HTML page ingest may read: within the payload limit, not blank, decodable, and
     * HTML by its bytes.
     */
    public static String htmlText(RawInput page, ParserLimits limits) {
        String subject = ParseContext.describe(page);
        byte[] payload = page.payload();
        if (payload.length > limits.maxPayloadBytes()) {
            throw new RejectedDocumentException(Reason.TOO_LARGE, subject + " is " + payload.length
                    + " bytes, more than the limit of " + limits.maxPayloadBytes() + " bytes");
        }
        String declared = page.charset() != null ? page.charset() : FormatSniffer.charsetParameter(page.contentType());
        String text = CharsetResolver.decode(payload, declared, subject).text();
        if (text.isBlank()) {
            throw new RejectedDocumentException(Reason.EMPTY, subject + " is empty");
        }
        FormatSniffer.Shape shape = FormatSniffer.sniff(text).shape();
        boolean declaredHtml = FormatSniffer.fromContentType(page.contentType()) == InputFormat.HTML;
        if (shape != FormatSniffer.Shape.HTML && !(declaredHtml && shape == FormatSniffer.Shape.OTHER_XML)) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_FORMAT, subject + " is not an HTML page ("
                    + shape.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        return text;
    }

    /** Reads the reduced page as ingest will, so a page that cannot complete an item is refused here already. */
    private static void check(LinkedPage reduced) {
        RawInput input = new RawInput(reduced.fetchedUrl(), "", reduced.contentType(), reduced.fetchedUrl(),
                reduced.charset(), Map.of(), reduced.payload(), reduced.fetchedAt(), null);
        Lineage lineage = Lineage.newBuilder().setRawTopic("").setRawPartition(-1).setRawOffset(-1L)
                .setDocumentId(reduced.fetchedUrl()).setFormat("html").setIngestedAt(Instant.EPOCH).build();
        READER.read(new String(reduced.payload(), StandardCharsets.UTF_8),
                new ParseContext(input, InputFormat.HTML, ParserLimits.defaults(), lineage));
    }

    private static void hidden(Element body, Element signal) {
        String wrapper = signal.closest("article") != null ? "article" : "div";
        body.appendElement(wrapper).attr("hidden", "").appendChild(signal.clone());
    }

    private static boolean insideAnotherSignal(Element signal) {
        for (Element parent = signal.parent(); parent != null; parent = parent.parent()) {
            if (parent.is(SIGNALS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaresCharset(Element element) {
        return element.hasAttr("charset") || element.attr("http-equiv").equalsIgnoreCase("content-type");
    }
}
