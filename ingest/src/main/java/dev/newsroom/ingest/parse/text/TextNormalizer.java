package dev.newsroom.ingest.parse.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text normalisation for everything ingest emits: Unicode NFC, whitespace collapsed, invisible junk removed.
 *
 * <p>Letters are kept exactly as written (no Arabic letter folding, no case change) in output; {@link #matchKey}
 * folds only for comparing text against junk rules.
 *
 * <p>Zero-width and bidi control characters are junk when they come from CMS editors and copy-paste (U+200B, LRM/RLM,
 * embeddings, isolates, U+FEFF, soft hyphens). ZWNJ (U+200C) is spelling in Persian, Kurdish and Urdu
 * ("می‌خواهم"), so it stays between two letters and goes elsewhere; ZWJ stays between two visible characters
 * (emoji sequences, Indic conjuncts).
 */
public final class TextNormalizer {

    private static final char ZWNJ = '\u200C';
    private static final char ZWJ = '\u200D';

    private TextNormalizer() {
    }

    /** NFC, junk removed, all whitespace runs (including line breaks) collapsed to one space, trimmed. */
    public static String normalize(String text) {
        return normalize(text, false);
    }

    /**
     * As {@link #normalize(String)}, but line breaks survive: horizontal whitespace collapses to one space, each line is
     * trimmed, and {@code \r\n}/{@code \r}/U+2028/U+2029 become {@code \n}. Used for plain text, whose lines carry structure.
     */
    public static String normalizeKeepingLines(String text) {
        return normalize(text, true);
    }

    private static String normalize(String text, boolean keepLines) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = nfc(text);
        // Every input character yields at most one output character, so one array holds the result.
        char[] out = new char[nfc.length()];
        String result = new String(out, 0, normalizeInto(nfc, out, keepLines));
        return keepLines ? result.strip() : result;
    }

    private static String nfc(String text) {
        return isPlainlyNfc(text) || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Writes {@code nfc} normalised into {@code out} (at least as long) and returns the length written. */
    private static int normalizeInto(String nfc, char[] out, boolean keepLines) {
        int length = nfc.length();
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < length; i++) {
            char c = nfc.charAt(i);
            if (!isOrdinary(c)) {
                if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                    if (c == '\r' && i + 1 < length && nfc.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (keepLines) {
                        n = trimTrailingSpace(out, n);
                        out[n++] = '\n';
                        pendingSpace = false;
                    } else {
                        pendingSpace = true;
                    }
                    continue;
                }
                if (isSpace(c)) {
                    pendingSpace = true;
                    continue;
                }
                if (isJunk(c)) {
                    continue;
                }
                if (c == ZWNJ && !(isLetterAt(nfc, i - 1) && isLetterAt(nfc, i + 1))) {
                    continue;
                }
                if (c == ZWJ && !(isVisibleAt(nfc, i - 1) && isVisibleAt(nfc, i + 1))) {
                    continue;
                }
            }
            if (pendingSpace && n > 0 && out[n - 1] != '\n') {
                out[n++] = ' ';
            }
            pendingSpace = false;
            out[n++] = c;
        }
        return trimTrailingSpace(out, n);
    }

    private static int trimTrailingSpace(char[] out, int n) {
        while (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return n;
    }

    /** Printable ASCII and the Arabic block from hamza on: no line break, space, junk or joiner among them. */
    private static boolean isOrdinary(char c) {
        return (c > ' ' && c < 0x7F) || (c >= '\u0621' && c <= '\u06FF');
    }

    /**
     * A cheap NFC check for the common case, before the JDK's: characters below U+0300, Arabic letters, digits and
     * punctuation, and the dashes, quotes, bullets and ellipsis of U+2010 to U+2027 (English copy's typography, which
     * otherwise sends a text to the JDK's check) have combining class 0 and never compose with a neighbour, so text made
     * only of them is in NFC.
     */
    static boolean isPlainlyNfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' && !(c >= '\u0621' && c <= '\u064A') && !(c >= '\u0660' && c <= '\u0669')
                    && c != '\u060C' && c != '\u061B' && c != '\u061F' && !(c >= '\u2010' && c <= '\u2027')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\u00A0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A') || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /** Invisible characters that carry no meaning in published text. */
    static boolean isJunk(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)
                || c == '\u00AD' || c == '\u061C' || c == '\u180E'
                || c == '\u200B' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064') || (c >= '\u2066' && c <= '\u206F')
                || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF';
    }

    private static boolean isLetterAt(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        int type = Character.getType(s.charAt(i));
        return Character.isLetter(s.charAt(i)) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isVisibleAt(String s, int i) {
        return i >= 0 && i < s.length() && !isSpace(s.charAt(i)) && !Character.isWhitespace(s.charAt(i));
    }

    /**
     * A comparison key for junk rules: normalised, lower-cased, Arabic hamza/alef forms and alef maqsura folded, Arabic
     * diacritics and tatweel dropped, typographic quotes and dashes made plain, trailing punctuation and spaces removed.
     * "اقرأ أيضاً:" and "اقرا ايضا" give the same key, as do "Read more :" and "read more".
     */
    public static String matchKey(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = nfc(text);
        // One char array, not a StringBuilder, and no string between normalising and folding: the folding reads the
        // normalised text where it was written and writes the key over it, never ahead of what it reads. Appending Arabic
        // to a builder that starts out Latin-1 widened it, and its per-character appends were over a third of the cost
        // of a key.
        char[] key = new char[nfc.length()];
        int length = normalizeInto(nfc, key, false);
        int n = 0;
        // Lower-casing a whole string costs a case lookup per character; ASCII is lowered here and the Arabic block has
        // no case, so String.toLowerCase runs only for text with other letters.
        boolean otherScripts = false;
        for (int i = 0; i < length; i++) {
            char c = key[i];
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                key[n++] = (char) (c + ('a' - 'A'));
                continue;
            }
            otherScripts |= c >= 0x80 && !(c >= '\u0600' && c <= '\u06FF');
            key[n++] = switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ى' -> 'ي';
                case '\u2018', '\u2019', '\u02BC', '\u00B4', '`' -> '\'';
                case '\u201C', '\u201D', '\u00AB', '\u00BB' -> '"';
                case '\u2013', '\u2014', '\u2212' -> '-';
                case '\u00A0' -> ' ';
                default -> c;
            };
        }
        if (!otherScripts) {
            // Lower-casing would leave this text as it is: its trailing punctuation is cut before a string is made.
            while (n > 0 && isTrailingPunctuation(key[n - 1])) {
                n--;
            }
            return new String(key, 0, n).strip();
        }
        String lower = new String(key, 0, n).toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && isTrailingPunctuation(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(0, end).strip();
    }

    static boolean isTrailingPunctuation(char c) {
        return c == '.' || c == ':' || c == '!' || c == '…' || c == ' ' || c == '،' || c == ',' || c == ';' || c == '؛'
                || c == '-' || c == '|' || c == '»' || c == '›' || c == '>' || c == '"' || c == '\u06D4';
    }
}
