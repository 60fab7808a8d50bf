package dev.newsroom.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the proclitics of Arabic words (و ف ب ل ك, the article-absorbing لل, and pairs such as وب ول فل)
 * so that a name is matched, and its offsets reported, without them: {@code وواشنطن} gives و + واشنطن.
 *
 * <p>Whether a leading letter is a clitic or part of the word ({@code وزارة}, {@code لبنان}, {@code واشنطن}) is
 * decided from word frequencies: the split is taken when the remainder is a known word that is more frequent
 * than the whole. Unknown words starting with the conjunctions و/ف lose them when at least three letters remain,
 * since conjunction-initial unknown words are far commoner than unknown words that start with those letters.
 */
public final class ArabicSegmenter {
    private static final int WAW = 'و';
    private static final int FA = 'ف';
    private static final int BA = 'ب';
    private static final int LAM = 'ل';
    private static final int KAF = 'ك';

    private final WordFrequencies frequencies;

    public ArabicSegmenter(WordFrequencies frequencies) {
        this.frequencies = frequencies;
    }

    public List<Segment> segment(List<Token> tokens) {
        List<Segment> out = new ArrayList<>(tokens.size() + tokens.size() / 4);
        for (Token token : tokens) {
            if (token.kind() != Token.Kind.ARABIC) {
                out.add(new Segment(token.start(), token.end(), token.surface(), token.folded(), token.kind(), false,
                        false));
            } else {
                split(token, out);
            }
        }
        return out;
    }

    /** Every token becomes one segment: for text whose clitics are already split (the NewsFANE corpus). */
    public static List<Segment> unsplit(List<Token> tokens) {
        List<Segment> out = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            out.add(new Segment(token.start(), token.end(), token.surface(), token.folded(), token.kind(), false,
                    false));
        }
        return out;
    }

    private void split(Token token, List<Segment> out) {
        String written = token.surface();
        int lead = written.codePointAt(0);
        if (!isProclitic(lead, 0) && Folding.fold(lead) == lead) {
            // Neither a clitic nor a dropped mark first: the word stays whole, as the rounds below would leave it.
            out.add(new Segment(token.start(), token.end(), written, token.folded(), Token.Kind.ARABIC, false, false));
            return;
        }
        int[] surface = Folding.codePoints(written);
        int[] foldedToSurface = foldedOffsets(surface);
        String folded = token.folded();
        int cut = 0;
        boolean elided = false;
        for (int round = 0; round < 2; round++) {
            String rest = folded.substring(cut);
            int first = rest.isEmpty() ? 0 : rest.codePointAt(0);
            if (round == 1 && first == WAW) {
                break;
            }
            if (first == LAM && rest.length() >= 5 && rest.codePointAt(1) == LAM) {
                String restored = "ا" + rest.substring(1);
                if (frequencies.count(restored) >= frequencies.count(rest)) {
                    emitClitic(token, surface, foldedToSurface, cut, cut + 1, out);
                    cut += 1;
                    elided = true;
                    break;
                }
            }
            if (!isProclitic(first, round) || rest.length() < 3) {
                break;
            }
            String remainder = rest.substring(1);
            if (!splits(first, rest, remainder)) {
                break;
            }
            emitClitic(token, surface, foldedToSurface, cut, cut + 1, out);
            cut += 1;
        }
        int start = token.start() + foldedToSurface[cut];
        String stemSurface = new String(surface, foldedToSurface[cut], surface.length - foldedToSurface[cut]);
        String stemFolded = elided ? "ا" + folded.substring(cut) : folded.substring(cut);
        out.add(new Segment(start, token.end(), stemSurface, stemFolded, Token.Kind.ARABIC, false, elided));
    }

    private boolean splits(int clitic, String whole, String remainder) {
        long wholeCount = frequencies.count(whole);
        long remainderCount = frequencies.count(remainder);
        if (remainderCount > 0 && remainderCount > wholeCount) {
            return true;
        }
        if (remainder.startsWith("ال") && remainder.length() >= 4 && wholeCount == 0) {
            return true;
        }
        return (clitic == WAW || clitic == FA) && wholeCount == 0 && remainder.length() >= 3;
    }

    private static boolean isProclitic(int cp, int round) {
        if (round == 0) {
            return cp == WAW || cp == FA || cp == BA || cp == LAM || cp == KAF;
        }
        return cp == BA || cp == LAM || cp == KAF;
    }

    private static void emitClitic(Token token, int[] surface, int[] foldedToSurface, int from, int to,
                                   List<Segment> out) {
        int s = foldedToSurface[from];
        int e = foldedToSurface[to];
        out.add(new Segment(token.start() + s, token.start() + e, new String(surface, s, e - s),
                Folding.fold(new String(surface, s, e - s)), Token.Kind.ARABIC, true, false));
    }

    /** For each folded code point, where it starts in the surface; one extra entry for the end. */
    private static int[] foldedOffsets(int[] surface) {
        int[] map = new int[surface.length + 1];
        int n = 0;
        for (int i = 0; i < surface.length; i++) {
            if (Folding.fold(surface[i]) != Folding.DROP) {
                map[n++] = i;
            }
        }
        map[n] = surface.length;
        return map;
    }
}
