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
 * <p>
 * A set labels only some sections (no set here has conflict, crime or weather), while the enricher may put such a
 * section first, from its lexicons, where the set's label is another: a coup filed under politics. So a second
 * figure is given beside the strict one: the first top-level subject among the sections the set labels in that
 * language, which is what the trained model is asked to tell apart.
 */
public final class SectionEvaluation {
    static final String NONE = "none";

    /**
     * Per item, by language: the labelled top-level code, the first top-level subject, and the first top-level
     * subject among the sections the set labels in that language.
     */
    public record Result(Map<String, List<String[]>> pairs) {

        /** Strict top-1: the first top-level subject is the labelled one. */
        public double accuracy(String language) {
            List<String[]> items = language == null ? all() : pairs.getOrDefault(language, List.of());
            return items.stream().filter(p -> p[0].equals(p[1])).count() / (double) items.size();
        }

        /** Top-1 among the set's own sections: subjects the set never labels are passed over. */
        public double accuracyAmongLabelled(String language) {
            List<String[]> items = language == null ? all() : pairs.getOrDefault(language, List.of());
            return items.stream().filter(p -> p[0].equals(p[2])).count() / (double) items.size();
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
                out.append(String.format(Locale.ROOT,
                        "%s: %d items, top-1 accuracy %.3f; among the set's %d sections %.3f%n", language.getKey(),
                        items.size(), accuracy(language.getKey()),
                        items.stream().map(p -> p[0]).distinct().count(), accuracyAmongLabelled(language.getKey())));
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
        List<SectionData> items = SectionData.read(labelled);
        Map<String, java.util.Set<String>> sections = new TreeMap<>();
        items.forEach(i -> sections.computeIfAbsent(i.language(), l -> new java.util.HashSet<>()).add(i.topic()));
        Map<String, List<String[]>> pairs = new TreeMap<>();
        for (SectionData item : items) {
            EnrichedArticle e = enricher.enrich(item.article(), SectionData.NOW);
            List<String> topLevel = e.getSubjects().stream().map(Subject::getCode)
                    .map(c -> c.substring("medtop:".length())).filter(c -> c.endsWith("000000")).toList();
            String first = topLevel.isEmpty() ? NONE : topLevel.get(0);
            String among = topLevel.stream().filter(sections.get(item.language())::contains).findFirst().orElse(NONE);
            pairs.computeIfAbsent(item.language(), l -> new ArrayList<>())
                    .add(new String[] {item.topic(), first, among});
        }
        return new Result(pairs);
    }
}
