package dev.newsroom.enrich.summary;

import java.util.Map;

/**
 * Reading time from the word count at the silent-reading speed of the language. Speeds are the means of the
 * International Reading Speed Texts study (Trauzettel-Klosinski, Dietz et al., "Standardized Assessment of
 * Reading Performance: The New International Reading Speed Texts IReST", IOVS 53(9), 2012), words per minute:
 * Arabic reads markedly slower per word (138) than English (228), since an Arabic word carries clitics and
 * affixes that English writes as separate words. Persian and Urdu, not in the study, use the Arabic figure
 * (same script, similar word structure); other languages 200.
 */
public final class ReadingTime {
    private static final Map<String, Integer> WORDS_PER_MINUTE = Map.ofEntries(
            Map.entry("ar", 138), Map.entry("fa", 138), Map.entry("ur", 138), Map.entry("zh", 158),
            Map.entry("nl", 202), Map.entry("en", 228), Map.entry("fi", 161), Map.entry("fr", 195),
            Map.entry("de", 179), Map.entry("he", 187), Map.entry("it", 188), Map.entry("ja", 193),
            Map.entry("pl", 166), Map.entry("pt", 181), Map.entry("ru", 184), Map.entry("sl", 180),
            Map.entry("es", 218), Map.entry("sv", 199), Map.entry("tr", 166));
    private static final int DEFAULT_WPM = 200;

    private ReadingTime() {
    }

    public static int wordsPerMinute(String language) {
        return WORDS_PER_MINUTE.getOrDefault(language, DEFAULT_WPM);
    }

    public static int seconds(int words, String language) {
        return (int) Math.round(words * 60.0 / wordsPerMinute(language));
    }
}
