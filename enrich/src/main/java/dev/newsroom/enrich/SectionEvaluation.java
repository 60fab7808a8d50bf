package dev.newsroom.enrich;

import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Subject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Top-1 section accuracy on a labelled set ({@link SectionData}): each item goes through {@link Enricher#enrich}
 * as an article would, and its first top-level subject is compared with the label. An item with no subject counts
 * as wrong ("none" in the confusion table).
 */
public final class SectionEvaluation {
    static final String NONE = "none";

    /** Gold and predicted top-level codes per item, by language. */
    public record Result(Map<String, List<String[]>> pairs) {

        public double accuracy(String language) {
            List<String[]> items = language == null ? all() : pairs.getOrDefault(language, List.of());
            return items.stream().filter(p -> p[0].equals(p[1])).count() / (double) items.size();
        }

        public int items(String language) {
            return language == null ? all().size() : pairs.getOrDefault(language, List.of()).size();
        }

        private List<String[]> all() {
            List<String[]> all = new ArrayList<>();
            pairs.values().forEach(all::addAll);
            return all;
        }

        /** Accuracy per language, then per language the precision and recall of each class and the confusions. */
        public String table() {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, List<String[]>> language : pairs.entrySet()) {
                List<String[]> items = language.getValue();
                out.append(String.format(Locale.ROOT, "%s: %d items, top-1 accuracy %.3f%n", language.getKey(),
                        items.size(), accuracy(language.getKey())));
                TreeSet<String> gold = new TreeSet<>();
                TreeSet<String> classes = new TreeSet<>();
                items.forEach(p -> {
                    gold.add(p[0]);
                    classes.add(p[0]);
                    classes.add(p[1]);
                });
                out.append(String.format(Locale.ROOT, "  %-9s %5s %9s %6s%n", "class", "items", "precision",
                        "recall"));
                for (String c : gold) {
                    long tp = items.stream().filter(p -> p[0].equals(c) && p[1].equals(c)).count();
                    long predicted = items.stream().filter(p -> p[1].equals(c)).count();
                    long actual = items.stream().filter(p -> p[0].equals(c)).count();
                    out.append(String.format(Locale.ROOT, "  %-9s %5d %9s %6.3f%n", c, actual,
                            predicted == 0 ? "-" : String.format(Locale.ROOT, "%.3f", tp / (double) predicted),
                            tp / (double) actual));
                }
                out.append("  confusion (rows: labelled, columns: first subject)\n");
                out.append(String.format(Locale.ROOT, "  %-9s", ""));
                classes.forEach(c -> out.append(String.format(Locale.ROOT, " %8s", c)));
                out.append('\n');
                for (String g : gold) {
                    out.append(String.format(Locale.ROOT, "  %-9s", g));
                    for (String c : classes) {
                        out.append(String.format(Locale.ROOT, " %8d",
                                items.stream().filter(p -> p[0].equals(g) && p[1].equals(c)).count()));
                    }
                    out.append('\n');
                }
            }
            return out.toString();
        }
    }

    private SectionEvaluation() {
    }

    public static Result evaluate(Path labelled, Enricher enricher) {
        Map<String, List<String[]>> pairs = new TreeMap<>();
        for (SectionData item : SectionData.read(labelled)) {
            EnrichedArticle e = enricher.enrich(item.article(), SectionData.NOW);
            String predicted = e.getSubjects().stream().map(Subject::getCode)
                    .map(c -> c.substring("medtop:".length())).filter(c -> c.endsWith("000000"))
                    .findFirst().orElse(NONE);
            pairs.computeIfAbsent(item.language(), l -> new ArrayList<>()).add(new String[] {item.topic(), predicted});
        }
        return new Result(pairs);
    }
}
