package dev.newsroom.ingest.parse;

/**
 * How much decoded text looks like human writing, in any script. A wrong charset leaves marks that real writing does
 * not have, and these are what is counted, on the first {@value #SAMPLE_CHARS} characters:
 * <ul>
 *   <li>control, unassigned and private-use characters (binary, or a code page with holes read as another);</li>
 *   <li>words that mix scripts letter by letter, as a wrong single-byte code page does to Arabic or Greek. Han, kana
 *       and hangul count as one script, since Japanese and Korean mix them in every sentence, and Latin glued to them
 *       ("Marsと", "LG전자") is normal when they are a good part of the text; inside mostly-Latin words (what
 *       windows-1252 read as GBK gives: "pr閟ident") it is not;</li>
 *   <li>Latin text whose letters are mostly accented, which is what windows-1252 makes of Arabic, Cyrillic or CJK bytes;</li>
 *   <li>words with a lower-case letter followed by a capital where one of the two is not ASCII ("prÃ©sident",
 *       "РњР°СЂСЃ"), what reading UTF-8 as a single-byte code page does; ASCII camel case ("iPhone", and every
 *       identifier of an inline script) is left alone;</li>
 *   <li>text with few letters (combining marks count, for the scripts of India and South-East Asia).</li>
 * </ul>
 */
record TextPlausibility(int chars, int junk, int words, int mixedScriptWords, int latinCjkWords, int caseHumpWords,
                        int letters, int marks, int latinLetters, int nonAsciiLatin, int cjkLetters, int arabicLetters) {

    /** Plausibility is judged on a prefix: enough text to tell a charset, bounded cost for a 10 MB payload. */
    static final int SAMPLE_CHARS = 64 * 1024;

    private static final int WHITESPACE = 1;
    private static final int LETTER = 2;
    private static final int MARK = 4;
    private static final int JUNK = 8;
    private static final int UPPER = 16;
    private static final int LOWER = 32;
    /** Han, hiragana, katakana, hangul or bopomofo. */
    private static final int CJK = 64;
    /** A letter of no particular script (U+30FC, the katakana-hiragana prolonged sound mark), never mixing. */
    private static final int NEUTRAL = 128;

    private static final int LATIN = Character.UnicodeScript.LATIN.ordinal();
    private static final int ARABIC = Character.UnicodeScript.ARABIC.ordinal();
    private static final int CJK_FAMILY = Character.UnicodeScript.HAN.ordinal();

    /**
     * Properties of every BMP character, taken from {@link Character} once (65,536 lookups, a few milliseconds): its
     * lookups, a binary search for the script, were most of the cost of judging a payload.
     */
    private static final byte[] FLAGS = new byte[0x10000];
    private static final byte[] SCRIPTS = new byte[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            FLAGS[c] = (byte) flagsOf(c);
            SCRIPTS[c] = (byte) scriptClassOf(c);
        }
    }

    private static int flagsOf(int c) {
        int type = Character.getType(c);
        boolean junk = c < 0x20 || (c >= 0x7F && c <= 0x9F) || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || c == 0xFFFD;
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
        int flags = (Character.isWhitespace(c) ? WHITESPACE : 0) | (junk ? JUNK : 0) | (mark ? MARK : 0);
        if (Character.isLetter(c)) {
            flags |= LETTER | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> flags |= CJK;
                case COMMON, INHERITED -> flags |= NEUTRAL;
                default -> {
                }
            }
        }
        return flags;
    }

    private static int scriptClassOf(int c) {
        return (flagsOf(c) & CJK) != 0 ? CJK_FAMILY : Character.UnicodeScript.of(c).ordinal();
    }

    static TextPlausibility of(String text) {
        int chars = 0;
        int junk = 0;
        int words = 0;
        int mixed = 0;
        int latinCjk = 0;
        int humps = 0;
        int letters = 0;
        int marks = 0;
        int latin = 0;
        int nonAsciiLatin = 0;
        int cjk = 0;
        int arabic = 0;
        int wordScript = -1;
        int wordLetters = 0;
        boolean wordMixed = false;
        boolean wordLatinCjk = false;
        boolean wordHump = false;
        int previous = 0;
        boolean previousLower = false;
        int limit = Math.min(text.length(), SAMPLE_CHARS);
        for (int i = 0; i < limit; i++) {
            int c = text.charAt(i);
            int flags;
            int script;
            if (c >= 0xD800 && c <= 0xDFFF) {
                if (c <= 0xDBFF && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    c = Character.toCodePoint((char) c, text.charAt(++i));
                    flags = flagsOf(c);
                    script = scriptClassOf(c);
                } else {
                    flags = JUNK;
                    script = 0;
                }
            } else {
                flags = FLAGS[c];
                script = SCRIPTS[c] & 0xFF;
            }
            if ((flags & WHITESPACE) == 0) {
                chars++;
                if ((flags & JUNK) != 0) {
                    junk++;
                }
            }
            if ((flags & (LETTER | MARK)) == 0) {
                if (wordLetters >= 2) {
                    words++;
                    mixed += wordMixed ? 1 : 0;
                    latinCjk += wordLatinCjk && !wordMixed ? 1 : 0;
                    humps += wordHump ? 1 : 0;
                }
                wordScript = -1;
                wordLetters = 0;
                wordMixed = false;
                wordLatinCjk = false;
                wordHump = false;
                previousLower = false;
                continue;
            }
            if ((flags & MARK) != 0) {
                marks++;
                continue;
            }
            letters++;
            wordLetters++;
            if ((flags & UPPER) != 0 && previousLower && (c > 0x7F || previous > 0x7F)) {
                wordHump = true;
            }
            previousLower = (flags & LOWER) != 0;
            previous = c;
            if ((flags & NEUTRAL) != 0) {
                continue;
            }
            if (script == LATIN) {
                latin++;
                if (c > 0x7F) {
                    nonAsciiLatin++;
                }
            } else if (script == ARABIC) {
                arabic++;
            } else if (script == CJK_FAMILY) {
                cjk++;
            }
            if (wordScript < 0) {
                wordScript = script;
            } else if (wordScript != script) {
                boolean latinWithCjk = (wordScript == LATIN && script == CJK_FAMILY) || (wordScript == CJK_FAMILY && script == LATIN);
                if (latinWithCjk) {
                    wordLatinCjk = true;
                } else {
                    wordMixed = true;
                }
            }
        }
        if (wordLetters >= 2) {
            words++;
            mixed += wordMixed ? 1 : 0;
            latinCjk += wordLatinCjk && !wordMixed ? 1 : 0;
            humps += wordHump ? 1 : 0;
        }
        return new TextPlausibility(chars, junk, words, mixed, latinCjk, humps, letters, marks, latin, nonAsciiLatin, cjk, arabic);
    }

    boolean plausible() {
        return problem() == null;
    }

    double arabicShare() {
        return letters == 0 ? 0 : (double) arabicLetters / letters;
    }

    /** Why the text does not look like writing, or {@code null} when it does. */
    String problem() {
        if (chars == 0) {
            return null;
        }
        if (junk > Math.max(2, chars / 200)) {
            return junk + " control, unassigned or private-use characters in " + chars;
        }
        boolean cjkText = cjkLetters * 5 >= letters;
        int mixedWords = mixedScriptWords + (cjkText ? 0 : latinCjkWords);
        if (words >= 5 && mixedWords * 25 > words) {
            return mixedWords + " of " + words + " words mix scripts letter by letter";
        }
        if (latinLetters >= 20 && nonAsciiLatin * 10 > latinLetters * 4) {
            return "accented Latin letters make up " + (100 * nonAsciiLatin / latinLetters) + "% of Latin letters";
        }
        if (words >= 5 && caseHumpWords * 10 > words) {
            return caseHumpWords + " of " + words + " words have a capital letter after a small one";
        }
        if (chars >= 20 && (letters + marks) * 5 < chars) {
            return "only " + (100 * (letters + marks) / chars) + "% of characters are letters";
        }
        return null;
    }
}
