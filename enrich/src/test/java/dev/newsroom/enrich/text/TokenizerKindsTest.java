package dev.newsroom.enrich.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerKindsTest {

    /** The kind a token's code points give it, read from Character's tables alone (the tokenizer's shortcuts aside). */
    private static Token.Kind kindOf(String surface) {
        int[] cps = surface.codePoints().toArray();
        boolean arabic = false;
        boolean letter = false;
        boolean digitsOnly = true;
        for (int cp : cps) {
            arabic |= Folding.isArabicLetter(cp);
            letter |= Character.isLetter(cp);
            digitsOnly &= Character.isDigit(cp) || cp == '.' || cp == ',';
        }
        return arabic ? Token.Kind.ARABIC : letter ? Token.Kind.WORD
                : digitsOnly && Character.isDigit(cps[0]) ? Token.Kind.NUMBER : Token.Kind.PUNCT;
    }

    @Test
    void every_ascii_and_arabic_code_point_is_kept_and_kinded_as_character_says() {
        StringBuilder text = new StringBuilder();
        List<Integer> expected = new ArrayList<>();
        for (int cp = 0x21; cp <= 0x6FF; cp++) {
            if (cp >= 0x80 && cp < 0x600 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || Folding.fold(cp) == Folding.DROP) {
                continue;
            }
            text.append("x").appendCodePoint(cp).append(" ");
            expected.add(cp);
        }
        List<Token> tokens = Tokenizer.tokenize(text.toString());
        for (Token t : tokens) {
            assertThat(t.kind()).as(t.surface()).isEqualTo(kindOf(t.surface()));
        }
        boolean[] wordPart = new boolean[0x700];
        for (Token t : tokens) {
            if (t.surface().length() > 1 && t.surface().charAt(0) == 'x') {
                wordPart[t.surface().codePointAt(1)] = true;
            }
        }
        for (int cp : expected) {
            int type = Character.getType(cp);
            boolean part = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || cp == 0x0640;
            assertThat(wordPart[cp]).as(Integer.toHexString(cp)).isEqualTo(part);
        }
    }
}
