package dev.newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The words of one block, computed once and shared by the topic, advisory and keyword lexicons: folded form,
 * stem and the word as written (clitics split off and left out), plus how much the block counts.
 */
public record StemmedText(List<String> folded, List<String> stems, List<String> surfaces, double weight) {

    public static StemmedText of(List<Segment> segments, UnaryOperator<String> stemmer, double weight) {
        List<String> folded = new ArrayList<>(segments.size());
        List<String> stems = new ArrayList<>(segments.size());
        List<String> surfaces = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            if (s.isWord() && !s.clitic()) {
                folded.add(s.folded());
                stems.add(stemmer.apply(s.folded()));
                surfaces.add(s.citationForm());
            }
        }
        return new StemmedText(folded, stems, surfaces, weight);
    }

    public int size() {
        return stems.size();
    }
}
