package dev.newsroom.enrich;

import dev.newsroom.enrich.advisory.AdvisoryDetector;
import dev.newsroom.enrich.lang.LanguageDetector;
import dev.newsroom.enrich.ner.EntityAssembler;
import dev.newsroom.enrich.ner.FoundEntity;
import dev.newsroom.enrich.ner.NamedEntityTagger;
import dev.newsroom.enrich.ner.SequenceModel;
import dev.newsroom.enrich.summary.ReadingTime;
import dev.newsroom.enrich.summary.Slugger;
import dev.newsroom.enrich.summary.Summarizer;
import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.text.WordTable;
import dev.newsroom.enrich.topics.Stemming;
import dev.newsroom.enrich.topics.TopicClassifier;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.DetectedLanguage;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.Mention;
import dev.newsroom.schemas.Subject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The enrich service's analysis: from an {@link Article} to an {@link EnrichedArticle} (language, entities
 * with mentions and salience, IPTC subjects, advisories, keywords, reading time, slug, summary), and the plain
 * text tagger behind {@code newsroom tag}. Load once with {@link #loadDefault()}; after that every method is
 * thread-safe and does no I/O.
 */
public final class Enricher {
    /** Bumped whenever the code's rules change in a way that changes output; data changes change the hash. */
    static final String RULES_REVISION = "2026.11.28";
    private static final double DISAGREEMENT_CONFIDENCE = 0.8;
    private static final int DETECTION_SAMPLE = 3000;
    private static final double HEADLINE_WEIGHT = 3.0;
    private static final double LEAD_WEIGHT = 1.5;
    private static final double CATEGORY_WEIGHT = 2.0;

    private final Resources resources;
    private final String version;
    private final LanguageDetector languageDetector = new LanguageDetector();
    private final ArabicSegmenter segmenter;
    private final NamedEntityTagger tagger;
    private final EntityAssembler assembler;

    private Enricher(Resources resources) {
        this.resources = resources;
        this.version = "enrich-" + RULES_REVISION + "-" + resources.fingerprint;
        this.segmenter = new ArabicSegmenter(resources.frequencies);
        this.tagger = entityTaggerWith(resources.model, resources.englishModel);
        this.assembler = new EntityAssembler(resources.gazetteer, resources.extended, resources.triggers,
                resources.romaniser);
    }

    /** Loads every gazetteer, lexicon and the NER model from the classpath. */
    public static Enricher loadDefault() {
        return new Enricher(Resources.load(true, RULES_REVISION));
    }

    /** The gazetteer, triggers and lexicons without the NER model: for training that model. */
    static Enricher loadWithoutModel() {
        return new Enricher(Resources.load(false, RULES_REVISION));
    }

    /** Everything but the section models: what they are trained with. */
    static Enricher loadWithoutSections() {
        return new Enricher(Resources.withoutSections(RULES_REVISION));
    }

    /** {@code enrich-<rules revision>-<hash of data and rules>}: changes whenever either does. */
    public String version() {
        return version;
    }

    NamedEntityTagger entityTagger() {
        return tagger;
    }

    NamedEntityTagger entityTaggerWith(SequenceModel arabic, SequenceModel latin) {
        return new NamedEntityTagger(resources.gazetteer, resources.extended, resources.triggers, arabic, latin,
                resources.frequencies, resources.clusters);
    }

    /** Splits Arabic clitics as tagging does: for learning from unlabelled text what the tagger will see. */
    ArabicSegmenter segmenter() {
        return segmenter;
    }

    public EnrichedArticle enrich(Article article, Instant now) {
        String headline = article.getHeadline();
        List<BodyBlock> blocks = article.getBlocks();
        DetectedLanguage language = decideLanguage(detectionSample(headline, blocks), article.getLanguage());
        String lang = language.getCode();

        List<String> blockTexts = new ArrayList<>(blocks.size() + 1);
        blockTexts.add(headline);
        blocks.forEach(b -> blockTexts.add(b.getText()));
        List<EntityAssembler.Block> tagged = tagDocument(blockTexts, -1);
        List<FoundEntity> found = assembler.assemble(tagged, lang);

        WordTable table = Stemming.words(lang);
        List<StemmedText> texts = new ArrayList<>(tagged.size());
        double[] weights = blockWeights(article);
        int words = 0;
        for (int i = 0; i < tagged.size(); i++) {
            List<Segment> segments = tagged.get(i).segments();
            texts.add(StemmedText.of(segments, table, weights[i]));
            words += countWords(segments);
        }
        List<StemmedText> topicTexts = new ArrayList<>(texts);
        for (String category : article.getCategories()) {
            topicTexts.add(StemmedText.of(segmenter.segment(Tokenizer.tokenize(category)), table, CATEGORY_WEIGHT));
        }
        List<Subject> subjects = new ArrayList<>();
        for (TopicClassifier.Scored s : resources.topics.classify(lang, topicTexts)) {
            subjects.add(Subject.newBuilder().setCode(s.topic().qcode()).setUri(s.topic().uri())
                    .setName(s.topic().name()).setRelevance(s.relevance()).build());
        }
        List<String> entityNames = found.stream().map(e -> e.localName() != null ? e.localName() : e.name()).toList();
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(language)
                .setEntities(found.stream().map(Enricher::entity).toList())
                .setSubjects(subjects)
                .setAdvisories(resources.advisories.detect(lang, texts))
                .setKeywords(resources.keywords.keywords(lang, texts, entityNames, 5, 12))
                .setWordCount(words)
                .setReadingTimeSeconds(ReadingTime.seconds(words, lang))
                .setSlug(Slugger.slug(headline))
                .setSummary(Summarizer.summary(article.getSummary(), lead(blocks), lang))
                .setEnricherVersion(version)
                .setEnrichedAt(now)
                .build();
    }

    TopicClassifier topics() {
        return resources.topics;
    }

    AdvisoryDetector advisories() {
        return resources.advisories;
    }

    /** The blocks the topic classifier reads for an article in {@code lang}, weighted and stemmed as enrich does. */
    List<StemmedText> topicTexts(Article article, String lang) {
        WordTable table = Stemming.words(lang);
        double[] weights = blockWeights(article);
        List<StemmedText> texts = new ArrayList<>();
        texts.add(StemmedText.of(segmenter.segment(Tokenizer.tokenize(article.getHeadline())), table, weights[0]));
        for (int i = 0; i < article.getBlocks().size(); i++) {
            texts.add(StemmedText.of(segmenter.segment(Tokenizer.tokenize(article.getBlocks().get(i).getText())),
                    table, weights[i + 1]));
        }
        for (String category : article.getCategories()) {
            texts.add(StemmedText.of(segmenter.segment(Tokenizer.tokenize(category)), table, CATEGORY_WEIGHT));
        }
        return texts;
    }

    /** Language, names (offsets in code points into {@code text}) and subjects of a plain text. */
    public TagResult tag(String text, String languageHint) {
        DetectedLanguage language = decideLanguage(text.length() > DETECTION_SAMPLE
                ? text.substring(0, DETECTION_SAMPLE) : text, languageHint);
        List<TaggedMention> mentions = new ArrayList<>();
        List<EntityAssembler.Block> blocks = tagDocument(List.of(text), 0);
        for (FoundEntity e : assembler.assemble(blocks, language.getCode())) {
            for (FoundEntity.FoundMention m : e.mentions()) {
                mentions.add(new TaggedMention(m.start(), m.end(), m.text(), e.type(), e.name(), e.uri(),
                        m.confidence()));
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        WordTable table = Stemming.words(language.getCode());
        List<SubjectScore> subjects = resources.topics.classify(language.getCode(),
                        List.of(StemmedText.of(blocks.get(0).segments(), table, 1.0))).stream()
                .map(s -> new SubjectScore(s.topic().qcode(), s.topic().uri(), s.topic().name(), s.relevance()))
                .toList();
        return new TagResult(language.getCode(), language.getConfidence(), mentions, subjects);
    }

    /** Tags the texts as one document; block indices start at {@code firstIndex} (-1: the headline first). */
    private List<EntityAssembler.Block> tagDocument(List<String> texts, int firstIndex) {
        List<List<Segment>> segmented = new ArrayList<>(texts.size());
        for (String text : texts) {
            segmented.add(segmenter.segment(Tokenizer.tokenize(text)));
        }
        List<List<NamedEntityTagger.Span>> spans = tagger.tagDocument(segmented);
        List<EntityAssembler.Block> blocks = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            blocks.add(new EntityAssembler.Block(firstIndex + i, texts.get(i), segmented.get(i), spans.get(i)));
        }
        return blocks;
    }

    /**
     * The declared language stands when detection agrees or cannot tell (short text); a confident
     * disagreement replaces it and is recorded.
     */
    private DetectedLanguage decideLanguage(String sample, String declaredTag) {
        String declared = primaryLanguage(declaredTag);
        LanguageDetector.Result detected = languageDetector.detect(sample);
        DetectedLanguage.Builder out = DetectedLanguage.newBuilder().setDeclared(declaredTag).setDisagrees(false);
        if (declared == null) {
            return out.setCode(detected.reliable() || detected.confidence() > 0 ? detected.code() : "und")
                    .setConfidence(detected.confidence()).build();
        }
        if (detected.code().equals(declared) || !detected.reliable()) {
            return out.setCode(declared).setConfidence(detected.code().equals(declared)
                    ? Math.max(detected.confidence(), 0.5) : 0.5).build();
        }
        if (detected.confidence() >= DISAGREEMENT_CONFIDENCE) {
            return out.setCode(detected.code()).setConfidence(detected.confidence()).setDisagrees(true).build();
        }
        return out.setCode(declared).setConfidence(1 - detected.confidence()).build();
    }

    private static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.isEmpty() ? null : primary;
    }

    private static String detectionSample(String headline, List<BodyBlock> blocks) {
        StringBuilder b = new StringBuilder(headline);
        for (BodyBlock block : blocks) {
            if (b.length() >= DETECTION_SAMPLE) {
                break;
            }
            b.append('\n').append(block.getText());
        }
        return b.toString();
    }

    /** How much each block counts for topics, advisories and keywords: headline first, then the body blocks. */
    private static double[] blockWeights(Article article) {
        List<BodyBlock> blocks = article.getBlocks();
        double[] weights = new double[blocks.size() + 1];
        weights[0] = article.getHeadlineDerived() ? 1.0 : HEADLINE_WEIGHT;
        boolean leadSeen = false;
        for (int i = 0; i < blocks.size(); i++) {
            boolean lead = !leadSeen && blocks.get(i).getKind() == BlockKind.PARAGRAPH;
            leadSeen |= lead;
            weights[i + 1] = lead ? LEAD_WEIGHT : 1.0;
        }
        return weights;
    }

    private static String lead(List<BodyBlock> blocks) {
        return blocks.stream().filter(b -> b.getKind() == BlockKind.PARAGRAPH).map(BodyBlock::getText).findFirst()
                .orElse(blocks.isEmpty() ? null : blocks.get(0).getText());
    }

    /** Words as a reader counts them: a clitic split off for tagging is part of its word. */
    private static int countWords(List<Segment> segments) {
        int words = 0;
        for (Segment s : segments) {
            if (!s.clitic() && (s.isWord() || s.kind() == Token.Kind.NUMBER)) {
                words++;
            }
        }
        return words;
    }

    private static Entity entity(FoundEntity e) {
        return Entity.newBuilder()
                .setType(e.type())
                .setName(e.name())
                .setLocalName(e.localName())
                .setUri(e.uri())
                .setConfidence(e.confidence())
                .setSalience(e.salience())
                .setMentions(e.mentions().stream().map(m -> Mention.newBuilder().setBlock(m.block())
                        .setStart(m.start()).setEnd(m.end()).setText(m.text()).build()).toList())
                .build();
    }
}
