package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.WordFrequencies;
import dev.newsroom.schemas.EntityType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds name spans in one block of segments. Three sources, in order of trust when they overlap:
 * the gazetteer (known entities, with ids), the sequence model of the block's script (Arabic: trained on NewsFANE;
 * Latin: trained on English news of the Groningen Meaning Bank) and context rules (a title before an unknown
 * person, an organisation head noun, capitalised runs in Latin script).
 */
public final class NamedEntityTagger {
    /** Where a span came from; decides confidence and which one wins an overlap. */
    public enum Source { GAZETTEER, MODEL, CONTEXT }

    /** Segments [from, to) name an entity of {@code type}; {@code entry} is the gazetteer entity, if known. */
    public record Span(int from, int to, EntityType type, GazetteerEntry entry, double confidence, Source source) {
        boolean overlaps(Span o) {
            return from < o.to && o.from < to;
        }
    }

    /**
     * Taken off the Arabic model's score for O at every word when tagging: its mistakes are mostly names it missed
     * (recall 0.65 against precision 0.79), and a penalty of 15 trades some precision for recall (cross-validated F1
     * 0.723 against 0.721 without; 40 did worse). The English model is balanced (recall 0.77, precision 0.80) and gains
     * nothing from it (5-fold cross-validation on gmb-train.conll: 0.782 without, 0.781 with), so it has none.
     */
    static final float ARABIC_OUTSIDE_PENALTY = 15f;
    static final int MAX_NAME_TOKENS = 3;
    static final long COMMON_WORD = 40;
    static final long RARE = 3;

    /** Each tagging thread's tables for one sentence, reused (tagging allocated some 1 KB a word before). */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(() -> new Buffers(64));

    private record Buffers(FeatureExtractor.Context context, int[] labels, float[] margins, Decoder.Scratch decoding) {
        Buffers(int capacity) {
            this(new FeatureExtractor.Context(capacity), new int[capacity], new float[capacity], new Decoder.Scratch());
        }

        Buffers fit(int n) {
            if (n <= context.capacity()) {
                return this;
            }
            Buffers larger = new Buffers(Math.max(n, 2 * context.capacity()));
            BUFFERS.set(larger);
            return larger;
        }
    }

    private final Gazetteer gazetteer;
    private final Gazetteer extended;
    private final Triggers triggers;
    private final SequenceModel model;
    private final SequenceModel latinModel;
    private final WordFrequencies frequencies;
    private final FeatureExtractor extractor;
    private final ContextRules contextRules;
    private final BulkNameGuard bulkNames;
    /** Each tagging thread's word records, one table per model: a record holds scores under its model's weights. */
    private final ThreadLocal<WordRecords> arabicWords;
    private final ThreadLocal<WordRecords> latinWords;

    /**
     * {@code model} tags Arabic blocks, {@code latinModel} Latin-script ones; either may be null (training): then
     * gazetteer and context rules only.
     */
    public NamedEntityTagger(Gazetteer gazetteer, Triggers triggers, SequenceModel model, SequenceModel latinModel,
                             WordFrequencies frequencies, WordClusters clusters) {
        this(gazetteer, null, triggers, model, latinModel, frequencies, clusters);
    }

    /**
     * {@code extended}: the bulk gazetteer (GeoNames cities, Wikidata heads of state and government), which is no
     * model feature: its names are marked only where nothing else is and only when {@link BulkNameGuard#confident} holds.
     */
    public NamedEntityTagger(Gazetteer gazetteer, Gazetteer extended, Triggers triggers, SequenceModel model,
                             SequenceModel latinModel, WordFrequencies frequencies, WordClusters clusters) {
        this.gazetteer = gazetteer;
        this.extended = extended;
        this.triggers = triggers;
        this.model = model;
        this.latinModel = latinModel;
        this.frequencies = frequencies;
        this.extractor = new FeatureExtractor(triggers, frequencies, clusters);
        this.contextRules = new ContextRules(gazetteer, triggers, frequencies);
        this.bulkNames = new BulkNameGuard(gazetteer, triggers);
        this.arabicWords = ThreadLocal.withInitial(() -> new WordRecords(model, extractor));
        this.latinWords = ThreadLocal.withInitial(() -> new WordRecords(latinModel, extractor));
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Triggers triggers() {
        return triggers;
    }

    /**
     * Tags the blocks of one document, then makes the document consistent ({@link DocumentNames}): a name the tagger
     * found in one place is also marked where it recurs unmarked, or widened where only part of it was marked.
     */
    public List<List<Span>> tagDocument(List<List<Segment>> blocks) {
        List<List<Span>> out = new ArrayList<>(blocks.size());
        for (List<Segment> block : blocks) {
            out.add(new ArrayList<>(tag(block)));
        }
        DocumentNames.makeConsistent(blocks, out);
        return out;
    }

    public List<Span> tag(List<Segment> segments) {
        if (segments.isEmpty()) {
            return List.of();
        }
        List<Gazetteer.Match> matches = gazetteer.match(segments);
        List<Span> known = new ArrayList<>();
        for (Gazetteer.Match m : matches) {
            known.add(new Span(m.from(), m.to(), m.entry().type(), m.entry(), 0.9, Source.GAZETTEER));
        }
        boolean arabic = arabicShare(segments) > 0.5;
        List<Span> spans = new ArrayList<>();
        SequenceModel scriptModel = arabic ? model : latinModel;
        if (scriptModel != null) {
            spans.addAll(modelSpans(scriptModel, arabic ? ARABIC_OUTSIDE_PENALTY : 0, segments, matches));
        }
        spans = mergeKnown(spans, known, !arabic);
        // A context rule may add the first words the model missed, but after where the model ended only a family
        // name (الصباحي) or a word rare in running text (قرطاس): the words it would add there are more often the
        // verb that follows the name. An organisation takes the rule's whole complement (وزارة الزراعة التونسية), and so
        // does a person the model saw only the given name of, after a title (العميد [سامر] خطاب). The
        // capitalised-run rules for Latin script stand in for a model only: with the English model they add more
        // wrong names than right ones.
        List<Span> rules = arabic ? contextRules.arabicContext(segments) : latinModel == null ? contextRules.latinContext(segments) : List.of();
        for (Span s : rules) {
            List<Span> overlapping = spans.stream().filter(s::overlaps).toList();
            boolean widensModel = !overlapping.isEmpty() && overlapping.stream().allMatch(o ->
                    o.source() == Source.MODEL && o.type() == s.type() && o.from() >= s.from() && o.to() <= s.to());
            if (overlapping.isEmpty()) {
                spans.add(s);
            } else if (widensModel) {
                int end = overlapping.stream().mapToInt(Span::to).max().orElseThrow();
                boolean givenNameAfterTitle = overlapping.size() == 1 && end - s.from() == 1
                        && s.type() == EntityType.PERSON && s.from() > 0
                        && triggers.is(segments.get(s.from() - 1).folded(), Triggers.Kind.PERSON_TITLE);
                while (end < s.to() && (s.type() == EntityType.ORGANISATION || givenNameAfterTitle
                        || familyName(segments.get(end).folded()) || contextRules.rare(segments.get(end).folded()))) {
                    end++;
                }
                spans.removeAll(overlapping);
                spans.add(new Span(s.from(), end, s.type(), null, s.confidence(), s.source()));
            }
        }
        spans.removeIf(s -> s.type() == EntityType.OTHER || !plausible(segments, s));
        if (extended != null) {
            for (Gazetteer.Match m : extended.match(segments)) {
                Span s = new Span(m.from(), m.to(), m.entry().type(), m.entry(), 0.8, Source.GAZETTEER);
                List<Span> overlapping = spans.stream().filter(s::overlaps).toList();
                if (overlapping.isEmpty() && bulkNames.confident(segments, m) && plausible(segments, s)) {
                    spans.add(s);
                } else if (retypedAfterFrenchLocative(segments, s, overlapping) && plausible(segments, s)) {
                    spans.removeAll(overlapping);
                    spans.add(s);
                }
            }
        }
        spans.sort(Comparator.comparingInt(Span::from));
        return spans;
    }

    /**
     * French articles, prepositions and conjunctions in lower case, which open or close no name: the English model
     * also reads French text and, trained on the whole GMB extract, takes them into names ("de la [Tunisie]",
     * "[l'Afrique]", "[Front] de").
     */
    private static final java.util.Set<String> FRENCH_FUNCTION_WORDS = java.util.Set.of("l'", "d'", "de", "du", "des",
            "la", "le", "les", "a", "au", "aux", "en", "et", "ou", "n'", "s'", "qu'");

    private static boolean frenchFunctionWord(Segment s) {
        return !s.isCapitalised() && FRENCH_FUNCTION_WORDS.contains(s.folded());
    }

    /**
     * After à, au or aux, a name the bulk gazetteer knows as a place is that place, whatever else the model typed the
     * same words: the English model also reads French text, and since it learnt from the whole GMB extract it takes
     * "à Meknès" for an organisation more often.
     */
    private static boolean retypedAfterFrenchLocative(List<Segment> segments, Span place, List<Span> overlapping) {
        if (place.type() != EntityType.PLACE || place.from() == 0 || overlapping.size() != 1) {
            return false;
        }
        Span model = overlapping.get(0);
        if (model.source() != Source.MODEL || model.type() == EntityType.PLACE || model.from() != place.from()
                || model.to() != place.to()) {
            return false;
        }
        String before = segments.get(place.from() - 1).surface().toLowerCase(java.util.Locale.ROOT);
        return before.equals("à") || before.equals("au") || before.equals("aux");
    }

    /**
     * A capitalised head noun alone names the institution the text is about when the Latin-script model types it an
     * organisation ("goes to [Congress]", "the [Senate] voted"); in lower case, or in Arabic, it stays a common
     * noun. Cross-validated on gmb-train: ORGANISATION F1 0.644 against 0.633 when every lone head was dropped.
     */
    private static boolean capitalisedOrganisation(Span span, Segment word) {
        return span.type() == EntityType.ORGANISATION && word.isCapitalised();
    }

    /**
     * The minimum evidence for a name: it starts and ends with a whole word (never a split-off clitic such as the
     * ف of فبعد), is not made of function words only, and is not one of the common words the model and the context
     * rules mistake for names: a role noun alone (الوزارة, المنتخب, قيادة; a capitalised one may be an
     * organisation), a person or place ending in a common noun (بعين الاعتبار), a nationality adjective read as its
     * country (قوة أمريكية سورية), or a person's name that names a stadium or an airport (ملعب الأمير مولاي عبد الله).
     */
    private boolean plausible(List<Segment> segments, Span span) {
        Segment first = segments.get(span.from());
        Segment last = segments.get(span.to() - 1);
        if (!first.isWord() || !last.isWord() || first.clitic() || last.clitic()) {
            return false;
        }
        boolean content = false;
        for (int i = span.from(); i < span.to(); i++) {
            Segment s = segments.get(i);
            content |= s.isWord() && !triggers.isStop(s.folded());
        }
        if (!content) {
            return false;
        }
        if (span.type() == EntityType.PLACE && span.to() - span.from() == 1 && adjectiveUse(segments, span.from())) {
            return false;
        }
        if (span.type() == EntityType.PERSON && namesFacility(segments, span)) {
            return false;
        }
        if (span.entry() != null) {
            return true;
        }
        String lastWord = last.folded();
        if (span.to() - span.from() == 1) {
            String w = first.folded();
            return first.folded().codePointCount(0, first.folded().length()) >= 2
                    && !triggers.is(w, Triggers.Kind.NOT_NAME)
                    && (!triggers.is(w, Triggers.Kind.ORG_HEAD) || capitalisedOrganisation(span, first))
                    && !gazetteer.isNationalityAdjective(first.folded());
        }
        return span.type() == EntityType.ORGANISATION || !triggers.is(lastWord, Triggers.Kind.NOT_NAME);
    }

    /**
     * A nationality adjective after another one (قوة أمريكية سورية) or after a definite noun (القوات السعودية)
     * describes that noun; the same letters after a preposition, a conjunction or a verb (في سورية, وسورية, زار
     * السعودية) name the country.
     */
    private boolean adjectiveUse(List<Segment> segments, int i) {
        String w = segments.get(i).folded();
        if (!gazetteer.isNationalityAdjective(w) || i == 0) {
            return false;
        }
        Segment previous = segments.get(i - 1);
        if (previous.clitic() || previous.kind() != Token.Kind.ARABIC || triggers.isStop(previous.folded())) {
            return false;
        }
        String p = previous.folded();
        if (gazetteer.isNationalityAdjective(p) || triggers.is(p, Triggers.Kind.NISBA)) {
            return true;
        }
        return w.startsWith("ال") && p.startsWith("ال");
    }

    /** Arabic writes the facility first (ملعب [الأمير] ...), English after the name (... Stadium). */
    private boolean namesFacility(List<Segment> segments, Span span) {
        int before = span.from() - 1;
        if (before >= 0 && triggers.is(segments.get(before).folded(), Triggers.Kind.PERSON_TITLE)) {
            before--;
        }
        if (before >= 0 && segments.get(before).kind() == Token.Kind.ARABIC
                && triggers.is(segments.get(before).folded(), Triggers.Kind.FACILITY)) {
            return true;
        }
        return span.to() < segments.size() && segments.get(span.to()).kind() == Token.Kind.WORD
                && triggers.is(segments.get(span.to()).folded(), Triggers.Kind.FACILITY);
    }

    private static double arabicShare(List<Segment> segments) {
        int words = 0;
        int arabic = 0;
        for (Segment s : segments) {
            if (s.isWord()) {
                words++;
                if (s.kind() == Token.Kind.ARABIC) {
                    arabic++;
                }
            }
        }
        return words == 0 ? 0 : (double) arabic / words;
    }

    int[] gazetteerLabels(int n, List<Gazetteer.Match> matches) {
        int[] labels = new int[n];
        for (Gazetteer.Match m : matches) {
            int type = Labels.typeIndex(m.entry().type());
            labels[m.from()] = Labels.begin(type);
            for (int i = m.from() + 1; i < m.to(); i++) {
                labels[i] = Labels.inside(type);
            }
        }
        return labels;
    }

    FeatureExtractor.Context context(List<Segment> segments, int[] memoryLabels) {
        return extractor.extract(segments, gazetteerLabels(segments.size(), gazetteer.match(segments)), memoryLabels);
    }

    private List<Span> modelSpans(SequenceModel model, float outsidePenalty, List<Segment> segments,
                                  List<Gazetteer.Match> matches) {
        Buffers buffers = BUFFERS.get().fit(segments.size());
        WordRecords records = (model == latinModel ? latinWords : arabicWords).get();
        FeatureExtractor.Context c = buffers.context;
        records.fill(c, segments, gazetteerLabels(segments.size(), matches), model.memory().labels(segments));
        float[] margins = buffers.margins;
        int[] labels = buffers.labels;
        records.decode(c, outsidePenalty, labels, margins, buffers.decoding);
        List<Span> spans = new ArrayList<>();
        int n = c.n;
        int i = 0;
        while (i < n) {
            if (labels[i] == Labels.O) {
                i++;
                continue;
            }
            int type = Labels.typeOf(labels[i]);
            int j = i + 1;
            double margin = margins[i];
            while (j < n && labels[j] == Labels.inside(type)) {
                margin += margins[j];
                j++;
            }
            double confidence = 0.5 + 0.45 * Math.tanh(margin / (j - i) / 8.0);
            int end = nameEnd(segments, i, j, type);
            int from = model == latinModel ? latinNameStart(segments, i, end, type) : arabicNameStart(segments, i, end,
                    type);
            while (model == latinModel && end > from && frenchFunctionWord(segments.get(end - 1))) {
                end--;
            }
            if (from < end) {
                spans.add(new Span(from, end, Labels.entityType(type), null, confidence, Source.MODEL));
            }
            i = j;
        }
        return spans;
    }

    /**
     * Where a Latin-script person or place the model found really starts: after a title and the words qualifying it
     * ("President [Donald Trump]", "Prime Minister [Ehud Olmert]"; {@link Triggers#afterTitle}), which are not part
     * of the name here, and after a lower-case word ("southern [Syria]"). Organisations keep theirs ("al-Qaida" is
     * written so) but for French function words ({@link #frenchFunctionWord}: "de la [Commission]").
     */
    private int latinNameStart(List<Segment> segments, int from, int to, int type) {
        int person = Labels.typeIndex(EntityType.PERSON);
        int place = Labels.typeIndex(EntityType.PLACE);
        int k = from;
        while (k < to) {
            int next = type == person ? triggers.afterTitle(i -> segments.get(i).folded(), k, to) : k;
            while (next < to && segments.get(next).kind() == Token.Kind.WORD && !segments.get(next).isCapitalised()
                    && (type == person || type == place || frenchFunctionWord(segments.get(next)))) {
                next++;
            }
            if (next == k) {
                break;
            }
            k = next;
        }
        return k;
    }

    /**
     * Where an Arabic person the model found really starts: after a title (العميد [سامر خطاب]), which names here
     * leave out, as NewsFANE's do; the model trained with word classes sometimes takes one in.
     */
    private int arabicNameStart(List<Segment> segments, int from, int to, int type) {
        int k = from;
        while (type == Labels.typeIndex(EntityType.PERSON) && k < to
                && triggers.is(segments.get(k).folded(), Triggers.Kind.PERSON_TITLE)) {
            k++;
        }
        return k;
    }

    /** The shape of an Arab family name: the article and a nisba ending (الصباحي, البارزاني). */
    private static boolean familyName(String folded) {
        return folded.length() > 4 && folded.startsWith("ال") && folded.endsWith("ي");
    }

    /**
     * Where a name the model found really ends: a greedy tagger that has started a name tends to run on into the
     * verb or particle after it (عوض وديعة الله قال للجزيرة), so a name stops before a function word, and a person or
     * place before a one-letter word (a split-off pronoun or preposition).
     */
    private int nameEnd(List<Segment> segments, int from, int to, int type) {
        for (int k = from + 1; k < to; k++) {
            Segment s = segments.get(k);
            String w = s.folded();
            if (triggers.isStop(w) && s.kind() == Token.Kind.ARABIC
                    || type != Labels.typeIndex(EntityType.ORGANISATION) && w.length() == 1 && s.isWord()) {
                return k;
            }
        }
        return to;
    }

    /**
     * Gazetteer spans replace the model's where they overlap (they carry an identity), except where the model
     * found a longer name of another type that opens with an organisation head (جامعة القاهرة is a university,
     * not Cairo), and, in Latin script, where the model's span holds the gazetteer's of the same type and more
     * (the English model learnt where names end: "U.N. Security Council", "East Jerusalem").
     */
    private List<Span> mergeKnown(List<Span> modelSpans, List<Span> known, boolean latin) {
        List<Span> out = new ArrayList<>();
        List<Span> kept = new ArrayList<>(known);
        for (Span m : modelSpans) {
            List<Span> overlapping = known.stream().filter(m::overlaps).toList();
            if (overlapping.isEmpty()) {
                out.add(m);
                continue;
            }
            boolean modelWins = latin && overlapping.stream().allMatch(o -> m.from() <= o.from() && m.to() >= o.to()
                    && m.to() - m.from() > o.to() - o.from() && o.type() == m.type())
                    || overlapping.size() == 1 && m.from() <= overlapping.get(0).from()
                    && m.to() >= overlapping.get(0).to() && (m.to() - m.from()) > (overlapping.get(0).to()
                    - overlapping.get(0).from()) && m.type() != overlapping.get(0).type()
                    && m.type() == EntityType.ORGANISATION;
            if (modelWins) {
                kept.removeAll(overlapping);
                out.add(m);
            } else if (overlapping.size() == 1 && overlapping.get(0).from() == m.from()
                    && overlapping.get(0).to() == m.to()) {
                Span k = overlapping.get(0);
                kept.remove(k);
                out.add(new Span(k.from(), k.to(), k.type(), k.entry(), Math.max(0.95, m.confidence()),
                        Source.GAZETTEER));
            }
        }
        out.addAll(kept);
        return out;
    }

}
