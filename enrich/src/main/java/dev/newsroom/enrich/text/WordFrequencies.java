package dev.newsroom.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Folded word to corpus frequency; decides clitic splits and which words are common vocabulary, not names. */
public final class WordFrequencies {
    private final Map<String, Integer> counts;
    private final Map<String, Integer> rarity;

    private WordFrequencies(Map<String, Integer> counts) {
        this.counts = counts;
        this.rarity = buildRarity();
    }

    /**
     * How common a word is (log-scaled count, 0 for unknown words) times two, plus one when it also occurs
     * with the definite article (or, for a word with the article, without it): label-free statistics that let
     * the NER model generalise to names it never saw. Precomputed, so tagging does one lookup per word.
     */
    public int rarity(String folded) {
        return rarity.getOrDefault(folded, 0);
    }

    private Map<String, Integer> buildRarity() {
        Map<String, Integer> table = new HashMap<>(counts.size() * 2);
        for (String w : counts.keySet()) {
            table.put(w, rarityOf(w));
            if (w.startsWith("ال") && w.length() > 2) {
                table.putIfAbsent(w.substring(2), rarityOf(w.substring(2)));
            }
        }
        return table;
    }

    private int rarityOf(String w) {
        long count = count(w);
        int bucket = count == 0 ? 0 : Math.min(9, 1 + (int) (Math.log(count) / Math.log(2.5)));
        boolean definite = w.startsWith("ال") ? count(w.substring(2)) > 0 : count("ال" + w) > 0;
        return bucket * 2 + (definite ? 1 : 0);
    }

    public long count(String folded) {
        Integer c = counts.get(folded);
        return c == null ? 0 : c;
    }

    /**
     * Reads {@code word<TAB>count} lines ({@code #} starts a comment) and counts each of {@code extraWords}
     * {@code extraCount} more times (names from the gazetteer, so the clitic splitter knows them).
     */
    public static WordFrequencies read(InputStream in, Collection<String> extraWords, int extraCount) {
        Map<String, Integer> counts = new HashMap<>(1 << 16);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int tab = line.indexOf('\t');
                counts.merge(Folding.fold(line.substring(0, tab)), Integer.parseInt(line.substring(tab + 1)),
                        Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String word : extraWords) {
            counts.merge(word, extraCount, Integer::sum);
        }
        return new WordFrequencies(counts);
    }
}
