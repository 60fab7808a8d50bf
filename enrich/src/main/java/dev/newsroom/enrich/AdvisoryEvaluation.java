package dev.newsroom.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.Article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the advisories on a labelled set: one JSON object per line with {@code id}, {@code language},
 * {@code headline} (or null: the first sentence stands in for it, as ingest derives one), {@code text} and
 * {@code labels} ({@code violence}, {@code death}, {@code terrorism}, {@code graphic}: true or false). Each item goes
 * through {@link Enricher#enrich} as an article would, so the figures are the service's. A public notice counts as
 * a positive; a suggestion for editors does not, and is reported apart (how many true positives editors would find
 * among the suggestions).
 */
public final class AdvisoryEvaluation {

    static final AdvisoryKind[] KINDS = {AdvisoryKind.VIOLENCE, AdvisoryKind.DEATH, AdvisoryKind.TERRORISM,
            AdvisoryKind.GRAPHIC};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    /** Counts for one kind: notices right and wrong, positives missed, and what the suggestions held. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives, int suggestedPositives,
                         int suggestedNegatives, int positives, int items) {

        Counts plus(boolean labelled, boolean notice, boolean suggestion) {
            return new Counts(truePositives + (labelled && notice ? 1 : 0),
                    falsePositives + (!labelled && notice ? 1 : 0),
                    falseNegatives + (labelled && !notice ? 1 : 0),
                    suggestedPositives + (labelled && suggestion ? 1 : 0),
                    suggestedNegatives + (!labelled && suggestion ? 1 : 0),
                    positives + (labelled ? 1 : 0), items + 1);
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? Double.NaN
                    : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return positives == 0 ? Double.NaN : (double) truePositives / positives;
        }
    }

    /** One item the detector got wrong, for reading. */
    public record Miss(String id, AdvisoryKind kind, boolean labelled, String found) {
    }

    /** Counts per kind, overall and per language, and the misses. */
    public record Result(Map<AdvisoryKind, Counts> overall, Map<String, Map<AdvisoryKind, Counts>> byLanguage,
                         List<Miss> misses) {

        public String table() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%-10s %-8s %5s %5s %5s %5s %9s %6s %11s%n", "kind", "language",
                    "items", "pos", "TP", "FP", "precision", "recall", "suggestions"));
            for (AdvisoryKind kind : KINDS) {
                row(out, kind, "all", overall.get(kind));
                byLanguage.forEach((language, counts) -> row(out, kind, language, counts.get(kind)));
            }
            out.append("suggestions: true positives / false positives among the suggestions editors would see\n");
            return out.toString();
        }

        private static void row(StringBuilder out, AdvisoryKind kind, String language, Counts c) {
            out.append(String.format(Locale.ROOT, "%-10s %-8s %5d %5d %5d %5d %9s %6s %11s%n",
                    kind.name().toLowerCase(Locale.ROOT), language, c.items(), c.positives(), c.truePositives(),
                    c.falsePositives(), figure(c.precision()), figure(c.recall()),
                    c.suggestedPositives() + "/" + c.suggestedNegatives()));
        }

        private static String figure(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
        }
    }

    private AdvisoryEvaluation() {
    }

    public static Result evaluate(Path labelled, Enricher enricher) {
        List<String> lines;
        try {
            lines = Files.readAllLines(labelled);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the labelled set " + labelled + ": " + e.getMessage(), e);
        }
        Map<AdvisoryKind, Counts> overall = new EnumMap<>(AdvisoryKind.class);
        Map<String, Map<AdvisoryKind, Counts>> byLanguage = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = item(labelled, lineNumber, line);
            String id = item.path("id").asText("line " + lineNumber);
            String language = item.path("language").asText();
            List<Advisory> found = enricher.enrich(article(id, language,
                    item.path("headline").isTextual() ? item.get("headline").asText() : null,
                    item.get("text").asText()), NOW).getAdvisories();
            for (AdvisoryKind kind : KINDS) {
                JsonNode label = item.path("labels").path(kind.name().toLowerCase(Locale.ROOT));
                if (!label.isBoolean()) {
                    throw new IllegalArgumentException(labelled + " line " + lineNumber + " (" + id
                            + "): labels." + kind.name().toLowerCase(Locale.ROOT) + " must be true or false");
                }
                Advisory advisory = found.stream().filter(a -> a.getKind() == kind).findFirst().orElse(null);
                boolean notice = advisory != null && !advisory.getSuggestion();
                boolean suggestion = advisory != null && advisory.getSuggestion();
                overall.merge(kind, new Counts(0, 0, 0, 0, 0, 0, 0).plus(label.asBoolean(), notice, suggestion),
                        AdvisoryEvaluation::sum);
                byLanguage.computeIfAbsent(language, l -> new EnumMap<>(AdvisoryKind.class))
                        .merge(kind, new Counts(0, 0, 0, 0, 0, 0, 0).plus(label.asBoolean(), notice, suggestion),
                                AdvisoryEvaluation::sum);
                if (label.asBoolean() != notice) {
                    misses.add(new Miss(id, kind, label.asBoolean(), advisory == null ? "nothing" : advisory.getReason()));
                }
            }
        }
        return new Result(overall, byLanguage, misses);
    }

    private static Counts sum(Counts a, Counts b) {
        return new Counts(a.truePositives() + b.truePositives(), a.falsePositives() + b.falsePositives(),
                a.falseNegatives() + b.falseNegatives(), a.suggestedPositives() + b.suggestedPositives(),
                a.suggestedNegatives() + b.suggestedNegatives(), a.positives() + b.positives(), a.items() + b.items());
    }

    private static JsonNode item(Path file, int lineNumber, String line) {
        try {
            JsonNode item = JSON.readTree(line);
            if (!item.path("text").isTextual() || !item.path("language").isTextual()) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ": needs text and language");
            }
            return item;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " line " + lineNumber + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The item as ingest would hand it on: a headline, then one paragraph per sentence. */
    static Article article(String id, String language, String headline, String text) {
        return LabelledArticle.of(id, language, headline, List.of(text.split("(?<=[.!?؟])\\s+")), NOW);
    }
}
