package dev.newsroom.ingest.parse.charset;

/**
 * How much decoded text looks like human writing, in any script. A wrong charset leaves marks that real writing does
 * not have, and these are what is counted, on the first {@value #SAMPLE_CHARS} characters:
 * <ul>
 *   <li>control, unassigned and private-use characters (binary, or a code page with holes read as another);</li>
 *   <li>combining marks and Thai or Lao vowel signs with no letter to sit on, and Arabic tanween inside a word, what a
 *       wrong code page makes of bytes meant as letters (ISO-8859-6 puts the Arabic vowel marks where windows-1251 has
 *       the commonest Russian letters);</li>
 *   <li>distinct words that mix scripts letter by letter, as a wrong single-byte code page does to Arabic or Greek. Han, kana
 *       and hangul count as one script, since Japanese and Korean mix them in every sentence, and Latin glued to them
 *       ("Marsと", "LG전자") is normal when they are a good part of the text, or when words wholly in them outnumber such
 *       words three to one (a page's markup is Latin); inside mostly-Latin words (what
 *       windows-1252 read as GBK gives: "pr閟ident") it is not;</li>
 *   <li>Latin text whose letters are mostly accented, and (for legacy charsets) words made only of accented letters
 *       ("ÒÇÍ") or signs such as ¼ ± ³ stuck to letters ("Å½»ç¼±"), which is what windows-1252 makes of Arabic,
 *       Cyrillic, Thai or CJK bytes; box drawing stuck to letters ("ДЕКЛАРАЦ╤Я"), what KOI8-R makes of KOI8-U; and
 *       Japanese that is mostly half-width katakana, what Shift_JIS makes of Cyrillic;</li>
 *   <li>words with a lower-case letter followed by a capital where one of the two is not ASCII ("prÃ©sident",
 *       "РњР°СЂСЃ"), what reading UTF-8 as a single-byte code page does; ASCII camel case ("iPhone", and every
 *       identifier of an inline script) is left alone;</li>
 *   <li>text with few letters (combining marks count, for the scripts of India and South-East Asia).</li>
 * </ul>
 * Word-level shares are taken among the words with a letter beyond ASCII: ASCII reads the same in every charset, so
 * the markup and scripts of a page must not dilute the evidence.
 */
record TextPlausibility(int chars, int junk, int words, int nonAsciiWords, int mixedScriptWords, int latinCjkWords,
                        int pureCjkWords, int caseHumpWords, int accentSoupWords, int strayCodePageSymbols, int halfwidthKatakana, int letters,
                        int marks, int strayMarks, int latinLetters, int nonAsciiLatin, int cjkLetters, int arabicLetters,
                        int thaiLetters) {

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
    /** A character whose neighbour must be looked at: Thai and Lao leading vowels, Arabic tanween, code-page signs. */
    private static final int CONTEXTUAL = 256;
    private static final int CODE_PAGE_SYMBOL = 512;

    private static final int LATIN = Character.UnicodeScript.LATIN.ordinal();
    private static final int ARABIC = Character.UnicodeScript.ARABIC.ordinal();
    private static final int CJK_FAMILY = Character.UnicodeScript.HAN.ordinal();
    private static final int THAI = Character.UnicodeScript.THAI.ordinal();

    /**
     * Properties of every BMP character, taken from {@link Character} once (65,536 lookups, a few milliseconds): its
     * lookups, a binary search for the script, were most of the cost of judging a payload.
     */
    private static final char[] FLAGS = new char[0x10000];
    private static final byte[] SCRIPTS = new byte[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            FLAGS[c] = (char) flagsOf(c);
            SCRIPTS[c] = (byte) scriptClassOf(c);
        }
    }

    private static int flagsOf(int c) {
        int type = Character.getType(c);
        boolean junk = c < 0x20 || (c >= 0x7F && c <= 0x9F) || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || c == 0xFFFD;
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
        boolean codePageSymbol = isCodePageSymbol(c);
        boolean contextual = codePageSymbol || isThaiOrLaoLeadingVowel(c) || isTanween(c);
        int flags = (Character.isWhitespace(c) ? WHITESPACE : 0) | (junk ? JUNK : 0) | (mark ? MARK : 0)
                | (contextual ? CONTEXTUAL : 0) | (codePageSymbol ? CODE_PAGE_SYMBOL : 0);
        // Full-width Latin ("ｉＰａｄ") is CJK typography, set among Han and kana; no code page makes it of other bytes.
        if (c >= 0xFF21 && c <= 0xFF5A && Character.isLetter(c)) {
            return flags | LETTER | CJK;
        }
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
        return judge(isMarkup(text) ? withoutCode(text) : text);
    }

    private static boolean isMarkup(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '<';
            }
        }
        return false;
    }

    /**
     * The text between the tags, without scripts, styles, inline SVG and comments, up to {@value #SAMPLE_CHARS}
     * characters: code has regular expressions over alphabets ("[αάa]"), ASCII-art faces of combining marks and escaped
     * markup glued to words, SVG paths are digits, tags are ASCII; none of it is evidence of a charset, and it can
     * fill the whole sample of a page before its text begins.
     */
    private static String withoutCode(String text) {
        // Each kept character stands for at least one of the text's. The runs between tags are copied into a char
        // array whole: appending them to a StringBuilder, which copies Arabic a character at a time after widening,
        // was half the cost of stripping the markup.
        char[] kept = new char[Math.min(text.length(), SAMPLE_CHARS)];
        int n = 0;
        int i = 0;
        int length = text.length();
        while (i < length && n < SAMPLE_CHARS) {
            if (text.charAt(i) != '<') {
                int next = text.indexOf('<', i);
                int stop = Math.min(next < 0 ? length : next, i + SAMPLE_CHARS - n);
                text.getChars(i, stop, kept, n);
                n += stop - i;
                i = stop;
                continue;
            }
            String end = text.regionMatches(true, i, "<script", 0, 7) ? "</script"
                    : text.regionMatches(true, i, "<style", 0, 6) ? "</style"
                    : text.regionMatches(true, i, "<svg", 0, 4) ? "</svg"
                    : text.startsWith("<!--", i) ? "-->" : null;
            if (end != null) {
                int close = indexOfIgnoreCase(text, end, i + 4);
                i = close < 0 ? length : close + end.length();
            }
            if (end == null || !end.equals("-->")) {
                int tagEnd = text.indexOf('>', i);
                i = tagEnd < 0 ? length : tagEnd + 1;
            }
            kept[n++] = ' ';
        }
        return new String(kept, 0, n);
    }

    private static int indexOfIgnoreCase(String text, String target, int from) {
        char first = target.charAt(0);
        for (int i = from, last = text.length() - target.length(); i <= last; i++) {
            if (text.charAt(i) == first && text.regionMatches(true, i, target, 0, target.length())) {
                return i;
            }
        }
        return -1;
    }

    private static TextPlausibility judge(String text) {
        int chars = 0;
        int junk = 0;
        int words = 0;
        int nonAsciiWords = 0;
        int mixed = 0;
        int latinCjk = 0;
        int pureCjk = 0;
        int humps = 0;
        int soup = 0;
        int strayCodePageSymbols = 0;
        int halfwidthKatakana = 0;
        int letters = 0;
        int marks = 0;
        int strayMarks = 0;
        int latin = 0;
        int nonAsciiLatin = 0;
        int cjk = 0;
        int arabic = 0;
        int thai = 0;
        int wordScript = -1;
        int wordLetters = 0;
        int wordNonAscii = 0;
        int wordNonAsciiLatin = 0;
        boolean wordMixed = false;
        boolean wordLatinCjk = false;
        boolean wordHump = false;
        int wordCjk = 0;
        int wordNeutral = 0;
        int wordStart = 0;
        java.util.Set<String> mixedSeen = new java.util.HashSet<>();
        int previous = 0;
        int previousFlags = WHITESPACE;
        int limit = Math.min(text.length(), SAMPLE_CHARS);
        for (int i = 0; i <= limit; i++) {
            int c;
            int flags;
            int script;
            if (i == limit) {
                c = ' ';
                flags = WHITESPACE;
                script = 0;
            } else {
                c = text.charAt(i);
                if (c < 0xD800 || c > 0xDFFF) {
                    flags = FLAGS[c];
                    script = SCRIPTS[c] & 0xFF;
                } else if (c <= 0xDBFF && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    c = Character.toCodePoint((char) c, text.charAt(++i));
                    flags = flagsOf(c);
                    script = scriptClassOf(c);
                } else {
                    flags = JUNK;
                    script = 0;
                }
                if ((flags & WHITESPACE) == 0) {
                    chars++;
                    if ((flags & JUNK) != 0) {
                        junk++;
                    }
                }
            }
            if (((flags | previousFlags) & CONTEXTUAL) != 0) {
                if (isThaiOrLaoLeadingVowel(previous) && !isThaiOrLaoConsonant(c)) {
                    strayMarks++;
                }
                if (isTanween(previous) && (flags & LETTER) != 0 && c != 0x0627 && c != 0x0649) {
                    strayMarks++;
                }
                // Japanese and Chinese use ─ as a dash between words; the code pages that misplace these signs are not CJK.
                boolean symbolAfterLetter = (flags & CODE_PAGE_SYMBOL) != 0 && previous > 0x7F && (previousFlags & (LETTER | CJK)) == LETTER;
                boolean letterAfterSymbol = (previousFlags & CODE_PAGE_SYMBOL) != 0 && c > 0x7F && (flags & (LETTER | CJK)) == LETTER;
                if (symbolAfterLetter || letterAfterSymbol) {
                    strayCodePageSymbols++;
                }
            }
            if ((flags & (LETTER | MARK)) == 0) {
                if (wordLetters != 0) {
                    if (wordLetters >= 2) {
                        words++;
                        if (wordNonAscii > 0) {
                            nonAsciiWords++;
                            // A site's own odd spelling repeats ("Οnline" with a Greek capital in every title); a
                            // wrong code page garbles every word differently: only distinct words count.
                            if (wordMixed && mixedSeen.add(text.substring(wordStart, i))) {
                                mixed++;
                            }
                            latinCjk += wordLatinCjk && !wordMixed ? 1 : 0;
                            pureCjk += wordCjk > 0 && wordCjk + wordNeutral == wordLetters ? 1 : 0;
                            humps += wordHump ? 1 : 0;
                            soup += wordNonAsciiLatin == wordLetters ? 1 : 0;
                        }
                    }
                    wordScript = -1;
                    wordLetters = 0;
                    wordNonAscii = 0;
                    wordNonAsciiLatin = 0;
                    wordMixed = false;
                    wordLatinCjk = false;
                    wordHump = false;
                    wordCjk = 0;
                    wordNeutral = 0;
                }
                previous = c;
                previousFlags = flags;
                continue;
            }
            if ((flags & MARK) != 0) {
                marks++;
                boolean stray = isThaiOrLaoMark(c) ? !isThaiOrLaoConsonant(previous) && !isThaiOrLaoMark(previous) : startsNothing(previous);
                if (stray) {
                    strayMarks++;
                }
                previous = c;
                previousFlags = flags;
                continue;
            }
            letters++;
            if (wordLetters++ == 0) {
                wordStart = i;
            }
            if ((flags & UPPER) != 0 && (previousFlags & LOWER) != 0 && (c > 0x7F || previous > 0x7F)) {
                wordHump = true;
            }
            previous = c;
            previousFlags = flags;
            if (c > 0x7F) {
                wordNonAscii++;
            }
            if ((flags & NEUTRAL) != 0) {
                wordNeutral++;
                continue;
            }
            if (script == LATIN) {
                latin++;
                if (c > 0x7F) {
                    nonAsciiLatin++;
                    wordNonAsciiLatin++;
                }
            } else if (script == ARABIC) {
                arabic++;
            } else if (script == CJK_FAMILY) {
                cjk++;
                wordCjk++;
                if (c >= 0xFF66 && c <= 0xFF9D) {
                    halfwidthKatakana++;
                }
            } else if (script == THAI) {
                thai++;
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
        return new TextPlausibility(chars, junk, words, nonAsciiWords, mixed, latinCjk, pureCjk, humps, soup, strayCodePageSymbols,
                halfwidthKatakana, letters, marks, strayMarks, latin, nonAsciiLatin, cjk, arabic, thai);
    }

    /**
     * Whether a combining mark after {@code previous} has nothing to combine with: the start, a space, ASCII punctuation
     * or a digit. (After a symbol it may be an emoji's variation selector or a keycap.)
     */
    private static boolean startsNothing(int previous) {
        return previous == 0 || (previous < 0x10000 && (FLAGS[previous] & WHITESPACE) != 0)
                || (previous < 0x80 && (FLAGS[previous] & LETTER) == 0);
    }

    /** Arabic tanween ends a word; only alif or alif maqsura may follow it. */
    private static boolean isTanween(int c) {
        return c >= 0x064B && c <= 0x064D;
    }

    /**
     * Signs of the Latin-1 upper half that writing uses apart from letters (currency, fractions, superscripts, ©, °),
     * and box drawing, which a wrong single-byte code page scatters among the letters (KOI8-R has box drawing where
     * KOI8-U has Ukrainian і, ї, є). Not « » · ¡ ¿, which sit against letters in Russian, Arabic, Greek or Spanish.
     */
    private static boolean isCodePageSymbol(int c) {
        return (c >= 0xA2 && c <= 0xBE && c != 0xAA && c != 0xAB && c != 0xB5 && c != 0xB7 && c != 0xBA && c != 0xBB)
                || (c >= 0x2500 && c <= 0x259F);
    }

    /** Thai and Lao vowel signs above and below, and tone marks: they sit on a consonant, or on another such sign. */
    private static boolean isThaiOrLaoMark(int c) {
        return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E)
                || c == 0x0EB1 || (c >= 0x0EB4 && c <= 0x0EBC) || (c >= 0x0EC8 && c <= 0x0ECD);
    }

    /** Thai and Lao write these vowels before the consonant they follow in speech, so a consonant must come next. */
    private static boolean isThaiOrLaoLeadingVowel(int c) {
        return (c >= 0x0E40 && c <= 0x0E44) || (c >= 0x0EC0 && c <= 0x0EC4);
    }

    private static boolean isThaiOrLaoConsonant(int c) {
        return (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E81 && c <= 0x0EAE) || c == 0x0EDC || c == 0x0EDD;
    }

    boolean plausible() {
        return problem() == null;
    }

    /**
     * As {@link #problem()}, for text from a legacy charset, where words made only of accented letters, code-page signs
     * stuck to letters and half-width katakana are more signs of the wrong code page. (Not for UTF-8, which they would
     * wrong: a short Vietnamese headline can be half such words, "Đà", "đổ"; ─ and ± are fine characters.)
     */
    String legacyProblem() {
        String problem = problem();
        if (problem != null) {
            return problem;
        }
        if (accentSoupWords >= 2 && accentSoupWords * 5 > nonAsciiWords) {
            return accentSoupWords + " of " + nonAsciiWords + " words are made only of accented Latin letters";
        }
        if (strayCodePageSymbols >= 2 && strayCodePageSymbols * 5 > nonAsciiWords) {
            return strayCodePageSymbols + " signs such as ¼ ± ³ stuck to letters";
        }
        if (halfwidthKatakana >= 5 && halfwidthKatakana * 2 > cjkLetters) {
            return "its Japanese is mostly half-width katakana, what Shift_JIS makes of Cyrillic or Greek bytes";
        }
        return null;
    }

    double arabicShare() {
        return letters == 0 ? 0 : (double) arabicLetters / letters;
    }

    double thaiShare() {
        return letters == 0 ? 0 : (double) thaiLetters / letters;
    }

    /** Why the text does not look like writing, or {@code null} when it does. */
    String problem() {
        if (chars == 0) {
            return null;
        }
        if (junk > Math.max(2, chars / 200)) {
            return junk + " control, unassigned or private-use characters in " + chars;
        }
        if (strayMarks > Math.max(2, marks / 50)) {
            return strayMarks + " vowel signs or combining marks out of place";
        }
        // An HTML page's markup is Latin, so its share of letters says little; words wholly in CJK say it is CJK text,
        // which a misread Latin text ("pr閟ident") hardly has, as it takes two accented letters in a row to make one.
        boolean cjkText = cjkLetters * 5 >= letters || pureCjkWords >= 3 * latinCjkWords;
        int mixedWords = mixedScriptWords + (cjkText ? 0 : latinCjkWords);
        if (nonAsciiWords >= 5 && mixedWords >= 2 && mixedWords * 25 > nonAsciiWords) {
            return mixedWords + " of " + nonAsciiWords + " words mix scripts letter by letter";
        }
        if (latinLetters >= 20 && nonAsciiLatin * 10 > latinLetters * 4) {
            return "accented Latin letters make up " + (100 * nonAsciiLatin / latinLetters) + "% of Latin letters";
        }
        if (nonAsciiWords >= 5 && caseHumpWords * 10 > nonAsciiWords) {
            return caseHumpWords + " of " + nonAsciiWords + " words have a capital letter after a small one";
        }
        if (chars >= 20 && (letters + marks) * 5 < chars) {
            return "only " + (100 * (letters + marks) / chars) + "% of characters are letters";
        }
        return null;
    }
}
