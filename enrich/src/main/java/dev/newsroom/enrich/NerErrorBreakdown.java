package dev.newsroom.enrich;

import dev.newsroom.enrich.ner.NamedEntityTagger;
import dev.newsroom.enrich.ner.NerTraining;
import dev.newsroom.schemas.EntityType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tagger's mistakes are, so the largest cause is worked on first: each scored gold name it did not find is
 * <em>missed</em> (no prediction overlaps it), a <em>type</em> error (a prediction has its exact span, another
 * type), a <em>boundary</em> error (an overlapping prediction of its type, another span) or both; each wrong
 * prediction overlapping no gold name is <em>spurious</em>. Predictions on unscored gold classes count as in
 * {@link NerEvaluation}: neither right nor wrong.
 */
public final class NerErrorBreakdown {
    private static final EntityType[] TYPES = {EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE};

    /** Counts per error line ("missed PERSON", "type ORGANISATION as PLACE", ...), in name order. */
    private final Map<String, Integer> counts = new TreeMap<>();

    public Map<String, Integer> counts() {
        return counts;
    }

    /** Adds the mistakes of one sentence's {@code predicted} spans against its gold BIO labels. */
    void add(List<NamedEntityTagger.Span> predicted, int[] goldLabels) {
        List<int[]> gold = NerTraining.goldSpans(goldLabels);
        for (int[] g : gold) {
            if (g[2] < TYPES.length) {
                String error = goldError(g, predicted);
                if (error != null) {
                    counts.merge(error, 1, Integer::sum);
                }
            }
        }
        for (NamedEntityTagger.Span p : predicted) {
            int type = NerTraining.typeIndex(p.type());
            boolean overlapsGold = gold.stream().anyMatch(g -> g[0] < p.to() && p.from() < g[1]);
            if (type < TYPES.length && !overlapsGold) {
                counts.merge("spurious " + TYPES[type], 1, Integer::sum);
            }
        }
    }

    /** The error line of a gold name, null if it was found. */
    private static String goldError(int[] g, List<NamedEntityTagger.Span> predicted) {
        String boundary = null;
        String boundaryAndType = null;
        for (NamedEntityTagger.Span p : predicted) {
            int type = NerTraining.typeIndex(p.type());
            if (p.to() <= g[0] || g[1] <= p.from()) {
                continue;
            }
            boolean sameSpan = p.from() == g[0] && p.to() == g[1];
            if (sameSpan && type == g[2]) {
                return null;
            }
            String as = type < TYPES.length ? TYPES[type].name() : "OTHER";
            if (sameSpan) {
                return "type " + TYPES[g[2]] + " as " + as;
            }
            if (type == g[2]) {
                boundary = "boundary " + TYPES[g[2]];
            } else if (boundaryAndType == null) {
                boundaryAndType = "boundary and type " + TYPES[g[2]] + " as " + as;
            }
        }
        if (boundary != null) {
            return boundary;
        }
        return boundaryAndType != null ? boundaryAndType : "missed " + TYPES[g[2]];
    }

    void addAll(NerErrorBreakdown other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }

    /** One line per kind of error, with its count and its share of all the lines' errors. */
    public String table() {
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-45s %6d %6.1f %%%n", k, v,
                100.0 * v / Math.max(1, all))));
        return b.toString();
    }
}
