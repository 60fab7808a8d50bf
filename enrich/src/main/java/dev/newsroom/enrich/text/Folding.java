package dev.newsroom.enrich.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Folds one code point to the form every lexicon and gazetteer key is stored in: Arabic spelling variants
 * collapse (alef forms, taa marbuta, alef maqsura, hamza carriers, Persian kaf/yeh), diacritics, tatweel and
 * invisible marks vanish, Latin is lower-cased without accents, Eastern digits become ASCII.
 *
 * <p>Lucene's {@code ArabicNormalizer} does the Arabic half of this, but it rewrites a char buffer in place and
 * drops characters without telling where they were; mentions need offsets into the original text, so folding
 * happens one code point at a time here and callers keep the offset map.
 */
public final class Folding {
    /** Returned by {@link #fold(int)} for code points that disappear (diacritics, tatweel, joiners, BOM). */
    public static final int DROP = -1;

    private static final int LATIN_TABLE_SIZE = 0x250;
    private static final int[] LATIN = new int[LATIN_TABLE_SIZE];

    static {
        for (int cp = 0; cp < LATIN_TABLE_SIZE; cp++) {
            String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
            int base = decomposed.codePointAt(0);
            LATIN[cp] = Character.toLowerCase(base);
        }
        LATIN['ß'] = 'ß';
        LATIN['ı'] = 'i';
        LATIN['ø'] = 'o';
        LATIN['Ø'] = 'o';
        LATIN['đ'] = 'd';
        LATIN['ł'] = 'l';
        LATIN['Ł'] = 'l';
    }

    private Folding() {
    }

    public static int fold(int cp) {
        if (cp < LATIN_TABLE_SIZE) {
            return cp == 0x00AD ? DROP : LATIN[cp];
        }
        if (cp >= 0x0600 && cp <= 0x06FF) {
            return foldArabic(cp);
        }
        switch (cp) {
            case 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF, 0x2060:
                return DROP;
            case 0x2018, 0x2019, 0x02BC, 0x02BB:
                return '\'';
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014:
                return '-';
            default:
                return Character.toLowerCase(cp);
        }
    }

    private static int foldArabic(int cp) {
        if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 || (cp >= 0x06D6 && cp <= 0x06ED)) {
            return DROP;
        }
        if (cp >= 0x0660 && cp <= 0x0669) {
            return '0' + (cp - 0x0660);
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return '0' + (cp - 0x06F0);
        }
        return switch (cp) {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673 -> 0x0627;
            case 0x0629 -> 0x0647;
            case 0x0649, 0x0626, 0x06CC, 0x06D2 -> 0x064A;
            case 0x0624 -> 0x0648;
            case 0x06A9 -> 0x0643;
            case 0x06C1, 0x06BE -> 0x0647;
            default -> cp;
        };
    }

    /** Folds a whole string (for lexicon and gazetteer keys); dropped code points leave no trace. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int folded = fold(cp);
            if (folded != DROP) {
                out.appendCodePoint(folded);
            }
        });
        return out.toString();
    }

    /** The code points of {@code text}: what {@code text.codePoints().toArray()} gives, in one pass over its chars. */
    public static int[] codePoints(String text) {
        int length = text.length();
        int[] out = new int[length];
        int n = 0;
        for (int i = 0; i < length; ) {
            char c = text.charAt(i++);
            if (Character.isHighSurrogate(c) && i < length && Character.isLowSurrogate(text.charAt(i))) {
                out[n++] = Character.toCodePoint(c, text.charAt(i++));
            } else {
                out[n++] = c;
            }
        }
        return n == length ? out : Arrays.copyOf(out, n);
    }

    public static boolean isArabicLetter(int cp) {
        return isBasicArabicLetter(cp) || (cp >= 0x066E && cp <= 0x06D3) || (cp >= 0x06FA && cp <= 0x06FF)
                || (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
    }

    /** U+0620..U+064A, the letters of nearly every Arabic word: all letters (tatweel a modifier one), none a digit. */
    public static boolean isBasicArabicLetter(int cp) {
        return cp >= 0x0620 && cp <= 0x064A;
    }
}
