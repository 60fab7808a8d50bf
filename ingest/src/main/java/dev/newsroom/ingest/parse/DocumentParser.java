package dev.newsroom.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsroom.ingest.parse.body.BodyBuilder;
import dev.newsroom.ingest.parse.body.JunkRules;
import dev.newsroom.ingest.parse.body.PlainTextParser;
import dev.newsroom.ingest.parse.charset.CharsetResolver;
import dev.newsroom.ingest.parse.document.FormatSniffer;
import dev.newsroom.ingest.parse.document.FullTextMode;
import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.ItemRejection;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.ingest.parse.draft.ArticleAssembler;
import dev.newsroom.ingest.parse.draft.FormatReader;
import dev.newsroom.ingest.parse.draft.ItemDraft;
import dev.newsroom.ingest.parse.draft.ParseContext;
import dev.newsroom.ingest.parse.feed.JsonFeedReader;
import dev.newsroom.ingest.parse.feed.NinjsReader;
import dev.newsroom.ingest.parse.feed.XmlFeedReader;
import dev.newsroom.ingest.parse.page.HtmlPageReader;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.Lineage;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * From a raw document's bytes to normalised {@link Article}s: the one entry point of ingest's parsing library.
 *
 * <p>Steps: size and emptiness checks (before anything is decoded) → charset ({@link CharsetResolver}) → format
 * (declared content type confirmed by sniffing, or {@link RawInput#forcedFormat()}) → a reader per format (RSS/Atom
 * with the reference feed parser's semantics, JSON Feed, ninjs, HTML page with the article extractor, plain text) → one
 * {@link ItemDraft} per item → each assembled into an article ({@link ArticleAssembler}) or recorded as an
 * {@link ItemRejection}.
 *
 * <p>No exception escapes: a document that yields nothing is a {@link RejectedDocumentException} with its reason, an
 * item that yields nothing an {@link ItemRejection}, and a defect in a reader is reported the same way, naming the
 * document (or item) and the failure, so that one bad input never stops a batch or a partition.
 *
 * <p>Thread-safe and stateless between calls: build one per process and call {@link #parse} from any thread. Rule files
 * and compiled patterns are loaded once, when the class is first used.
 */
public final class DocumentParser {

    private final ParserLimits limits;
    private final ObjectMapper json;
    private final ArticleAssembler assembler;
    private final HtmlPageReader pages;
    /** One reader per format: a new format is a reader and its line here (and its detection, below). */
    private final Map<InputFormat, FormatReader> readers = new EnumMap<>(InputFormat.class);
    private final TeaserCompletion teasers;

    public DocumentParser(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                        JsonReadFeature.ALLOW_TRAILING_COMMA)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
        JunkRules junk = JunkRules.defaults();
        this.assembler = new ArticleAssembler(new BodyBuilder(junk), new PlainTextParser(junk));
        this.pages = new HtmlPageReader(json);
        XmlFeedReader xmlFeeds = new XmlFeedReader();
        readers.put(InputFormat.RSS, xmlFeeds);
        readers.put(InputFormat.ATOM, xmlFeeds);
        readers.put(InputFormat.JSONFEED, new JsonFeedReader());
        readers.put(InputFormat.NINJS, new NinjsReader());
        readers.put(InputFormat.HTML, pages);
        readers.put(InputFormat.TEXT, new PlainTextReader());
        if (readers.size() != InputFormat.values().length) {
            throw new IllegalStateException("A format has no reader: " + readers.keySet());
        }
        this.teasers = new TeaserCompletion(assembler, pages);
    }

    /** A parser with {@link ParserLimits#defaults()}. */
    public DocumentParser() {
        this(ParserLimits.defaults());
    }

    public ParserLimits limits() {
        return limits;
    }

    /**
     * Parses one document.
     *
     * @param input       the raw document
     * @param lineageBase raw topic, partition, offset and document id; the parser sets item index, format and ingest
     *                    version on each article's copy, and the ingest time unless the caller already stamped one
     *                    (a stream processor passes its own clock's time so that tests and replays are reproducible)
     * @return the articles (in document order) and the items that yielded none
     * @throws RejectedDocumentException when the document as a whole yields nothing; its message names the document,
     *                                   its declared type and the reason
     */
    public ParsedDocument parse(RawInput input, Lineage lineageBase) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(lineageBase, "lineageBase");
        return guarded(input, () -> {
            Drafts read = read(input, lineageBase);
            return assemble(read.drafts(), read.context(), read.charset(), read.warnings());
        });
    }

    /**
     * The links of the items of a feed that should be completed from the page they point to under {@code mode}, in
     * item order without repeats: under {@code auto} the items with a link and no body, or a body that is only a
     * teaser (less than {@value TeaserCompletion#TEASER_MAX_CHARS} characters of text, or ending in an ellipsis,
     * "[…]", "Read more", "Continue reading", "Lire la suite", "اقرأ المزيد" and the like); under {@code always} every
     * item with a link; under {@code never} none. Pages and plain text are never completed. What a fetcher puts in
     * {@link RawInput#linkedPages()} for these links is merged by {@link #parse}.
     *
     * @throws RejectedDocumentException when the document as a whole cannot be read
     */
    public List<String> linksToComplete(RawInput feed, FullTextMode mode) {
        Objects.requireNonNull(mode, "mode");
        Lineage listing = Lineage.newBuilder().setRawTopic("").setRawPartition(-1).setRawOffset(-1L)
                .setDocumentId(feed.documentId()).setFormat("").setIngestedAt(Instant.EPOCH).build();
        Drafts read = guarded(feed, () -> read(feed, listing));
        Set<String> links = new LinkedHashSet<>();
        for (ItemDraft draft : read.drafts()) {
            if (teasers.wantsPage(draft, read.context(), mode)) {
                links.add(draft.link);
            }
        }
        return List.copyOf(links);
    }

    private record Drafts(List<ItemDraft> drafts, ParseContext context, Charset charset, List<String> warnings) {
    }

    /** Runs a step of parsing so that a defect in it is a rejection naming the document, never an escaped exception. */
    private static <T> T guarded(RawInput input, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new RejectedDocumentException(Reason.PARSER_FAILURE, ParseContext.describe(input)
                    + " could not be parsed: ingest failed on it with " + describe(e)
                    + "; this is a defect in ingest: re-drive the document once it is fixed", e);
        }
    }

    private Drafts read(RawInput input, Lineage lineageBase) {
        String subject = ParseContext.describe(input);
        byte[] payload = input.payload();
        if (payload.length > limits.maxPayloadBytes()) {
            throw new RejectedDocumentException(Reason.TOO_LARGE, subject + " is " + payload.length + " bytes, more than the limit of "
                    + limits.maxPayloadBytes() + " bytes; it was not parsed");
        }
        if (isBlank(payload)) {
            throw new RejectedDocumentException(Reason.EMPTY, subject + " is empty" + (payload.length == 0 ? "" : " (only whitespace)"));
        }
        String declaredCharset = input.charset() != null ? input.charset() : FormatSniffer.charsetParameter(input.contentType());
        CharsetResolver.Decoded decoded = CharsetResolver.decode(payload, declaredCharset, subject);
        String text = decoded.text();
        if (text.isBlank()) {
            throw new RejectedDocumentException(Reason.EMPTY, subject + " is empty (only whitespace)");
        }
        ParseContext context = new ParseContext(input, null, limits, lineageBase);
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(text);
        JsonNode jsonRoot = null;
        InputFormat format = input.forcedFormat();
        if (format == null) {
            if (sniffed.shape() == FormatSniffer.Shape.JSON) {
                jsonRoot = readJson(text, context);
            }
            format = detect(sniffed, jsonRoot, input, subject);
        } else if (format == InputFormat.JSONFEED || format == InputFormat.NINJS) {
            jsonRoot = readJson(text, context);
        }
        context = context.withFormat(format);
        List<String> warnings = new ArrayList<>();
        List<ItemDraft> drafts = readers.get(format).read(new FormatReader.DocumentText(text, jsonRoot), context,
                warnings);
        return new Drafts(drafts, context, decoded.charset(), warnings);
    }

    private static String describe(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0].getClassName() + "." + trace[0].getMethodName()
                + "(" + trace[0].getFileName() + ":" + trace[0].getLineNumber() + ")";
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + where;
    }

    private ParsedDocument assemble(List<ItemDraft> drafts, ParseContext context, Charset charset, List<String> warnings) {
        Instant stamped = context.lineageBase().getIngestedAt();
        Instant ingestedAt = stamped != null ? stamped : Instant.now();
        List<Article> articles = new ArrayList<>(drafts.size());
        List<ItemRejection> rejections = new ArrayList<>();
        for (ItemDraft draft : drafts) {
            try {
                articles.add(teasers.assemble(draft, context, ingestedAt));
            } catch (ArticleAssembler.UnusableItemException e) {
                rejections.add(new ItemRejection(draft.index, e.getMessage()));
            } catch (RuntimeException | StackOverflowError e) {
                rejections.add(new ItemRejection(draft.index, context.describe() + " item " + draft.index
                        + " could not be parsed: ingest failed on it with " + describe(e)
                        + "; this is a defect in ingest: re-drive it once it is fixed"));
            }
        }
        boolean singleStory = context.format() == InputFormat.HTML || context.format() == InputFormat.TEXT;
        if (articles.isEmpty() && singleStory) {
            String why = rejections.isEmpty() ? "it holds no text" : rejections.get(0).reason();
            throw new RejectedDocumentException(Reason.NO_ARTICLE, context.describe() + " yields no article: " + why);
        }
        return new ParsedDocument(context.format(), charset, articles, rejections, warnings);
    }

    private static InputFormat detect(FormatSniffer.Sniffed sniffed, JsonNode jsonRoot, RawInput input, String subject) {
        InputFormat declared = FormatSniffer.fromContentType(input.contentType());
        return switch (sniffed.shape()) {
            case RSS -> InputFormat.RSS;
            case ATOM -> InputFormat.ATOM;
            case HTML -> InputFormat.HTML;
            case JSON -> {
                if (JsonFeedReader.isJsonFeed(jsonRoot)) {
                    yield InputFormat.JSONFEED;
                }
                if (NinjsReader.isNinjs(jsonRoot)) {
                    yield InputFormat.NINJS;
                }
                throw new RejectedDocumentException(Reason.UNSUPPORTED_FORMAT, subject
                        + " is JSON but neither a JSON Feed (no 'version' naming jsonfeed.org, no 'items') nor a ninjs item "
                        + "(no 'uri', 'headline(s)' or 'bodies')");
            }
            case OTHER_XML -> {
                if (sniffed.xmlDoctype()) {
                    throw new RejectedDocumentException(Reason.UNSAFE_XML, subject + " declares a DOCTYPE; XML with DOCTYPE or entity "
                            + "declarations is refused, as it can read local files (XXE) or expand entities without bound");
                }
                if (declared == InputFormat.HTML) {
                    yield InputFormat.HTML;
                }
                throw new RejectedDocumentException(Reason.UNSUPPORTED_FORMAT, subject + " is XML with root element <"
                        + sniffed.rootName() + ">, which is neither RSS (<rss>, <rdf:RDF>) nor Atom (<feed>)");
            }
            case TEXT -> {
                if (FormatSniffer.promisesStructure(input.contentType())) {
                    throw new RejectedDocumentException(Reason.MALFORMED, subject + " is declared as "
                            + FormatSniffer.mimeOf(input.contentType()) + " but holds neither markup nor JSON: it starts with plain text");
                }
                yield InputFormat.TEXT;
            }
        };
    }

    private JsonNode readJson(String text, ParseContext context) {
        try {
            JsonNode root = json.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new RejectedDocumentException(Reason.EMPTY, context.describe() + " is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new RejectedDocumentException(Reason.MALFORMED, context.describe() + " is not well-formed JSON: "
                    + e.getOriginalMessage() + where, e);
        }
    }

    private static boolean isBlank(byte[] payload) {
        int start = payload.length >= 3 && (payload[0] & 0xFF) == 0xEF && (payload[1] & 0xFF) == 0xBB && (payload[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < payload.length; i++) {
            byte b = payload[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
