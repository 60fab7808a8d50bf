package dev.newsroom.ingest.parse.text;

import dev.newsroom.schemas.TextDirection;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Declared-language normalisation (BCP 47) and writing direction. */
public final class Languages {

    /** Languages written right to left in their usual script. Kurdish is only RTL as Sorani ({@code ckb}, {@code ku-Arab}). */
    private static final Set<String> RTL_LANGUAGES = Set.of(
            "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc", "mzn", "nqo",
            "pnb", "prs", "ps", "sd", "skr", "syr", "ug", "ur", "yi");
    private static final Set<String> RTL_SCRIPTS = Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr");

    private Languages() {
    }

    /**
     * A declared language tag in BCP 47 form ("en_gb" → "en-GB", "AR" → "ar"), or {@code null} when blank, "und" or not
     * a tag. A list such as a Content-Language header "en, fr" gives its first entry.
     */
    public static String normalize(String declared) {
        if (declared == null) {
            return null;
        }
        String tag = declared.strip();
        int comma = tag.indexOf(',');
        if (comma >= 0) {
            tag = tag.substring(0, comma).strip();
        }
        int semicolon = tag.indexOf(';');
        if (semicolon >= 0) {
            tag = tag.substring(0, semicolon).strip();
        }
        tag = tag.replace('_', '-');
        if (tag.isEmpty() || tag.length() > 35) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            String normalized = locale.toLanguageTag();
            return normalized.isEmpty() || normalized.equals("und") ? null : normalized;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** The direction a declared language implies, or {@code null} when none is declared. */
    public static TextDirection directionOf(String languageTag) {
        if (languageTag == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(languageTag);
        String script = locale.getScript();
        if (!script.isEmpty()) {
            return RTL_SCRIPTS.contains(script) ? TextDirection.rtl : TextDirection.ltr;
        }
        return RTL_LANGUAGES.contains(locale.getLanguage()) ? TextDirection.rtl : TextDirection.ltr;
    }

    /** Right to left when strong right-to-left letters outnumber strong left-to-right ones. */
    public static TextDirection directionOfText(CharSequence text) {
        int rtl = 0;
        int ltr = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (Character.getDirectionality(text.charAt(i))) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC -> rtl++;
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT -> ltr++;
                default -> {
                }
            }
        }
        return rtl > ltr ? TextDirection.rtl : TextDirection.ltr;
    }
}
