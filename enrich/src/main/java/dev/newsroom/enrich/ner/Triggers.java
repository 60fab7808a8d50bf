package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.DataRows;
import dev.newsroom.enrich.text.Folding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Context words that reveal a name the gazetteer does not know: titles and roles before people, head nouns
 * of organisations, place nouns, and common words that end a name. Folded, so every spelling matches.
 */
public final class Triggers {
    public enum Kind { PERSON_TITLE, ORG_HEAD, ORG_TAIL, PLACE_NOUN, NAME_STOP, GIVEN_NAME, NISBA, NOT_NAME, FACILITY,
        TITLE_MODIFIER }

    private final Map<String, EnumSet<Kind>> byWord = new HashMap<>();
    private final Set<String> stops = new HashSet<>();
    private final Set<String> listedNames = new HashSet<>();

    public void load(InputStream in) {
        for (String[] f : DataRows.read(in)) {
            Kind kind = Kind.valueOf(f[0]);
            for (String word : f[2].split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String folded = Folding.fold(word);
                if (kind == Kind.NAME_STOP) {
                    stops.add(folded);
                } else {
                    byWord.computeIfAbsent(folded, w -> EnumSet.noneOf(Kind.class)).add(kind);
                }
            }
        }
    }

    /** Reads a list of given names, one a line ({@code #} comments): evidence for the model, not a rule. */
    public void loadNameList(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && line.charAt(0) != '#') {
                    listedNames.add(Folding.fold(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a folded word is in the given-name list or among the GIVEN_NAME triggers. */
    public boolean isListedName(String folded) {
        return listedNames.contains(folded) || is(folded, Kind.GIVEN_NAME);
    }

    public boolean is(String folded, Kind kind) {
        EnumSet<Kind> kinds = byWord.get(folded);
        return kinds != null && kinds.contains(kind);
    }

    /** A small number naming the set of trigger kinds of a folded word (0 for none), for model features. */
    public int signature(String folded) {
        EnumSet<Kind> kinds = byWord.get(folded);
        if (kinds == null) {
            return 0;
        }
        int bits = 0;
        for (Kind k : kinds) {
            bits |= 1 << k.ordinal();
        }
        return bits;
    }

    /**
     * Where a name starts after the title written before it, among folded words {@code [from, to)}: after the last
     * title of the leading run of titles and the words that qualify them ("Prime Minister", "Interim Prime Minister",
     * "Foreign Minister"); a qualifying word with no title after it ("Prime" alone) is kept. {@code from} if none.
     */
    public int afterTitle(IntFunction<String> folded, int from, int to) {
        int start = from;
        for (int k = from; k < to; k++) {
            String w = folded.apply(k);
            if (is(w, Kind.PERSON_TITLE)) {
                start = k + 1;
            } else if (!is(w, Kind.TITLE_MODIFIER)) {
                break;
            }
        }
        return start;
    }

    public boolean isStop(String folded) {
        return stops.contains(folded);
    }
}
