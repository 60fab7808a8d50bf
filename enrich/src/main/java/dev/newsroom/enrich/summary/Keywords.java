package dev.newsroom.enrich.summary;

import dev.newsroom.enrich.text.DataRows;
import dev.newsroom.enrich.text.Folding;
import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.text.Word;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key terms, most important first: the most salient entities' names, then content words weighted by where they
 * occur (headline, lead, body) and how often. Words are grouped by stem, so الهجوم and والهجوم count as one,
 * and shown in their commonest written form.
 */
public final class Keywords {
    private static final int MIN_LETTERS = 3;

    private final Map<String, Set<String>> stopwords = new HashMap<>();

    /**
     * Words remember whether the list leaves them out by the language's set of stop words, so each load builds a
     * new set: no word keeps an answer from before it.
     */
    public void loadStopwords(InputStream in) {
        for (String[] f : DataRows.read(in)) {
            Set<String> words = new HashSet<>(stopwords.getOrDefault(f[0], Set.of()));
            for (String w : f[1].split(" ")) {
                words.add(Folding.fold(w));
            }
            stopwords.put(f[0], words);
        }
    }

    public List<String> keywords(String language, List<StemmedText> texts, List<String> entityNames,
                                 int entityLimit, int limit) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> entityWords = new HashSet<>();
        for (String name : entityNames) {
            if (out.size() >= entityLimit) {
                break;
            }
            out.add(name);
            for (Token t : Tokenizer.tokenize(name)) {
                entityWords.add(t.folded());
            }
        }
        Set<String> stops = stopwords.getOrDefault(language, Set.of());
        Map<String, Stem> byStem = new HashMap<>();
        for (StemmedText text : texts) {
            for (int i = 0; i < text.size(); i++) {
                Word word = text.words().get(i);
                if (excluded(word, stops) || entityWords.contains(word.folded())) {
                    continue;
                }
                Stem counted = byStem.computeIfAbsent(word.stem(), Stem::new);
                counted.score += text.weight();
                counted.add(word.display(text.surfaces().get(i), Keywords::displayForm));
            }
        }
        List<Stem> stems = new ArrayList<>(byStem.values());
        stems.sort(Comparator.comparingDouble((Stem s) -> s.score).reversed().thenComparing(s -> s.stem));
        for (Stem stem : stems) {
            if (out.size() >= limit) {
                break;
            }
            out.add(stem.commonestForm());
        }
        return new ArrayList<>(out);
    }

    /** Left out whatever the document says: too short, a stop word (or its stem is), a number. */
    private static boolean excluded(Word word, Set<String> stops) {
        return word.memo(Word.KEYWORD_EXCLUDED, stops, (w, stopWords) -> {
            String folded = w.folded();
            String stem = w.stem();
            return folded.codePointCount(0, folded.length()) < MIN_LETTERS || stopWords.contains(folded)
                    || stem.length() < 2 || stopWords.contains(stem) || Character.isDigit(folded.codePointAt(0)) ? 1 : 0;
        }) == 1;
    }

    /**
     * A stem's score and written forms. Most stems have one form, so the map of forms (whose iteration order settles
     * ties, as it always did) is made only when a second one appears.
     */
    private static final class Stem {
        final String stem;
        double score;
        String form;
        int count;
        Map<String, Integer> forms;

        Stem(String stem) {
            this.stem = stem;
        }

        void add(String written) {
            if (forms != null) {
                forms.merge(written, 1, Integer::sum);
            } else if (form == null) {
                form = written;
                count = 1;
            } else if (form.equals(written)) {
                count++;
            } else {
                forms = new HashMap<>();
                forms.put(form, count);
                forms.put(written, 1);
            }
        }

        String commonestForm() {
            if (forms == null) {
                return form;
            }
            return forms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> -e.getKey().length())).orElseThrow().getKey();
        }
    }

    /** Words lower-cased unless written all in capitals (acronyms); scripts without case are unchanged. */
    private static String displayForm(String s) {
        boolean simple = true;
        boolean lower = false;
        for (int i = 0; i < s.length() && simple; i++) {
            char c = s.charAt(i);
            simple = c < 0x80 || (c >= 0x0600 && c <= 0x06FF);
            lower |= c >= 'a' && c <= 'z';
        }
        if (simple) {
            // The same answer as below without building the upper-cased copy: most words are plain ASCII or Arabic,
            // and Arabic letters have no case.
            return lower ? s.toLowerCase(java.util.Locale.ROOT) : s;
        }
        return s.equals(s.toUpperCase(java.util.Locale.ROOT)) ? s : s.toLowerCase(java.util.Locale.ROOT);
    }
}
