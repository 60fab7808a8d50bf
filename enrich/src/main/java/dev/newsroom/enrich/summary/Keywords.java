package dev.newsroom.enrich.summary;

import dev.newsroom.enrich.text.DataRows;
import dev.newsroom.enrich.text.Folding;
import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;

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

    public void loadStopwords(InputStream in) {
        for (String[] f : DataRows.read(in)) {
            Set<String> words = stopwords.computeIfAbsent(f[0], l -> new HashSet<>());
            for (String w : f[1].split(" ")) {
                words.add(Folding.fold(w));
            }
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
        Map<String, Double> score = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (StemmedText text : texts) {
            for (int i = 0; i < text.size(); i++) {
                String folded = text.folded().get(i);
                String stem = text.stems().get(i);
                if (folded.codePointCount(0, folded.length()) < MIN_LETTERS || stops.contains(folded)
                        || entityWords.contains(folded) || stem.length() < 2 || stops.contains(stem)
                        || Character.isDigit(folded.codePointAt(0))) {
                    continue;
                }
                score.merge(stem, text.weight(), Double::sum);
                forms.computeIfAbsent(stem, k -> new HashMap<>()).merge(displayForm(text.surfaces().get(i)), 1,
                        Integer::sum);
            }
        }
        List<String> stems = new ArrayList<>(score.keySet());
        stems.sort(Comparator.comparingDouble((String s) -> score.get(s)).reversed().thenComparing(s -> s));
        for (String stem : stems) {
            if (out.size() >= limit) {
                break;
            }
            Map<String, Integer> f = forms.get(stem);
            String form = f.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(e -> -e.getKey().length())).orElseThrow().getKey();
            out.add(form);
        }
        return new ArrayList<>(out);
    }

    /** Words lower-cased unless written all in capitals (acronyms); scripts without case are unchanged. */
    private static String displayForm(String s) {
        return s.equals(s.toUpperCase(java.util.Locale.ROOT)) ? s : s.toLowerCase(java.util.Locale.ROOT);
    }
}
