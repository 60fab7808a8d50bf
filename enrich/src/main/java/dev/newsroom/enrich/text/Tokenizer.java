package dev.newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words, numbers and punctuation with code-point offsets. Written for news prose: keeps
 * dotted abbreviations ({@code U.S.}, {@code D.C.}) whole, splits the English possessive ({@code Syria's}) and
 * French elisions ({@code l'Intérieur}), and keeps Arabic words with their diacritics and tatweel in one token.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static List<Token> tokenize(String text) {
        int[] cps = Folding.codePoints(text);
        List<Token> tokens = new ArrayList<>(cps.length / 5 + 4);
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Folding.fold(cp) == Folding.DROP) {
                i++;
                continue;
            }
            if (isWordPart(cp)) {
                int abbreviationEnd = abbreviationEnd(cps, i);
                if (abbreviationEnd > 0) {
                    tokens.add(token(cps, i, abbreviationEnd));
                    i = abbreviationEnd;
                    continue;
                }
                int end = i + 1;
                while (end < cps.length) {
                    int c = cps[end];
                    if (isWordPart(c)) {
                        end++;
                    } else if (isApostrophe(c) && end + 1 < cps.length && Character.isLetter(cps[end + 1])
                            && !Folding.isArabicLetter(cps[end + 1])) {
                        if (isPossessive(cps, end)) {
                            break;
                        }
                        if (isElision(cps, i, end)) {
                            end++;
                            break;
                        }
                        end++;
                    } else if ((c == '.' || c == ',') && Character.isDigit(cps[end - 1]) && end + 1 < cps.length
                            && Character.isDigit(cps[end + 1])) {
                        end++;
                    } else {
                        break;
                    }
                }
                tokens.add(token(cps, i, end));
                i = end;
            } else if (isApostrophe(cp) && isPossessive(cps, i)) {
                tokens.add(token(cps, i, i + 2));
                i += 2;
            } else {
                tokens.add(token(cps, i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /**
     * Tokens for text that is already tokenised (one word per entry), with offsets into the words joined by
     * single spaces.
     */
    public static List<Token> pretokenized(String[] words) {
        List<Token> tokens = new ArrayList<>(words.length);
        int offset = 0;
        for (String word : words) {
            int[] cps = Folding.codePoints(word);
            Token t = token(cps, 0, cps.length);
            tokens.add(new Token(offset, offset + cps.length, t.surface(), t.folded(), t.kind()));
            offset += cps.length + 1;
        }
        return tokens;
    }

    private static boolean isPossessive(int[] cps, int apostrophe) {
        return apostrophe + 1 < cps.length && (cps[apostrophe + 1] == 's' || cps[apostrophe + 1] == 'S')
                && (apostrophe + 2 >= cps.length || !Character.isLetterOrDigit(cps[apostrophe + 2]))
                && apostrophe > 0 && Character.isLetter(cps[apostrophe - 1]);
    }

    /** Single letters each followed by a dot, at least two of them: U.S., U.N., D.C. */
    private static int abbreviationEnd(int[] cps, int start) {
        int i = start;
        int letters = 0;
        while (i + 1 < cps.length && Character.isUpperCase(cps[i]) && cps[i + 1] == '.'
                && (i + 2 >= cps.length || !Character.isLetter(cps[i + 2]) || Character.isUpperCase(cps[i + 2]))) {
            letters++;
            i += 2;
            if (i < cps.length && !Character.isUpperCase(cps[i])) {
                break;
            }
        }
        return letters >= 2 ? i : -1;
    }

    private static boolean isElision(int[] cps, int start, int apostrophe) {
        String prefix = new String(cps, start, apostrophe - start).toLowerCase(java.util.Locale.ROOT);
        return switch (prefix) {
            case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu" -> true;
            default -> false;
        };
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
    }

    private static boolean isWordPart(int cp) {
        // ASCII and the basic Arabic letters answered without Character's property tables: nearly every code point
        // of a text. No ASCII code point is a mark, and U+0620..U+064A are all letters.
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Folding.isBasicArabicLetter(cp) || Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || cp == 0x0640 || cp == 0x200C || cp == 0x200D;
    }

    private static Token token(int[] cps, int start, int end) {
        String surface = new String(cps, start, end - start);
        int[] folded = new int[end - start];
        int length = 0;
        boolean foldsToItself = true;
        boolean arabic = false;
        boolean letter = false;
        boolean digitsOnly = true;
        for (int i = start; i < end; i++) {
            int cp = cps[i];
            int f = Folding.fold(cp);
            if (f != Folding.DROP) {
                folded[length++] = f;
            }
            foldsToItself &= f == cp;
            // ASCII answered without Character's property tables: most of a Latin text's code points.
            if (cp < 0x80) {
                boolean digit = cp >= '0' && cp <= '9';
                letter |= (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
                digitsOnly &= digit || cp == '.' || cp == ',';
                continue;
            }
            if (Folding.isBasicArabicLetter(cp)) {
                arabic = true;
                letter = true;
                digitsOnly = false;
                continue;
            }
            arabic |= Folding.isArabicLetter(cp);
            letter |= Character.isLetter(cp);
            digitsOnly &= Character.isDigit(cp);
        }
        Token.Kind kind;
        if (arabic) {
            kind = Token.Kind.ARABIC;
        } else if (letter) {
            kind = Token.Kind.WORD;
        } else if (digitsOnly && Character.isDigit(cps[start])) {
            kind = Token.Kind.NUMBER;
        } else {
            kind = Token.Kind.PUNCT;
        }
        // Most words fold to themselves: share the surface rather than copy it.
        String foldedForm = foldsToItself ? surface : new String(folded, 0, length);
        return new Token(start, end, surface, foldedForm, kind);
    }
}
