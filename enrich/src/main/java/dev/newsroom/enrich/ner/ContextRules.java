package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.ner.NamedEntityTagger.Source;
import dev.newsroom.enrich.ner.NamedEntityTagger.Span;
import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.WordFrequencies;
import dev.newsroom.schemas.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * The tagger's context rules: names no model or list knows, found from what stands around them (titles, roles,
 * organisation heads and place nouns in Arabic; capitalised runs with the same cues in Latin script).
 */
final class ContextRules {

    private final Gazetteer gazetteer;
    private final Triggers triggers;
    private final WordFrequencies frequencies;

    ContextRules(Gazetteer gazetteer, Triggers triggers, WordFrequencies frequencies) {
        this.gazetteer = gazetteer;
        this.triggers = triggers;
        this.frequencies = frequencies;
    }

    /**
     * A title before an unknown name (العميد إلياس حنا), or an organisation head noun with a complement that
     * names whose it is (وزارة الداخلية السورية, حركة حماس). Both are strict: the name must start with a known
     * given name or be a word rare in running text, and the complement must end in a nationality adjective or be
     * a rare word, since "الرئيس يريد" and "حركة القمر" are ordinary prose.
     */
    List<Span> arabicContext(List<Segment> segments) {
        List<Span> spans = new ArrayList<>();
        int n = segments.size();
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            if (s.clitic() || s.kind() != Token.Kind.ARABIC) {
                continue;
            }
            String w = s.folded();
            if (triggers.is(w, Triggers.Kind.PERSON_TITLE)) {
                int j = skipModifiers(segments, i + 1);
                int end = j;
                while (end < n && end - j < NamedEntityTagger.MAX_NAME_TOKENS && nameWord(segments.get(end), end == j)) {
                    end++;
                }
                if (end > j && (triggers.is(segments.get(j).folded(), Triggers.Kind.GIVEN_NAME)
                        || rare(segments.get(j).folded()))) {
                    spans.add(new Span(j, end, EntityType.PERSON, null, 0.7, Source.CONTEXT));
                    i = end - 1;
                }
            } else if (triggers.is(w, Triggers.Kind.ORG_HEAD) && !w.startsWith("ال")) {
                int end = -1;
                for (int j = i + 1; j < n && j - i <= 4 && definiteComplement(segments.get(j)); j++) {
                    if (triggers.is(segments.get(j).folded(), Triggers.Kind.NISBA)) {
                        end = j + 1;
                    }
                }
                if (end < 0 && i + 1 < n && nameWord(segments.get(i + 1), true) && rare(segments.get(i + 1).folded())) {
                    end = i + 2;
                }
                if (end > 0) {
                    spans.add(new Span(i, end, EntityType.ORGANISATION, null, 0.6, Source.CONTEXT));
                    i = end - 1;
                }
            }
        }
        return spans;
    }

    /** Rare in running text and never seen with the definite article: the profile of a proper name. */
    boolean rare(String folded) {
        return frequencies.count(folded) <= NamedEntityTagger.RARE && frequencies.count("ال" + folded) == 0;
    }

    /** Skips adjectives and prepositional phrases after a title, and the comma before an apposed name. */
    private int skipModifiers(List<Segment> segments, int from) {
        int j = from;
        int steps = 0;
        while (j < segments.size() && steps < 5) {
            Segment s = segments.get(j);
            if (s.clitic()) {
                j += 2;
            } else if (s.kind() == Token.Kind.ARABIC && s.folded().startsWith("ال")
                    && gazetteer.match(segments.subList(j, j + 1)).isEmpty()) {
                j++;
            } else {
                break;
            }
            steps++;
        }
        if (j < segments.size() && (segments.get(j).surface().equals("،") || segments.get(j).surface().equals(","))) {
            j++;
        }
        return j;
    }

    private boolean nameWord(Segment s, boolean first) {
        if (s.clitic() || s.kind() != Token.Kind.ARABIC) {
            return false;
        }
        String w = s.folded();
        if (w.startsWith("ال")) {
            return !first && rare(w) && !triggers.isStop(w) && triggers.signature(w) == 0;
        }
        if (w.length() < 2 || triggers.isStop(w) || triggers.signature(w) != 0
                && !triggers.is(w, Triggers.Kind.GIVEN_NAME)) {
            return false;
        }
        if ("لبوفك".indexOf(w.charAt(0)) >= 0 && frequencies.count(w.substring(1)) > 0) {
            return false;
        }
        return frequencies.count(w) < NamedEntityTagger.COMMON_WORD || (!first && frequencies.count(w) < 4 * NamedEntityTagger.COMMON_WORD);
    }

    private boolean definiteComplement(Segment s) {
        return !s.clitic() && s.kind() == Token.Kind.ARABIC && s.folded().startsWith("ال") && s.folded().length() > 3
                && !triggers.isStop(s.folded());
    }

    /** Capitalised runs in Latin-script text, typed by titles, organisation heads and place cues. */
    List<Span> latinContext(List<Segment> segments) {
        List<Span> spans = new ArrayList<>();
        int n = segments.size();
        int i = 0;
        while (i < n) {
            Segment s = segments.get(i);
            if (!s.isCapitalised() || triggers.isStop(s.folded())) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n) {
                Segment e = segments.get(end);
                if (e.isCapitalised() && !triggers.isStop(e.folded())) {
                    end++;
                } else if (connector(e) && end + 1 < n && segments.get(end + 1).isCapitalised()) {
                    end += 2;
                } else {
                    break;
                }
            }
            int from = i;
            while (from < end && triggers.is(segments.get(from).folded(), Triggers.Kind.PERSON_TITLE)) {
                from++;
            }
            EntityType type = latinType(segments, i, from, end);
            if (from < end && type != null) {
                spans.add(new Span(from, end, type, null, type == EntityType.PERSON && from == i ? 0.55 : 0.65,
                        Source.CONTEXT));
            }
            i = end;
        }
        return spans;
    }

    private EntityType latinType(List<Segment> segments, int runStart, int from, int end) {
        if (from >= end) {
            return null;
        }
        String first = segments.get(from).folded();
        String last = segments.get(end - 1).folded();
        if (triggers.is(first, Triggers.Kind.ORG_HEAD) || triggers.is(last, Triggers.Kind.ORG_TAIL)) {
            return EntityType.ORGANISATION;
        }
        if (from > runStart || titleBefore(segments, runStart)) {
            return EntityType.PERSON;
        }
        if (runStart > 0 && triggers.is(segments.get(runStart - 1).folded(), Triggers.Kind.PLACE_NOUN)) {
            return EntityType.PLACE;
        }
        if (end - from == 1 && acronym(segments.get(from).surface())) {
            return EntityType.ORGANISATION;
        }
        return end - from >= 2 && triggers.is(first, Triggers.Kind.GIVEN_NAME) ? EntityType.PERSON : null;
    }

    /** IAEA, APEC, VOA: an all-capitals word of two to five letters the gazetteer does not know is an organisation. */
    private static boolean acronym(String word) {
        return word.length() >= 2 && word.length() <= 5 && word.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    /** A title right before the name, or before a comma that opens an apposition ("the envoy, Ingrid Halvorsen"). */
    private boolean titleBefore(List<Segment> segments, int runStart) {
        int i = runStart - 1;
        if (i >= 0 && segments.get(i).surface().equals(",")) {
            i--;
        }
        return i >= 0 && triggers.is(segments.get(i).folded(), Triggers.Kind.PERSON_TITLE);
    }

    private static boolean connector(Segment s) {
        return switch (s.surface()) {
            case "of", "the", "de", "du", "des", "von", "der", "van", "bin", "ibn", "al", "el", "la", "le", "-" -> true;
            default -> false;
        };
    }
}
