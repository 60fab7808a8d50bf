package dev.newsroom.enrich.advisory;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the detector found for one kind in one article: the counted triggers' score and how they were counted, where
 * they stood, and the words (as written, for editors; as stems, for the trained model).
 */
public final class Evidence {
    private double score;
    private double leadScore;
    private double headlineScore;
    private int counted;
    private int strong;
    private int corroborated;
    private int blocks;
    private int lastBlock = -1;
    private int discounted;
    private int uncorroborated;
    private final Set<String> words = new LinkedHashSet<>();
    private final Set<String> stems = new LinkedHashSet<>();

    void add(double weight, boolean isCorroborated, boolean isStrong, int block, boolean lead, boolean headline,
             String surface, String stem) {
        score += weight;
        leadScore += lead ? weight : 0;
        headlineScore += headline ? weight : 0;
        counted += isCorroborated ? 2 : 1;
        strong += isStrong ? 1 : 0;
        corroborated += isCorroborated ? 1 : 0;
        if (block != lastBlock) {
            blocks++;
            lastBlock = block;
        }
        words.add(surface);
        stems.add(stem);
    }

    /** Triggers a cue took out (negation, threat, legal frame, attempt) and weak ones left without context. */
    void setAside(int[] counts) {
        discounted = counts[0];
        uncorroborated = counts[1];
    }

    /** Triggers a negation, threat, legal or policy frame or attempt took out: "مكافحة الارهاب". */
    public int discounted() {
        return discounted;
    }

    /** Weak triggers not counted, with no strong one of their kind or of harm next to them. */
    public int uncorroborated() {
        return uncorroborated;
    }

    /** The sum of the counted triggers' weights, the figure the thresholds apply to. */
    public double score() {
        return score;
    }

    /** The part of the score from the headline and the first paragraph. */
    public double leadScore() {
        return leadScore;
    }

    public double headlineScore() {
        return headlineScore;
    }

    /** Triggers counted, a corroborated one twice: a notice needs two, so one word never suffices. */
    public int counted() {
        return counted;
    }

    public int strong() {
        return strong;
    }

    public int corroborated() {
        return corroborated;
    }

    /** How many blocks hold a counted trigger. */
    public int blocks() {
        return blocks;
    }

    public Set<String> words() {
        return words;
    }

    /** The counted triggers' stemmed phrases. */
    public Set<String> stems() {
        return stems;
    }
}
