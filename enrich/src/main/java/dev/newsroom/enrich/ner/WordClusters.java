package dev.newsroom.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Word classes learnt from unlabelled news text ({@code WordClusterTraining}): words that keep the same company
 * share a class, so the tagger can carry what it learnt about a name or a context word seen in training to the
 * many it never saw there. Each word has a class at three granularities, coarse to fine.
 */
public final class WordClusters {
    public static final int LEVELS = 3;
    /** Class ids are below this; 0 stands for a word without a class. */
    public static final int MAX_CLASSES = 1 << 10;

    /**
     * Words and their packed classes in open addressing (linear probing, at most half full) rather than a HashMap:
     * the tables hold some 60,000 words for as long as the tagger runs, and a map entry with its boxed value costs
     * about 50 bytes more a word than a key slot and an int, against the reference data's heap budget.
     */
    private String[] words;
    private int[] packed;
    private int size;

    private WordClusters(int capacity) {
        this.words = new String[capacity];
        this.packed = new int[capacity];
    }

    /** The folded word's classes packed ten bits a level (finest lowest), 0 when it has none. */
    int of(String folded) {
        int mask = words.length - 1;
        for (int i = slot(folded, mask); words[i] != null; i = (i + 1) & mask) {
            if (words[i].equals(folded)) {
                return packed[i];
            }
        }
        return 0;
    }

    private static int slot(String word, int mask) {
        int h = word.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    /** Sets a word's classes; a word already held (loaded from an earlier file) takes the new ones. */
    private void put(String word, int classes) {
        if (2 * (size + 1) > words.length) {
            String[] oldWords = words;
            int[] oldPacked = packed;
            words = new String[2 * oldWords.length];
            packed = new int[2 * oldWords.length];
            size = 0;
            for (int i = 0; i < oldWords.length; i++) {
                if (oldWords[i] != null) {
                    put(oldWords[i], oldPacked[i]);
                }
            }
        }
        int mask = words.length - 1;
        int i = slot(word, mask);
        while (words[i] != null && !words[i].equals(word)) {
            i = (i + 1) & mask;
        }
        if (words[i] == null) {
            words[i] = word;
            size++;
        }
        packed[i] = classes;
    }

    /** One granularity's class out of {@link #of}'s packed classes: 0 coarsest. */
    static int level(int classes, int level) {
        return (classes >>> (10 * (LEVELS - 1 - level))) & (MAX_CLASSES - 1);
    }

    /** Adds the gzipped {@code word<TAB>class<TAB>class<TAB>class} lines (coarse to fine, from 1) of a file. */
    public void load(InputStream gzipped) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split("\t");
                int classes = 0;
                for (int level = 1; level <= LEVELS; level++) {
                    classes = (classes << 10) | Integer.parseInt(fields[level]);
                }
                put(fields[0], classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WordClusters create() {
        return new WordClusters(1 << 17);
    }
}
