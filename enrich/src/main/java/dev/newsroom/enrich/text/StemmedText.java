package dev.newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one block, computed once and shared by the topic, advisory and keyword lexicons: folded form,
 * stem and the word as written (clitics split off and left out), each word's entry in its language's
 * {@link WordTable} (where the lexicons keep what they found for it), plus how much the block counts.
 */
public record StemmedText(List<String> folded, List<String> stems, List<String> surfaces, List<Word> words,
                          double weight) {

    public static StemmedText of(List<Segment> segments, WordTable table, double weight) {
        List<String> folded = new ArrayList<>(segments.size());
        List<String> stems = new ArrayList<>(segments.size());
        List<String> surfaces = new ArrayList<>(segments.size());
        List<Word> words = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            if (s.isWord() && !s.clitic()) {
                Word word = table.word(s.folded());
                folded.add(s.folded());
                stems.add(word.stem());
                surfaces.add(s.citationForm());
                words.add(word);
            }
        }
        return new StemmedText(folded, stems, surfaces, words, weight);
    }

    public int size() {
        return stems.size();
    }
}
