package dev.newsroom.ingest.parse.eval;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens body F1 counts: ICU word boundaries over NFC text, lower-cased, punctuation and spaces dropped; a word in
 * a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) counts character by character, so that the
 * score does not depend on how a dictionary happens to segment it.
 */
public final class BodyTokens {

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private BodyTokens() {
    }

    public static List<String> of(String text) {
        String normalized = NFC.normalize(text);
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(normalized);
        List<String> tokens = new ArrayList<>();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() == BreakIterator.WORD_NONE) {
                continue;
            }
            String word = normalized.substring(start, end);
            if (unspaced(word)) {
                word.codePoints().filter(UCharacter::isLetterOrDigit)
                        .forEach(c -> tokens.add(UCharacter.toLowerCase(new String(Character.toChars(c)))));
            } else {
                tokens.add(UCharacter.toLowerCase(ULocale.ROOT, word));
            }
        }
        return tokens;
    }

    private static boolean unspaced(String word) {
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            int script = UScript.getScript(c);
            if (script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA || script == UScript.THAI
                    || script == UScript.LAO || script == UScript.KHMER || script == UScript.MYANMAR) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }
}
