package dev.newsroom.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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

    private final Map<String, Integer> packed;

    private WordClusters(Map<String, Integer> packed) {
        this.packed = packed;
    }

    /** The folded word's classes packed ten bits a level (finest lowest), 0 when it has none. */
    int of(String folded) {
        Integer classes = packed.get(folded);
        return classes == null ? 0 : classes;
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
                packed.put(fields[0], classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WordClusters create() {
        return new WordClusters(new HashMap<>(1 << 16));
    }
}
