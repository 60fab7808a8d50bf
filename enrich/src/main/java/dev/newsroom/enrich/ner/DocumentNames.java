package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.ner.NamedEntityTagger.Source;
import dev.newsroom.enrich.ner.NamedEntityTagger.Span;
import dev.newsroom.enrich.text.Segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The document-wide pass of {@link NamedEntityTagger#tagDocument}: a name is the same name wherever it recurs. */
final class DocumentNames {
    private DocumentNames() {
    }

    /**
     * Makes the spans of a document's blocks ({@code out}, one mutable list per block) consistent: a name the tagger
     * found in one place is also marked where it recurs unmarked, and a mark that covers only part of such a name
     * elsewhere is widened to the whole name (one "كونج" tagged alone next to "هونج كونج" tagged as a place).
     */
    static void makeConsistent(List<List<Segment>> blocks, List<List<Span>> out) {
        Map<String, int[]> votes = new HashMap<>();
        // The longest voted name each first word begins: longer candidates from that word have no votes to find.
        Map<String, Integer> firstWords = new HashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            List<Segment> block = blocks.get(b);
            for (Span s : out.get(b)) {
                if (s.source() != Source.CONTEXT) {
                    votes.computeIfAbsent(key(block, s.from(), s.to()), k -> new int[4])[Labels.typeIndex(s.type())]++;
                    firstWords.merge(block.get(s.from()).folded(), s.to() - s.from(), Math::max);
                }
            }
        }
        if (votes.isEmpty()) {
            return;
        }
        for (int b = 0; b < blocks.size(); b++) {
            List<Segment> block = blocks.get(b);
            List<Span> spans = out.get(b);
            List<Span> added = new ArrayList<>();
            for (int i = 0; i < block.size(); i++) {
                Integer longest = firstWords.get(block.get(i).folded());
                if (longest == null) {
                    continue;
                }
                for (int len = Math.min(longest, block.size() - i); len >= 1; len--) {
                    int[] v = votes.get(key(block, i, i + len));
                    if (v == null || block.get(i).clitic()) {
                        continue;
                    }
                    int type = majority(v);
                    Span candidate = new Span(i, i + len, Labels.entityType(type), null, 0.6, Source.MODEL);
                    List<Span> overlapping = spans.stream().filter(candidate::overlaps).toList();
                    boolean free = overlapping.isEmpty();
                    boolean widens = overlapping.size() == 1 && overlapping.get(0).entry() == null
                            && overlapping.get(0).from() >= i && overlapping.get(0).to() <= i + len
                            && overlapping.get(0).to() - overlapping.get(0).from() < len;
                    if (free || widens) {
                        spans.removeAll(overlapping);
                        added.add(candidate);
                        spans.add(candidate);
                        i += len - 1;
                        break;
                    }
                    if (!overlapping.isEmpty()) {
                        break;
                    }
                }
            }
            if (!added.isEmpty()) {
                spans.sort(Comparator.comparingInt(Span::from));
            }
        }
    }

    private static String key(List<Segment> block, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(' ');
            }
            b.append(block.get(i).folded());
        }
        return b.toString();
    }

    private static int majority(int[] votes) {
        int best = 0;
        for (int t = 1; t < votes.length; t++) {
            if (votes[t] > votes[best]) {
                best = t;
            }
        }
        return best;
    }
}
