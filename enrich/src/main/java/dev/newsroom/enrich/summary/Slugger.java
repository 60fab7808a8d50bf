package dev.newsroom.enrich.summary;

import com.ibm.icu.text.Transliterator;

import java.util.Locale;

/**
 * ASCII slugs from headlines. Arabic goes through ICU's BGN/PCGN romanisation (Arabic-Latin/BGN), which
 * writes names the way English-language agencies do; any other script through ICU's generic Any-Latin; both
 * then drop accents (Latin-ASCII). Transliterators are not shared between threads.
 */
public final class Slugger {
    private static final int MAX_LENGTH = 80;
    private static final ThreadLocal<Transliterator> ARABIC = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Arabic-Latin/BGN; Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<Transliterator> GENERIC = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private Slugger() {
    }

    public static String slug(String headline) {
        String latin = romanise(headline);
        String slug = latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH);
        }
        return slug.isEmpty() ? "article" : slug;
    }

    /** Latin-script ASCII form of any text (Arabic by BGN/PCGN). */
    public static String romanise(String text) {
        // ICU runs every character through Any-Latin even when there is nothing to do, and English headlines
        // and names are mostly plain ASCII.
        if (text.chars().allMatch(c -> c < 0x80)) {
            return text;
        }
        boolean arabic = text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
        return (arabic ? ARABIC : GENERIC).get().transliterate(text);
    }
}
