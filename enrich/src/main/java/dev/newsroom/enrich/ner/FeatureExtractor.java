package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.WordFrequencies;

import java.util.List;

/**
 * Turns a sentence of segments into hashed features: the word and its neighbours, affixes, shape, gazetteer
 * hits around it, context triggers (titles, organisation heads, place nouns) and the word classes of the word and
 * its neighbours ({@link WordClusters}). Label-dependent features (the label transition, the previous label with
 * the word) are looked up by the decoder. Strings are hashed in place, without building feature strings.
 */
final class FeatureExtractor {
    static final int WIDTH = 58;

    private final Triggers triggers;
    private final WordFrequencies frequencies;
    private final WordClusters clusters;

    FeatureExtractor(Triggers triggers, WordFrequencies frequencies, WordClusters clusters) {
        this.triggers = triggers;
        this.frequencies = frequencies;
        this.clusters = clusters;
    }

    /**
     * Per-position context the features are built from, for up to {@link #capacity} positions: a tagging thread
     * reuses one for every sentence ({@link #extractInto}) rather than allocating some 500 bytes per word.
     */
    static final class Context {
        int n;
        final int[] word;
        final int[] stem;
        final int[] pre2;
        final int[] pre3;
        final int[] suf2;
        final int[] suf3;
        final int[] pre4;
        final int[] suf4;
        final int[] suf1;
        final int[] rarity;
        final int[] shape;
        final int[] trigger;
        final int[] gazetteer;
        final int[] listed;
        final int[] memory;
        final int[] fineShape;
        final int[] clusters;
        final long[][] features;

        Context(int capacity) {
            this.n = capacity;
            word = new int[capacity];
            stem = new int[capacity];
            pre2 = new int[capacity];
            pre3 = new int[capacity];
            suf2 = new int[capacity];
            suf3 = new int[capacity];
            pre4 = new int[capacity];
            suf4 = new int[capacity];
            suf1 = new int[capacity];
            rarity = new int[capacity];
            shape = new int[capacity];
            trigger = new int[capacity];
            gazetteer = new int[capacity];
            listed = new int[capacity];
            memory = new int[capacity];
            fineShape = new int[capacity];
            clusters = new int[capacity];
            features = new long[capacity][WIDTH];
        }

        int capacity() {
            return word.length;
        }
    }

    Context extract(List<Segment> segments, int[] gazetteerLabels, int[] memoryLabels) {
        return extractInto(new Context(segments.size()), segments, gazetteerLabels, memoryLabels);
    }

    /** Fills {@code c}, whose capacity must be at least the number of segments, and returns it. */
    Context extractInto(Context c, List<Segment> segments, int[] gazetteerLabels, int[] memoryLabels) {
        int n = segments.size();
        c.n = n;
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            String w = s.folded();
            c.word[i] = w.hashCode();
            c.stem[i] = stemHash(w);
            c.pre2[i] = prefixHash(w, 2);
            c.pre3[i] = prefixHash(w, 3);
            c.suf2[i] = suffixHash(w, 2);
            c.suf3[i] = suffixHash(w, 3);
            c.pre4[i] = prefixHash(w, 4);
            c.suf4[i] = suffixHash(w, 4);
            c.suf1[i] = suffixHash(w, 1);
            c.rarity[i] = frequencies.rarity(w);
            c.shape[i] = shape(s);
            c.trigger[i] = triggers.signature(w);
            c.gazetteer[i] = gazetteerLabels[i];
            c.listed[i] = triggers.isListedName(w) ? 1 : 0;
            c.memory[i] = memoryLabels[i];
            c.fineShape[i] = fineShape(s.surface());
            c.clusters[i] = clusters.of(w);
        }
        for (int i = 0; i < n; i++) {
            long[] f = c.features[i];
            int k = 0;
            f[k++] = h(1, 0);
            f[k++] = h(2, c.word[i]);
            f[k++] = h(3, at(c.word, i - 1, n));
            f[k++] = h(4, at(c.word, i + 1, n));
            f[k++] = h(5, at(c.word, i - 2, n));
            f[k++] = h(6, at(c.word, i + 2, n));
            f[k++] = h(7, c.stem[i]);
            f[k++] = h(8, c.pre2[i]);
            f[k++] = h(9, c.pre3[i]);
            f[k++] = h(10, c.suf2[i]);
            f[k++] = h(11, c.suf3[i]);
            f[k++] = h(12, c.shape[i]);
            f[k++] = h2(13, at(c.word, i - 1, n), c.word[i]);
            f[k++] = h2(14, c.word[i], at(c.word, i + 1, n));
            f[k++] = h(15, c.gazetteer[i]);
            f[k++] = h(16, at(c.gazetteer, i - 1, n));
            f[k++] = h(17, at(c.gazetteer, i + 1, n));
            f[k++] = h2(18, c.gazetteer[i], c.word[i]);
            f[k++] = h(19, at(c.trigger, i - 1, n));
            f[k++] = h(20, at(c.trigger, i - 2, n));
            f[k++] = h(21, at(c.trigger, i + 1, n));
            f[k++] = h(22, c.trigger[i]);
            f[k++] = h(23, at(c.suf3, i - 1, n));
            f[k++] = h(24, at(c.suf3, i + 1, n));
            f[k++] = h2(25, at(c.shape, i - 1, n), c.shape[i] * 31 + at(c.shape, i + 1, n));
            f[k++] = h(26, at(c.stem, i - 1, n));
            f[k++] = h(27, at(c.stem, i + 1, n));
            f[k++] = h2(28, at(c.trigger, i - 1, n), c.shape[i]);
            f[k++] = h2(29, at(c.gazetteer, i - 1, n), c.gazetteer[i]);
            f[k++] = h(30, i == 0 ? 1 : 0);
            f[k++] = h2(31, c.pre2[i], c.suf2[i]);
            f[k++] = h(32, c.pre4[i]);
            f[k++] = h(33, c.suf4[i]);
            f[k++] = h(34, c.suf1[i]);
            f[k++] = h2(35, at(c.trigger, i - 1, n), c.trigger[i] * 131 + at(c.trigger, i + 1, n));
            f[k++] = h2(36, c.trigger[i], c.suf2[i]);
            f[k++] = h2(37, at(c.gazetteer, i + 1, n), c.trigger[i]);
            f[k++] = h(38, c.rarity[i]);
            f[k++] = h(43, at(c.listed, i - 1, n) * 16 + c.listed[i] * 4 + at(c.listed, i + 1, n));
            f[k++] = h2(44, at(c.pre2, i - 1, n), at(c.suf1, i - 1, n));
            f[k++] = h2(45, at(c.rarity, i - 1, n), c.rarity[i]);
            f[k++] = h2(46, c.rarity[i], at(c.rarity, i + 1, n));
            f[k++] = h2(47, c.listed[i], c.shape[i]);
            f[k++] = h(48, c.memory[i]);
            f[k++] = h(49, at(c.memory, i - 1, n));
            f[k++] = h(50, at(c.memory, i + 1, n));
            f[k++] = h2(51, c.memory[i], c.gazetteer[i]);
            f[k++] = h(52, c.fineShape[i]);
            f[k++] = h2(53, at(c.fineShape, i - 1, n), c.fineShape[i]);
            f[k++] = h2(54, c.fineShape[i], at(c.fineShape, i + 1, n));
            f[k++] = h(55, segments.get(i).surface().hashCode());
            f[k++] = h2(56, i == 0 ? 1 : 0, c.fineShape[i]);
            f[k++] = h(57, WordClusters.level(c.clusters[i], 0));
            f[k++] = h(58, WordClusters.level(c.clusters[i], 1));
            f[k++] = h(59, WordClusters.level(c.clusters[i], 2));
            f[k++] = h(60, WordClusters.level(at(c.clusters, i - 1, n), 1));
            f[k++] = h(61, WordClusters.level(at(c.clusters, i + 1, n), 1));
            f[k++] = h2(62, WordClusters.level(c.clusters[i], 2), c.fineShape[i]);
        }
        return c;
    }

    /** The feature of a transition from label {@code previous}. */
    static long transition(int previous) {
        return h(40, previous);
    }

    /** The previous label together with the word at {@code i}. */
    static long previousWithWord(Context c, int i, int previous) {
        return h2(42, previous, c.word[i]);
    }

    /**
     * Letters and digits as classes, runs collapsed: "Xx" (Obama), "X.X." (U.S.), "X" (NATO), "d" (2009), "Xx-Xx";
     * letters without case (Arabic) count as one class, so Arabic words share one shape.
     */
    private static int fineShape(String w) {
        int h = 17;
        char last = 0;
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            char cls = Character.isUpperCase(ch) ? 'X' : Character.isLowerCase(ch) ? 'x'
                    : Character.isDigit(ch) ? 'd' : Character.isLetter(ch) ? 'a' : ch;
            if (cls != last) {
                h = 31 * h + cls;
                last = cls;
            }
        }
        return h;
    }

    private static int at(int[] values, int i, int n) {
        return i < 0 ? -7 : i >= n ? -9 : values[i];
    }

    /** {@code hashCode()} of the word without its article (الـ), computed without cutting it off. */
    private static int stemHash(String w) {
        if (w.length() > 4 && w.startsWith("ال")) {
            int h = 0;
            for (int i = 2; i < w.length(); i++) {
                h = 31 * h + w.charAt(i);
            }
            return h;
        }
        return w.hashCode();
    }

    private static int prefixHash(String w, int k) {
        int h = k;
        int len = Math.min(k, w.length());
        for (int i = 0; i < len; i++) {
            h = 31 * h + w.charAt(i);
        }
        return h;
    }

    private static int suffixHash(String w, int k) {
        int h = -k;
        for (int i = Math.max(0, w.length() - k); i < w.length(); i++) {
            h = 31 * h + w.charAt(i);
        }
        return h;
    }

    private static int shape(Segment s) {
        String w = s.surface();
        int len = Math.min(w.length(), 12) / 3;
        return switch (s.kind()) {
            case ARABIC -> 100 + (s.folded().startsWith("ال") ? 10 : 0) + len + (s.clitic() ? 50 : 0);
            case NUMBER -> 200;
            case PUNCT -> 300 + w.charAt(0);
            case WORD -> 400 + latinShape(w) * 10 + len;
        };
    }

    private static int latinShape(String w) {
        boolean allUpper = true;
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            char ch = w.charAt(i);
            allUpper &= !Character.isLetter(ch) || Character.isUpperCase(ch);
            digit |= Character.isDigit(ch);
        }
        if (allUpper) {
            return 1;
        }
        if (Character.isUpperCase(w.charAt(0))) {
            return 2;
        }
        return digit ? 3 : 4;
    }

    static long h(int template, int value) {
        return mix(((long) template << 32) ^ (value & 0xFFFFFFFFL));
    }

    static long h2(int template, int a, int b) {
        return mix(((long) template << 32) ^ (a & 0xFFFFFFFFL) ^ ((long) b * 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
