package dev.newsroom.enrich.ner;

import dev.newsroom.enrich.text.Segment;
import dev.newsroom.enrich.text.WordFrequencies;

import java.util.List;

/**
 * Turns a sentence of segments into hashed features: the word and its neighbours, affixes, shape, gazetteer
 * hits around it, context triggers (titles, organisation heads, place nouns) and the word classes of the word and
 * its neighbours ({@link WordClusters}). Label-dependent features (the label transition, the previous label with
 * the word) are looked up by the decoder. Strings are hashed in place, without building feature strings.
 * <p>
 * The features come in groups by what they read: the word alone ({@link #OWN}), the word one or two before or
 * after it ({@link #BEFORE} ... {@link #TWO_AFTER}), and the rest ({@link #JOINT}: pairs of words, the position,
 * the document's gazetteer and name-memory labels). The first five depend on one word only, so the tagger sums
 * their weights once per distinct word ({@link WordRecords}).
 */
final class FeatureExtractor {
    static final int OWN = 22;
    static final int BEFORE = 6;
    static final int TWO_BEFORE = 2;
    static final int AFTER = 5;
    static final int TWO_AFTER = 1;
    static final int WORD_PAIRS = 13;
    static final int LABELS = 9;
    static final int JOINT = WORD_PAIRS + LABELS;
    static final int WIDTH = OWN + BEFORE + TWO_BEFORE + AFTER + TWO_AFTER + JOINT;

    static final WordRecord BEFORE_SENTENCE = WordRecord.boundary(-7);
    static final WordRecord AFTER_SENTENCE = WordRecord.boundary(-9);

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
        /** The word at each position: one of {@link #own} here, or a shared record from {@link WordRecords}. */
        final WordRecord[] words;
        private final WordRecord[] own;
        final int[] gazetteer;
        final int[] memory;
        final long[][] features;

        Context(int capacity) {
            this.n = capacity;
            words = new WordRecord[capacity];
            own = new WordRecord[capacity];
            for (int i = 0; i < capacity; i++) {
                own[i] = new WordRecord();
            }
            gazetteer = new int[capacity];
            memory = new int[capacity];
            features = new long[capacity][WIDTH];
        }

        int capacity() {
            return words.length;
        }

        WordRecord before(int i) {
            return i < 0 ? BEFORE_SENTENCE : words[i];
        }

        WordRecord after(int i) {
            return i >= n ? AFTER_SENTENCE : words[i];
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
            c.words[i] = describe(c.own[i], segments.get(i));
        }
        positionLabels(c, gazetteerLabels, memoryLabels);
        for (int i = 0; i < n; i++) {
            long[] f = c.features[i];
            int k = own(f, 0, c.words[i]);
            k = before(f, k, c.before(i - 1));
            k = twoBefore(f, k, c.before(i - 2));
            k = after(f, k, c.after(i + 1));
            k = twoAfter(f, k, c.after(i + 2));
            joint(f, k, c, i);
        }
        return c;
    }

    /** Copies the document's gazetteer and name-memory labels of the sentence into {@code c}. */
    static void positionLabels(Context c, int[] gazetteerLabels, int[] memoryLabels) {
        System.arraycopy(gazetteerLabels, 0, c.gazetteer, 0, c.n);
        System.arraycopy(memoryLabels, 0, c.memory, 0, c.n);
    }

    /** Fills {@code r} with what the features read of segment {@code s}, and returns it. */
    WordRecord describe(WordRecord r, Segment s) {
        String w = s.folded();
        r.word = w.hashCode();
        r.stem = stemHash(w);
        r.pre2 = prefixHash(w, 2);
        r.pre3 = prefixHash(w, 3);
        r.pre4 = prefixHash(w, 4);
        r.suf1 = suffixHash(w, 1);
        r.suf2 = suffixHash(w, 2);
        r.suf3 = suffixHash(w, 3);
        r.suf4 = suffixHash(w, 4);
        r.rarity = frequencies.rarity(w);
        r.shape = shape(s);
        r.trigger = triggers.signature(w);
        r.listed = triggers.isListedName(w) ? 1 : 0;
        r.fineShape = fineShape(s.surface());
        r.classes = clusters.of(w);
        r.surfaceHash = s.surface().hashCode();
        r.surface = s.surface();
        r.folded = w;
        r.kind = s.kind();
        r.clitic = s.clitic();
        return r;
    }

    /** The features of the word itself, from {@code f[k]}; returns the next free index. */
    static int own(long[] f, int k, WordRecord w) {
        f[k++] = h(1, 0);
        f[k++] = h(2, w.word);
        f[k++] = h(7, w.stem);
        f[k++] = h(8, w.pre2);
        f[k++] = h(9, w.pre3);
        f[k++] = h(10, w.suf2);
        f[k++] = h(11, w.suf3);
        f[k++] = h(12, w.shape);
        f[k++] = h(22, w.trigger);
        f[k++] = h2(31, w.pre2, w.suf2);
        f[k++] = h(32, w.pre4);
        f[k++] = h(33, w.suf4);
        f[k++] = h(34, w.suf1);
        f[k++] = h2(36, w.trigger, w.suf2);
        f[k++] = h(38, w.rarity);
        f[k++] = h2(47, w.listed, w.shape);
        f[k++] = h(52, w.fineShape);
        f[k++] = h(55, w.surfaceHash);
        f[k++] = h(57, WordClusters.level(w.classes, 0));
        f[k++] = h(58, WordClusters.level(w.classes, 1));
        f[k++] = h(59, WordClusters.level(w.classes, 2));
        f[k++] = h2(62, WordClusters.level(w.classes, 2), w.fineShape);
        return k;
    }

    /** The features of the word just before the tagged one. */
    static int before(long[] f, int k, WordRecord w) {
        f[k++] = h(3, w.word);
        f[k++] = h(19, w.trigger);
        f[k++] = h(23, w.suf3);
        f[k++] = h(26, w.stem);
        f[k++] = h2(44, w.pre2, w.suf1);
        f[k++] = h(60, WordClusters.level(w.classes, 1));
        return k;
    }

    /** The features of the word two before the tagged one. */
    static int twoBefore(long[] f, int k, WordRecord w) {
        f[k++] = h(5, w.word);
        f[k++] = h(20, w.trigger);
        return k;
    }

    /** The features of the word just after the tagged one. */
    static int after(long[] f, int k, WordRecord w) {
        f[k++] = h(4, w.word);
        f[k++] = h(21, w.trigger);
        f[k++] = h(24, w.suf3);
        f[k++] = h(27, w.stem);
        f[k++] = h(61, WordClusters.level(w.classes, 1));
        return k;
    }

    /** The feature of the word two after the tagged one. */
    static int twoAfter(long[] f, int k, WordRecord w) {
        f[k++] = h(6, w.word);
        return k;
    }

    /** The features at {@code i} that read two words, the position, or the gazetteer and name-memory labels. */
    static int joint(long[] f, int k, Context c, int i) {
        k = wordPairs(f, k, c, i);
        int n = c.n;
        return labels(f, k, at(c.gazetteer, i - 1, n), c.gazetteer[i], at(c.gazetteer, i + 1, n),
                at(c.memory, i - 1, n), c.memory[i], at(c.memory, i + 1, n), i == 0 ? 1 : 0);
    }

    /** The {@link #WORD_PAIRS} features at {@code i}: two words together, or a word with a label or the position. */
    static int wordPairs(long[] f, int k, Context c, int i) {
        WordRecord previous = c.before(i - 1);
        WordRecord w = c.words[i];
        WordRecord next = c.after(i + 1);
        int gazetteer = c.gazetteer[i];
        f[k++] = h2(13, previous.word, w.word);
        f[k++] = h2(14, w.word, next.word);
        f[k++] = h2(18, gazetteer, w.word);
        f[k++] = h2(25, previous.shape, w.shape * 31 + next.shape);
        f[k++] = h2(28, previous.trigger, w.shape);
        f[k++] = h2(35, previous.trigger, w.trigger * 131 + next.trigger);
        f[k++] = h2(37, at(c.gazetteer, i + 1, c.n), w.trigger);
        f[k++] = h(43, previous.listed * 16 + w.listed * 4 + next.listed);
        f[k++] = h2(45, previous.rarity, w.rarity);
        f[k++] = h2(46, w.rarity, next.rarity);
        f[k++] = h2(53, previous.fineShape, w.fineShape);
        f[k++] = h2(54, w.fineShape, next.fineShape);
        f[k++] = h2(56, i == 0 ? 1 : 0, w.fineShape);
        return k;
    }

    /**
     * The {@link #LABELS} features: the gazetteer and name-memory labels of a position and its neighbours, and whether
     * it opens the sentence. They read only a few small numbers, so the tagger memoises their sum.
     */
    static int labels(long[] f, int k, int gazetteerBefore, int gazetteer, int gazetteerAfter, int memoryBefore,
                      int memory, int memoryAfter, int first) {
        f[k++] = h(15, gazetteer);
        f[k++] = h(16, gazetteerBefore);
        f[k++] = h(17, gazetteerAfter);
        f[k++] = h2(29, gazetteerBefore, gazetteer);
        f[k++] = h(30, first);
        f[k++] = h(48, memory);
        f[k++] = h(49, memoryBefore);
        f[k++] = h(50, memoryAfter);
        f[k++] = h2(51, memory, gazetteer);
        return k;
    }

    /** The feature of a transition from label {@code previous}. */
    static long transition(int previous) {
        return h(40, previous);
    }

    /** The previous label together with the word at {@code i}. */
    static long previousWithWord(Context c, int i, int previous) {
        return previousWithWord(c.words[i], previous);
    }

    static long previousWithWord(WordRecord w, int previous) {
        return h2(42, previous, w.word);
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

    static int at(int[] values, int i, int n) {
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
