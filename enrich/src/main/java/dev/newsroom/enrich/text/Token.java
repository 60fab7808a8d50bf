package dev.newsroom.enrich.text;

/**
 * One token of a text. Offsets are Unicode code points into the text the token came from; {@code folded} is the
 * lookup form (see {@link Folding}).
 */
public record Token(int start, int end, String surface, String folded, Kind kind) {

    public enum Kind { ARABIC, WORD, NUMBER, PUNCT }

    public boolean isWord() {
        return kind == Kind.ARABIC || kind == Kind.WORD;
    }
}
