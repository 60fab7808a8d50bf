package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Folding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English names for Arabic names no list knows. Scholarly romanisations (ICU's BGN/PCGN) write only what the
 * script writes, so unvowelled names come out unreadable ("Mwlay 'bd Llh"); this writes them the way the press
 * does: name words from a table of agency spellings (مولاي عبد الله → Moulay Abdullah), everything else by rule,
 * with long vowels read from the letters (ا و ي), a short "a" guessed inside a cluster of consonants at the start
 * of a word and an "e" before its last consonant (مازن → Mazen, قرطاس → Qartas), and the article as "al-". The
 * guess is a readable approximation; the Arabic stays in the entity's local name.
 */
public final class Romaniser {
    private static final Map<Integer, String> CONSONANTS = new HashMap<>();

    static {
        String[][] table = {{"ب", "b"}, {"ت", "t"}, {"ث", "th"}, {"ج", "j"}, {"ح", "h"}, {"خ", "kh"}, {"د", "d"},
                {"ذ", "dh"}, {"ر", "r"}, {"ز", "z"}, {"س", "s"}, {"ش", "sh"}, {"ص", "s"}, {"ض", "d"}, {"ط", "t"},
                {"ظ", "z"}, {"غ", "gh"}, {"ف", "f"}, {"ق", "q"}, {"ك", "k"}, {"ل", "l"}, {"م", "m"}, {"ن", "n"},
                {"ه", "h"}, {"پ", "p"}, {"چ", "ch"}, {"گ", "g"}, {"ڤ", "v"}, {"ژ", "zh"}};
        for (String[] row : table) {
            CONSONANTS.put(row[0].codePointAt(0), row[1]);
        }
    }

    private final Map<String, String> words = new HashMap<>();

    /** Reads {@code Arabic<TAB>English} lines ({@code #} comments); keys may be one or two words. */
    public void load(InputStream in) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && line.charAt(0) != '#') {
                    String[] f = line.split("\t");
                    words.put(Folding.fold(f[0]), f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A readable Latin form of an Arabic name; text in other scripts is returned as it is. */
    public String romanise(String arabic) {
        String[] parts = arabic.strip().split("\\s+");
        List<String> out = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String folded = Folding.fold(parts[i]);
            if (folded.isEmpty()) {
                continue;
            }
            String pair = i + 1 < parts.length ? words.get(folded + " " + Folding.fold(parts[i + 1])) : null;
            if (pair != null) {
                out.add(pair);
                i++;
                continue;
            }
            String known = words.get(folded);
            if (known == null && folded.length() > 5 && (folded.startsWith("ابو") || folded.startsWith("عبدال"))) {
                boolean abu = folded.startsWith("ابو");
                out.add(abu ? "Abu" : "Abdel");
                String rest = word(parts[i], abu ? 3 : 5);
                out.add(abu && folded.startsWith("ال", 3) ? "al-" + capitalise(word(parts[i], 5)) : capitalise(rest));
                continue;
            }
            if (known != null) {
                out.add(out.isEmpty() ? capitalise(known) : known);
            } else if (!folded.codePoints().anyMatch(Folding::isArabicLetter)) {
                out.add(parts[i]);
            } else if (folded.startsWith("ال") && folded.length() > 3) {
                boolean afterAbd = !out.isEmpty() && out.get(out.size() - 1).equals("Abdel");
                out.add((out.isEmpty() ? "Al-" : afterAbd ? "" : "al-") + capitalise(word(parts[i], 2)));
            } else {
                out.add(capitalise(word(parts[i], 0)));
            }
        }
        return String.join(" ", out);
    }

    /** One word from code point {@code skip} on, letter by letter; see the class comment for the vowels. */
    private static String word(String surface, int skip) {
        int[] cps = surface.codePoints().filter(cp -> Folding.isArabicLetter(cp) || cp == 0x0651).toArray();
        List<String> units = new ArrayList<>();
        List<Boolean> vowel = new ArrayList<>();
        int letters = 0;
        for (int k = 0; k < cps.length; k++) {
            int cp = cps[k];
            if (cp == 0x0651) {
                if (!units.isEmpty() && !vowel.get(vowel.size() - 1)) {
                    units.add(units.get(units.size() - 1));
                    vowel.add(false);
                }
                continue;
            }
            if (letters++ < skip) {
                continue;
            }
            boolean first = units.isEmpty();
            boolean last = k == cps.length - 1;
            boolean afterVowel = !first && vowel.get(vowel.size() - 1);
            switch (cp) {
                case 'ا', 'آ', 'ى' -> add(units, vowel, "a", true);
                case 'أ' -> add(units, vowel, first ? "a" : "'", first);
                case 'إ' -> add(units, vowel, "i", true);
                case 'ء', 'ئ', 'ؤ' -> add(units, vowel, "'", false);
                case 'ع' -> add(units, vowel, first ? "a" : afterVowel || last ? "'" : "a", !afterVowel && !last);
                case 'ة' -> add(units, vowel, "a", true);
                case 'و' -> add(units, vowel, last && !first ? "o" : first || afterVowel ? "w" : "ou",
                        last && !first || !(first || afterVowel));
                case 'ي' -> add(units, vowel, first || afterVowel && !last ? "y" : "i", !(first || afterVowel && !last));
                default -> add(units, vowel, CONSONANTS.getOrDefault(cp, ""), false);
            }
        }
        StringBuilder b = new StringBuilder();
        int n = units.size();
        for (int k = 0; k < n; k++) {
            b.append(units.get(k));
            boolean consonantPair = k + 1 < n && !vowel.get(k) && !vowel.get(k + 1) && !units.get(k).equals("'")
                    && !units.get(k + 1).equals(units.get(k));
            if (consonantPair && (k == 0 || k == n - 2)) {
                b.append(k == 0 ? 'a' : 'e');
            }
        }
        return b.toString().replace("''", "'");
    }

    private static void add(List<String> units, List<Boolean> vowel, String unit, boolean isVowel) {
        if (!unit.isEmpty()) {
            units.add(unit);
            vowel.add(isVowel);
        }
    }

    private static String capitalise(String s) {
        int at = s.startsWith("'") ? 1 : 0;
        return s.length() <= at ? s : s.substring(0, at) + Character.toUpperCase(s.charAt(at)) + s.substring(at + 1);
    }
}
