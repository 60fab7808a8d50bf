package dev.newsroom.enrich;

import dev.newsroom.schemas.EntityType;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Micro precision, recall and F1 per entity type and over all scored types. */
public record NerScores(Map<EntityType, Counts> perType, Counts overall) {

    /** True positives, false positives and false negatives of one type (or all). */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            int gold = truePositives + falseNegatives;
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }
    }

    static NerScores of(Map<EntityType, Counts> perType) {
        Counts all = new Counts(0, 0, 0);
        for (Counts c : perType.values()) {
            all = all.plus(c);
        }
        return new NerScores(new EnumMap<>(perType), all);
    }

    NerScores plus(NerScores o) {
        Map<EntityType, Counts> sum = new EnumMap<>(EntityType.class);
        perType.forEach(sum::put);
        o.perType.forEach((t, c) -> sum.merge(t, c, Counts::plus));
        return of(sum);
    }

    /** A small table: one line per type and one for all, with P, R, F1 and the counts. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-13s %6s %6s %6s %6s %6s %6s%n",
                "type", "P", "R", "F1", "tp", "fp", "fn"));
        perType.forEach((t, c) -> b.append(line(t.name(), c)));
        b.append(line("overall", overall));
        return b.toString();
    }

    private static String line(String name, Counts c) {
        return String.format(Locale.ROOT, "%-13s %6.3f %6.3f %6.3f %6d %6d %6d%n", name, c.precision(), c.recall(),
                c.f1(), c.truePositives(), c.falsePositives(), c.falseNegatives());
    }
}
