package dev.newsroom.enrich.text;

/**
 * A token, or the part of an Arabic token left after attached clitics were split off. Offsets are code points
 * into the block text. {@code elidedArticle} marks a stem whose definite article lost its alef to a preceding
 * lam ({@code للقيادة} = ل + (ا)لقيادة): its folded form has the alef back, its offsets cover only the letters
 * written.
 */
public record Segment(int start, int end, String surface, String folded, Token.Kind kind, boolean clitic,
                      boolean elidedArticle) {

    public boolean isWord() {
        return kind == Token.Kind.ARABIC || kind == Token.Kind.WORD;
    }

    public boolean isCapitalised() {
        return kind == Token.Kind.WORD && Character.isUpperCase(surface.codePointAt(0));
    }

    /** The surface as a reader writes the word on its own: the elided alef of the article restored. */
    public String citationForm() {
        return elidedArticle ? "ا" + surface : surface;
    }
}
