package dev.newsroom.console;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words as search compares them, in any script: NFKC, lower case, and for Arabic without the marks and letter
 * variants writers choose freely (harakat and tatweel dropped; hamza-carrying alefs, alef maqsura and teh marbuta
 * folded), so that "هجوم تدمر" finds "هُجُوم تَدْمُر" and "أمريكي" finds "امريكي".
 */
final class SearchText {

    private SearchText() {
    }

    static String fold(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
                return;
            }
            switch (c) {
                case 0x0622, 0x0623, 0x0625, 0x0671 -> out.append('\u0627');
                case 0x0649 -> out.append('\u064A');
                case 0x0629 -> out.append('\u0647');
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The folded words of a text: runs of letters, marks and digits. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        fold(text).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
