package dev.newsroom.enrich.ner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code TOKEN<TAB>TAG} BIO file (blank line between sentences, {@code # } comment lines) and maps
 * NewsFANE's fine classes (and CoNLL, OntoNotes and GMB ones) to
 * the coarse ones scored (PERSON, ORGANISATION, PLACE) or to MISC (annotated, not scored). Invisible marks in
 * tokens (U+FEFF, U+200E) are dropped, since the text they stand for has none.
 */
public final class ConllCorpus {
    private static final Set<String> PERSON = Set.of("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER",
            "Scientist", "Businessperson", "Lawyer", "Engineer", "Police");
    private static final Set<String> ORGANISATION = Set.of("Government", "Non-Governmental", "Commercial",
            "Educational", "Media", "Religious_ORG", "Sports", "Medical-Science", "Entertainment");
    private static final Set<String> PLACE = Set.of("Nation", "Population-Center", "State-or-Province",
            "County-or-District", "GPE-Cluster", "Continent", "Water-Body", "Land-Region-Natural", "Celestial");
    /** CoNLL/OntoNotes-style classes, and the Groningen Meaning Bank's lower-case ones (its gpe is not scored). */
    private static final Set<String> ENGLISH_PERSON = Set.of("PER", "PERSON", "per");
    private static final Set<String> ENGLISH_ORGANISATION = Set.of("ORG", "ORGANIZATION", "ORGANISATION", "org");
    private static final Set<String> ENGLISH_PLACE = Set.of("LOC", "GPE", "LOCATION", "PLACE", "geo");

    /** One sentence: tokens and their coarse labels ({@link Labels} indices). */
    public record Sentence(String[] tokens, int[] labels) {
    }

    private ConllCorpus() {
    }

    public static List<Sentence> read(Path file) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String clean = line.replace("\uFEFF", "").replace("\u200E", "").replace("\u200F", "");
            if (clean.startsWith("# ")) {
                continue;
            }
            if (clean.isBlank() || clean.startsWith("-DOCSTART-")) {
                flush(tokens, labels, sentences);
                continue;
            }
            String[] f = clean.split("[\t ]");
            String token = f[0];
            if (token.isEmpty()) {
                continue;
            }
            tokens.add(token);
            labels.add(coarse(f[f.length - 1]));
        }
        flush(tokens, labels, sentences);
        return sentences;
    }

    private static void flush(List<String> tokens, List<Integer> labels, List<Sentence> out) {
        if (!tokens.isEmpty()) {
            out.add(new Sentence(tokens.toArray(String[]::new), labels.stream().mapToInt(Integer::intValue).toArray()));
            tokens.clear();
            labels.clear();
        }
    }

    /** BIO tag to coarse label index; unknown or unscored classes become MISC, {@code O} stays O. */
    static int coarse(String tag) {
        if (tag.equals("O") || tag.length() < 3) {
            return Labels.O;
        }
        boolean begin = tag.charAt(0) == 'B';
        String cls = tag.substring(2);
        int type;
        if (PERSON.contains(cls) || ENGLISH_PERSON.contains(cls)) {
            type = 0;
        } else if (ORGANISATION.contains(cls) || ENGLISH_ORGANISATION.contains(cls)) {
            type = 1;
        } else if (PLACE.contains(cls) || ENGLISH_PLACE.contains(cls)) {
            type = 2;
        } else {
            type = 3;
        }
        return begin ? Labels.begin(type) : Labels.inside(type);
    }
}
