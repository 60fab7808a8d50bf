package dev.newsroom.ingest.parse.text;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void arabicLettersAreKeptAsWrittenInOutput() {
        String text = "اقرأ أيضاً إلى مؤتمر";
        assertThat(TextNormalizer.normalize(text)).isEqualTo(text);
    }

    @Test
    void zwnjStaysInsidePersianWordsAndGoesElsewhere() {
        assertThat(TextNormalizer.normalize("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(TextNormalizer.normalize("\u200Cسلام \u200C دنیا\u200C")).isEqualTo("سلام دنیا");
    }

    @Test
    void whitespaceAndBidiJunkCollapse() {
        assertThat(TextNormalizer.normalize("  a\u00A0\u2009b\t\n c \u200E\u202Ad\u202C\uFEFFe  ")).isEqualTo("a b c de");
        assertThat(TextNormalizer.normalizeKeepingLines(" line one \r\n  line\u00A0two \n\n")).isEqualTo("line one\nline two");
    }

    @Test
    void decomposedLettersBecomeNfc() {
        assertThat(TextNormalizer.normalize("e\u0301te\u0301")).isEqualTo("été");
    }

    @Test
    void matchKeyFoldsOnlyForComparison() {
        assertThat(TextNormalizer.matchKey("اقرأ أيضاً:")).isEqualTo(TextNormalizer.matchKey("اقرا ايضا"));
        assertThat(TextNormalizer.matchKey("Read More »")).isEqualTo("read more");
        assertThat(TextNormalizer.matchKey("L’article")).isEqualTo("l'article");
    }

    @Test
    void thePlainNfcShortcutOnlyPassesTextTheJdkCallsNfc() {
        StringBuilder accepted = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate(c) && TextNormalizer.isPlainlyNfc(String.valueOf(c))) {
                accepted.append(c);
            }
        }
        for (int i = 0; i < accepted.length(); i++) {
            for (int j = 0; j < accepted.length(); j++) {
                String pair = "" + accepted.charAt(i) + accepted.charAt(j);
                assertThat(Normalizer.isNormalized(pair, Normalizer.Form.NFC)).as("U+%04X U+%04X", (int) pair.charAt(0), (int) pair.charAt(1)).isTrue();
            }
        }
        assertThat(TextNormalizer.isPlainlyNfc("ا\u0653")).isFalse();
        assertThat(TextNormalizer.isPlainlyNfc("e\u0301")).isFalse();
    }

    @Test
    void normalisingRandomTextMatchesTheStraightforwardDefinition() {
        String pool = "ab Z.\t\n\r\u00A0\u2009\u200B\u200C\u200D\u200E\u202A\uFEFF\u00AD\u0085\u2028\u0001\u007Fé\u0301"
                + "اأإىة\u064E\u0651\u0653\u0640\u061C،؟٣😀\uD83D";
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            String input = text.toString();
            assertThat(TextNormalizer.normalize(input)).as("%s", input.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(reference(input, false));
            assertThat(TextNormalizer.normalizeKeepingLines(input)).as("%s", input.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(reference(input, true));
        }
    }

    @Test
    void matchKeysOfRandomTextMatchFoldingThenLowerCasingTheWholeString() {
        String pool = "aZQ .:»\u2019`\u00A0İΣσÉéДأإآٱىي\u064E\u0640\u0670،؛";
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            String input = text.toString();
            assertThat(TextNormalizer.matchKey(input)).as("%s", input).isEqualTo(referenceKey(input));
        }
    }

    private static String referenceKey(String text) {
        String normalized = TextNormalizer.normalize(text);
        StringBuilder key = new StringBuilder();
        for (char c : normalized.toCharArray()) {
            if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
                continue;
            }
            key.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ى' -> 'ي';
                case '\u2018', '\u2019', '\u02BC', '\u00B4', '`' -> '\'';
                case '\u201C', '\u201D', '\u00AB', '\u00BB' -> '"';
                case '\u2013', '\u2014', '\u2212' -> '-';
                case '\u00A0' -> ' ';
                default -> c;
            });
        }
        String lower = key.toString().toLowerCase(java.util.Locale.ROOT);
        int end = lower.length();
        while (end > 0 && TextNormalizer.isTrailingPunctuation(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(0, end).strip();
    }

    /** The normaliser as first written, one character at a time into a StringBuilder: the oracle for the fast paths. */
    private static String reference(String text, boolean keepLines) {
        if (text.isEmpty()) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                if (c == '\r' && i + 1 < nfc.length() && nfc.charAt(i + 1) == '\n') {
                    i++;
                }
                if (keepLines) {
                    trim(out);
                    out.append('\n');
                    pendingSpace = false;
                } else {
                    pendingSpace = true;
                }
                continue;
            }
            if (TextNormalizer.isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (TextNormalizer.isJunk(c)) {
                continue;
            }
            if (c == '\u200C' && !(letterAt(nfc, i - 1) && letterAt(nfc, i + 1))) {
                continue;
            }
            if (c == '\u200D' && !(visibleAt(nfc, i - 1) && visibleAt(nfc, i + 1))) {
                continue;
            }
            if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        trim(out);
        return keepLines ? out.toString().strip() : out.toString();
    }

    private static void trim(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static boolean letterAt(String s, int i) {
        if (i < 0 || i >= s.length()) {
            return false;
        }
        int type = Character.getType(s.charAt(i));
        return Character.isLetter(s.charAt(i)) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean visibleAt(String s, int i) {
        return i >= 0 && i < s.length() && !TextNormalizer.isSpace(s.charAt(i)) && !Character.isWhitespace(s.charAt(i));
    }
}
