package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Token;

/**
 * What the tagger's features read of one word: hashes of the word, its stem and affixes, its shapes, rarity, trigger
 * signature, name-list mark and word classes. {@link WordRecords} keeps one per distinct word with the label scores
 * of the features that read that word alone, so a word seen before costs one table lookup instead of a dozen map
 * lookups and some forty weight-row reads.
 */
final class WordRecord {
    int word;
    int stem;
    int pre2;
    int pre3;
    int pre4;
    int suf1;
    int suf2;
    int suf3;
    int suf4;
    int rarity;
    int shape;
    int trigger;
    int listed;
    int fineShape;
    int classes;
    int surfaceHash;

    /** The word as a cache key: its surface, folded form, kind and whether it is a split-off clitic. */
    String surface;
    String folded;
    Token.Kind kind;
    boolean clitic;

    /**
     * Integer label scores ({@link Labels#COUNT} each) of the features that read only this word: as the word tagged,
     * as the word before it, two before, after and two after ({@link FeatureExtractor#OWN} ... {@code TWO_AFTER}).
     */
    int[] scores;
    /** The previous-label-with-word rows, {@code [previous * COUNT + label]}, as the model stores them. */
    short[] afterLabel;

    /** Stands for the positions before (-7) or after (-9) the sentence, as neighbours: every value the same. */
    static WordRecord boundary(int value) {
        WordRecord r = new WordRecord();
        r.word = value;
        r.stem = value;
        r.pre2 = value;
        r.pre3 = value;
        r.pre4 = value;
        r.suf1 = value;
        r.suf2 = value;
        r.suf3 = value;
        r.suf4 = value;
        r.rarity = value;
        r.shape = value;
        r.trigger = value;
        r.listed = value;
        r.fineShape = value;
        r.classes = value;
        r.surfaceHash = value;
        return r;
    }
}
