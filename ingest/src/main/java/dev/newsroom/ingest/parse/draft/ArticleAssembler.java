package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.body.Body;
import dev.newsroom.ingest.parse.body.BodyBuilder;
import dev.newsroom.ingest.parse.body.PlainTextParser;
import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.text.Languages;
import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.ingest.parse.text.Urls;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.Media;
import dev.newsroom.schemas.TextDirection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;

/** Turns an {@link ItemDraft} into a normalised {@link Article}: body, headline, identity, direction, lineage. */
public final class ArticleAssembler {

    public static final int DERIVED_HEADLINE_MAX_CHARS = 110;
    private static final int DERIVED_HEADLINE_CUT = 100;
    private static final int MIN_SENTENCE_CHARS = 20;

    private final BodyBuilder bodies;
    private final PlainTextParser plainText;

    public ArticleAssembler(BodyBuilder bodies, PlainTextParser plainText) {
        this.bodies = bodies;
        this.plainText = plainText;
    }

    /** Thrown for an item that yields no article; the parser records it as an {@link ItemRejection}. */
    public static final class UnusableItemException extends Exception {
        public UnusableItemException(String message) {
            super(message, null, false, false);
        }
    }

    public Article assemble(ItemDraft draft, ParseContext context, Instant ingestedAt) throws UnusableItemException {
        Body body = bodyOf(draft);
        String headline = draft.headlineIsText ? normalizedText(draft.headline) : plainTextOf(draft.headline);
        boolean derived = false;
        if (headline.isEmpty()) {
            headline = deriveHeadline(body.blocks());
            derived = !headline.isEmpty();
        }
        if (headline.isEmpty() && body.blocks().isEmpty()) {
            throw new UnusableItemException(context.describe() + " item " + draft.index + " " + withoutText(draft, context));
        }
        String summary = draft.summaryIsText ? normalizedText(draft.summary) : plainTextOf(draft.summary);
        List<Media> media = mergeMedia(draft.media, body.media());
        String summaryOrNull = summary.isEmpty() ? null : summary;
        String contentHash = ArticleIdentity.contentHash(headline, body.blocks(), summaryOrNull, media);
        String canonicalUrl = Urls.normalize(draft.link);
        if (canonicalUrl != null) {
            draft.addAltId("url", canonicalUrl);
        }
        String id = ArticleIdentity.articleId(draft.guid, draft.link, context.source(), contentHash);
        String language = Languages.normalize(draft.language);
        TextDirection direction = Languages.directionOf(language);
        if (direction == null) {
            direction = Languages.directionOfText(headline + " " + textOf(body.blocks()));
        }
        Lineage lineage = Lineage.newBuilder(context.lineageBase())
                .setItemIndex(draft.index)
                .setFormat(context.format().format())
                .setIngestedAt(ingestedAt)
                .setIngestVersion(context.limits().ingestVersion())
                .build();
        return Article.newBuilder()
                .setId(id)
                .setVersion(1)
                .setSource(context.source())
                .setCanonicalUrl(canonicalUrl)
                .setAltIds(new ArrayList<>(draft.altIds))
                .setLanguage(language)
                .setDirection(direction)
                .setHeadline(headline)
                .setHeadlineDerived(derived)
                .setByline(new ArrayList<>(draft.bylines))
                .setPublishedAt(draft.published)
                .setUpdatedAt(draft.updated)
                .setBlocks(body.blocks())
                .setBodyHtml(body.html())
                .setSummary(summaryOrNull)
                .setMedia(media)
                .setCategories(new ArrayList<>(draft.categories))
                .setContentHash(contentHash)
                .setLineage(lineage)
                .build();
    }

    private Body bodyOf(ItemDraft draft) {
        Body body;
        if (draft.bodyElement != null) {
            body = bodies.fromElement(draft.bodyElement, draft.baseUri);
        } else if (draft.bodyHtml != null && !draft.bodyHtml.isBlank()) {
            body = bodies.fromHtml(draft.bodyHtml, draft.baseUri);
        } else if (draft.bodyText != null && !draft.bodyText.isBlank()) {
            PlainTextParser.ParsedText parsed = plainText.parse(draft.bodyText);
            if ((draft.headline == null || draft.headline.isBlank()) && parsed.title() != null) {
                draft.headline = parsed.title();
            }
            body = bodies.fromTextBlocks(parsed.blocks());
        } else {
            return new Body(List.of(), "", List.of());
        }
        return dropLeadingHeadline(body, draft.headlineIsText ? normalizedText(draft.headline) : plainTextOf(draft.headline));
    }

    /**
     * A feed's or a text's body may open with its title as a heading; the headline field already has it. A page's body
     * has had every repetition of its titles before the prose removed already (the page reader's {@code RepeatedTitle},
     * which sees elements and the page's several titles): on the 199 corpus pages and the samples this finds nothing
     * more, so feeds and plain text are what it is for.
     */
    private static Body dropLeadingHeadline(Body body, String headline) {
        if (body.blocks().isEmpty() || headline.isEmpty()) {
            return body;
        }
        BodyBlock first = body.blocks().get(0);
        if (first.getKind() != BlockKind.HEADING || !TextNormalizer.matchKey(first.getText()).equals(TextNormalizer.matchKey(headline))) {
            return body;
        }
        String firstHtml = "<h" + first.getLevel() + ">" + first.getHtml() + "</h" + first.getLevel() + ">";
        String html = body.html().startsWith(firstHtml) ? body.html().substring(firstHtml.length()) : body.html();
        return new Body(body.blocks().subList(1, body.blocks().size()), html, body.media());
    }

    /** Why an item without text yields nothing: a feed item could have been completed from its link. */
    private static String withoutText(ItemDraft draft, ParseContext context) {
        if (context.format() == InputFormat.HTML || context.format() == InputFormat.TEXT) {
            return "has neither a headline nor any body text";
        }
        if (Urls.isHttp(draft.link)) {
            return "has no text (neither a headline nor a body), and none was fetched from its link " + draft.link;
        }
        return "has neither text (a headline or a body) nor a link to fetch it from";
    }

    private static List<Media> mergeMedia(List<Media> declared, List<Media> inBody) {
        List<Media> merged = new ArrayList<>(declared.size() + inBody.size());
        for (Media item : declared) {
            if (merged.stream().noneMatch(m -> m.getUrl().equals(item.getUrl()))) {
                merged.add(item);
            }
        }
        for (Media item : inBody) {
            boolean duplicate = false;
            for (int i = 0; i < merged.size(); i++) {
                Media existing = merged.get(i);
                if (existing.getUrl().equals(item.getUrl())) {
                    duplicate = true;
                    if (existing.getCaption() == null && item.getCaption() != null) {
                        merged.set(i, Media.newBuilder(existing).setCaption(item.getCaption()).build());
                    }
                }
            }
            if (!duplicate) {
                merged.add(item);
            }
        }
        return merged;
    }

    private static String normalizedText(String plainText) {
        return plainText == null ? "" : TextNormalizer.normalize(plainText);
    }

    /** Plain text of a headline or summary that may carry markup or entities. */
    public static String plainTextOf(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String text = value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(value).body().text() : value;
        return TextNormalizer.normalize(text);
    }

    private static String textOf(List<BodyBlock> blocks) {
        StringBuilder text = new StringBuilder();
        for (BodyBlock block : blocks) {
            text.append(block.getText()).append(' ');
            if (text.length() > 4000) {
                break;
            }
        }
        return text.toString();
    }

    /**
     * A headline from the lead: the first paragraph's first sentence (at least {@value #MIN_SENTENCE_CHARS} characters,
     * so "U.S." does not end it). Longer than {@value #DERIVED_HEADLINE_MAX_CHARS} characters, it is cut at the last
     * clause break (comma, Arabic comma, semicolon, dash) or else the last word boundary within
     * {@value #DERIVED_HEADLINE_CUT} characters, and marked with "…".
     */
    static String deriveHeadline(List<BodyBlock> blocks) {
        BodyBlock lead = null;
        for (BodyBlock block : blocks) {
            if (block.getKind() == BlockKind.PARAGRAPH) {
                lead = block;
                break;
            }
        }
        if (lead == null && !blocks.isEmpty()) {
            lead = blocks.get(0);
        }
        if (lead == null) {
            return "";
        }
        String sentence = firstSentence(lead.getText());
        if (sentence.length() <= DERIVED_HEADLINE_MAX_CHARS) {
            return stripFinalStop(sentence);
        }
        int clause = -1;
        for (int i = Math.min(sentence.length(), DERIVED_HEADLINE_MAX_CHARS) - 1; i >= DERIVED_HEADLINE_CUT / 2; i--) {
            char c = sentence.charAt(i);
            if (c == ',' || c == '،' || c == ';' || c == '؛' || c == '—' || c == '–') {
                clause = i;
                break;
            }
        }
        int cut = clause;
        if (cut < 0) {
            cut = sentence.lastIndexOf(' ', DERIVED_HEADLINE_CUT);
        }
        if (cut <= 0) {
            cut = DERIVED_HEADLINE_CUT;
        }
        return sentence.substring(0, cut).strip() + "…";
    }

    private static String firstSentence(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean stop = c == '.' || c == '!' || c == '?' || c == '؟' || c == '…' || c == '\u06D4';
            boolean atBoundary = i + 1 >= text.length() || text.charAt(i + 1) == ' ';
            if (stop && atBoundary && i + 1 >= MIN_SENTENCE_CHARS) {
                return text.substring(0, i + 1).strip();
            }
        }
        return text.strip();
    }

    private static String stripFinalStop(String sentence) {
        return sentence.endsWith(".") || sentence.endsWith("\u06D4") ? sentence.substring(0, sentence.length() - 1).strip() : sentence;
    }
}
