package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.schemas.EntityType;
import java.util.List;
import java.util.Set;

/**
 * When a name from the bulk gazetteer (tens of thousands of cities, heads of state and government) may be marked on
 * its own: such lists hold many names that are also ordinary words, so a match alone proves nothing.
 */
final class BulkNameGuard {

    /** A single-word Arabic name of a GeoNames place fires after a locative word from this many inhabitants on. */
    private static final int ARABIC_ONE_WORD_POPULATION = 100_000;
    /** Folded prepositions and directions that put a place after them (في حلب, قرب حمص, شمال إدلب). */
    private static final Set<String> LOCATIVES = Set.of("في", "من", "الي", "قرب", "بين",
            "نحو", "داخل", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "ضواحي", "مدينه", "بلده");
    /** A single capitalised Latin word likewise, and at the start of a sentence (where all words are capitalised). */
    private static final int LATIN_ONE_WORD_POPULATION = 100_000;
    private static final int SENTENCE_START_POPULATION = 1_000_000;

    private final Gazetteer gazetteer;
    private final Triggers triggers;

    BulkNameGuard(Gazetteer gazetteer, Triggers triggers) {
        this.gazetteer = gazetteer;
        this.triggers = triggers;
    }

    /**
     * Whether a bulk-gazetteer name stands on its own where the model saw none: in Latin script every word is
     * capitalised as written (Mobile, not mobile; short joining words such as "de" aside); a person needs the full
     * name; a one-word place needs 100,000 inhabitants, a million at the start of a sentence in Latin script; in
     * Arabic, where case says nothing, a one-word place of three letters or more needs a place noun before it
     * (مدينة, بلدة), or a locative word (في, من, إلى, قرب, شمال ...) and 100,000 inhabitants, and is never a word
     * listed as a given name, a stop word, a non-name or a nationality adjective.
     */
    boolean confident(List<Segment> segments, Gazetteer.Match m) {
        GazetteerEntry entry = m.entry();
        Segment first = segments.get(m.from());
        boolean latin = first.kind() == Token.Kind.WORD;
        if (latin) {
            for (int i = m.from(); i < m.to(); i++) {
                Segment s = segments.get(i);
                boolean inner = i > m.from() && i < m.to() - 1 && s.surface().length() <= 3;
                if (s.kind() == Token.Kind.WORD && !Character.isUpperCase(s.surface().codePointAt(0)) && !inner) {
                    return false;
                }
            }
        }
        int words = 0;
        for (int i = m.from(); i < m.to(); i++) {
            words += segments.get(i).isWord() ? 1 : 0;
        }
        if (entry.type() != EntityType.PLACE) {
            return words > 1;
        }
        if (words > 1) {
            return true;
        }
        if (latin) {
            return entry.population() >= (sentenceStart(segments, m.from()) ? SENTENCE_START_POPULATION
                    : LATIN_ONE_WORD_POPULATION);
        }
        String w = first.folded();
        if (w.codePointCount(0, w.length()) < 3 || triggers.isStop(w) || triggers.is(w, Triggers.Kind.GIVEN_NAME)
                || triggers.is(w, Triggers.Kind.NOT_NAME) || gazetteer.isNationalityAdjective(w)) {
            return false;
        }
        int before = m.from() - 1;
        if (before < 0) {
            return false;
        }
        Segment previous = segments.get(before);
        if (triggers.is(previous.folded(), Triggers.Kind.PLACE_NOUN)) {
            return true;
        }
        boolean locative = previous.clitic() ? previous.folded().equals("ب") : LOCATIVES.contains(previous.folded());
        return locative && entry.population() >= ARABIC_ONE_WORD_POPULATION;
    }

    private static boolean sentenceStart(List<Segment> segments, int i) {
        if (i == 0) {
            return true;
        }
        String previous = segments.get(i - 1).surface();
        return segments.get(i - 1).kind() == Token.Kind.PUNCT && !previous.equals(",") && !previous.equals("-");
    }
}
