package dev.newsroom.publish.outlet;

import java.util.List;
import java.util.Locale;

/**
 * Which articles an outlet wants. Each list that is not empty must match (languages and sources and sections);
 * within a list any entry may match. An empty filter takes everything.
 *
 * @param languages BCP 47 tags; {@code ar} takes {@code ar} and {@code ar-EG}, {@code ar-EG} only itself
 * @param sections  IPTC Media Topics by code ({@code medtop:16000000}) or English name, each with the
 *                  relevance the article must at least have for it
 * @param sources   source names as ingest records them
 */
public record OutletFilter(List<String> languages, List<SectionRule> sections, List<String> sources) {

    public static final OutletFilter EVERYTHING = new OutletFilter(List.of(), List.of(), List.of());

    /** A section the outlet wants, and the relevance below which an article does not count as being about it. */
    public record SectionRule(String section, int minRelevance) {
        boolean matches(ArticleFacts.Section candidate) {
            return candidate.relevance() >= minRelevance
                    && (section.equalsIgnoreCase(candidate.code()) || section.equalsIgnoreCase(candidate.name()));
        }
    }

    public OutletFilter {
        languages = List.copyOf(languages);
        sections = List.copyOf(sections);
        sources = List.copyOf(sources);
    }

    public boolean matches(ArticleFacts facts) {
        return (languages.isEmpty() || languages.stream().anyMatch(tag -> sameLanguage(tag, facts.language())))
                && (sources.isEmpty() || sources.stream().anyMatch(source -> source.equalsIgnoreCase(facts.source())))
                && (sections.isEmpty() || sections.stream()
                        .anyMatch(rule -> facts.sections().stream().anyMatch(rule::matches)));
    }

    private static boolean sameLanguage(String wanted, String actual) {
        if (actual == null) {
            return false;
        }
        String want = wanted.toLowerCase(Locale.ROOT);
        String have = actual.toLowerCase(Locale.ROOT);
        return have.equals(want) || have.startsWith(want + "-");
    }
}
