package dev.newsroom.enrich.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Weights of the BIO tagger: hashed features, one row of label scores per bucket. Tagging is bound by memory
 * latency (some sixty random lookups per word), so the table is kept small: only the strongest rows are kept
 * ({@link #ARABIC_ROWS} for the Arabic model, trained on 86k tokens), with weights quantised to 16 bits. Both cost
 * nothing measurable in F1.
 * <p>
 * A bucket finds its row through a bitmap of the buckets that have one and a count of set bits per 64-bit word
 * (rows are stored in bucket order, so a row's index is its bucket's rank): 32 KB of bitmap and 16 KB of counts for
 * the Arabic model's 2^18 buckets stay in the core's cache, where an int per bucket (1 MB; 4 MB for the English
 * model) did not, and most features (unseen words and contexts) stop at the bitmap.
 */
public final class SequenceModel implements Weights {
    private static final int MAGIC = 0x4E455233;
    public static final int ARABIC_ROWS = 65535;
    private static final int NONE = -1;
    /** {@link #score(long[], int, float[])} is written out for this many labels. */
    private static final int LABELS = 9;

    static {
        if (Labels.COUNT != LABELS) {
            throw new ExceptionInInitializerError("SequenceModel.score is written for " + LABELS + " labels");
        }
    }

    final int bits;
    final int mask;
    /** Bit b set: bucket b has a row. */
    private final long[] present;
    /** Per bitmap word, how many buckets before it have a row: with the bits below, a bucket's row index. */
    private final int[] rowsBefore;
    /** Rows in bucket order, {@link Labels#COUNT} weights each. */
    private final short[] rows;
    private final float scale;
    private final NameMemory memory;

    private SequenceModel(int bits, int[] rowOf, short[] rows, float scale, NameMemory memory) {
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.present = new long[Math.max(1, rowOf.length >>> 6)];
        this.rowsBefore = new int[present.length];
        this.rows = new short[rows.length];
        this.scale = scale;
        this.memory = memory;
        int count = 0;
        for (int b = 0; b < rowOf.length; b++) {
            if ((b & 63) == 0) {
                rowsBefore[b >>> 6] = count;
            }
            if (rowOf[b] != NONE) {
                present[b >>> 6] |= 1L << b;
                System.arraycopy(rows, rowOf[b] * Labels.COUNT, this.rows, count * Labels.COUNT, Labels.COUNT);
                count++;
            }
        }
    }

    /** The row of a feature's bucket, or {@link #NONE}. */
    private int rowOf(long feature) {
        int bucket = (int) feature & mask;
        long word = present[bucket >>> 6];
        long bit = 1L << bucket;
        if ((word & bit) == 0) {
            return NONE;
        }
        return rowsBefore[bucket >>> 6] + Long.bitCount(word & (bit - 1));
    }

    NameMemory memory() {
        return memory;
    }

    /** Keeps the strongest non-zero rows of a dense weight table (bucket * labels + label), quantised. */
    static SequenceModel fromDense(int bits, int maxRows, float[] dense, NameMemory memory) {
        int buckets = 1 << bits;
        float[] strength = new float[buckets];
        float largest = 0;
        for (int b = 0; b < buckets; b++) {
            for (int l = 0; l < Labels.COUNT; l++) {
                float w = Math.abs(dense[b * Labels.COUNT + l]);
                strength[b] = Math.max(strength[b], w);
            }
            largest = Math.max(largest, strength[b]);
        }
        float threshold = 0;
        float[] sorted = strength.clone();
        Arrays.sort(sorted);
        if (buckets > maxRows) {
            threshold = Math.max(threshold, sorted[buckets - maxRows - 1]);
        }
        float scale = largest == 0 ? 1 : largest / Short.MAX_VALUE;
        int[] rowOf = new int[buckets];
        Arrays.fill(rowOf, NONE);
        int count = 0;
        for (int b = 0; b < buckets && count < maxRows; b++) {
            if (strength[b] > threshold) {
                rowOf[b] = count++;
            }
        }
        short[] rows = new short[count * Labels.COUNT];
        for (int b = 0; b < buckets; b++) {
            if (rowOf[b] != NONE) {
                for (int l = 0; l < Labels.COUNT; l++) {
                    rows[rowOf[b] * Labels.COUNT + l] = (short) Math.round(dense[b * Labels.COUNT + l] / scale);
                }
            }
        }
        return new SequenceModel(bits, rowOf, rows, scale, memory);
    }

    @Override
    public void score(long feature, float[] scores) {
        int row = rowOf(feature);
        if (row == NONE) {
            return;
        }
        int offset = row * Labels.COUNT;
        for (int l = 0; l < Labels.COUNT; l++) {
            scores[l] += rows[offset + l] * scale;
        }
    }

    /**
     * The features' quantised weights are summed as integers and scaled once: exact, so a sum does not depend on the
     * order of its features, and {@link WordRecords} may add up a word's features ahead of time and get the same
     * scores to the last bit. Each label's sum is kept in a local, not in {@code scores}, so the row loads of the
     * next features need not wait for the stores of this one's sums.
     */
    @Override
    public void score(long[] features, int count, float[] scores) {
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int s4 = 0;
        int s5 = 0;
        int s6 = 0;
        int s7 = 0;
        int s8 = 0;
        for (int f = 0; f < count; f++) {
            int row = rowOf(features[f]);
            if (row == NONE) {
                continue;
            }
            int o = row * LABELS;
            s0 += rows[o];
            s1 += rows[o + 1];
            s2 += rows[o + 2];
            s3 += rows[o + 3];
            s4 += rows[o + 4];
            s5 += rows[o + 5];
            s6 += rows[o + 6];
            s7 += rows[o + 7];
            s8 += rows[o + 8];
        }
        scores[0] += s0 * scale;
        scores[1] += s1 * scale;
        scores[2] += s2 * scale;
        scores[3] += s3 * scale;
        scores[4] += s4 * scale;
        scores[5] += s5 * scale;
        scores[6] += s6 * scale;
        scores[7] += s7 * scale;
        scores[8] += s8 * scale;
    }

    /** Adds the integer weights of {@code features[0..count)} to {@code sums[offset..offset + COUNT)}. */
    void sum(long[] features, int count, int[] sums, int offset) {
        for (int f = 0; f < count; f++) {
            add(features[f], sums, offset);
        }
    }

    /** Adds the integer weights of one feature to {@code sums[offset..offset + COUNT)}. */
    void add(long feature, int[] sums, int offset) {
        int row = rowOf(feature);
        if (row == NONE) {
            return;
        }
        int o = row * LABELS;
        for (int l = 0; l < LABELS; l++) {
            sums[offset + l] += rows[o + l];
        }
    }

    /** Copies one feature's integer weights to {@code out[offset..offset + COUNT)}, zeros when it has no row. */
    void copy(long feature, short[] out, int offset) {
        int row = rowOf(feature);
        if (row == NONE) {
            Arrays.fill(out, offset, offset + LABELS, (short) 0);
        } else {
            System.arraycopy(rows, row * LABELS, out, offset, LABELS);
        }
    }

    /** What an integer sum of weights is worth as a score. */
    float scale() {
        return scale;
    }

    public void write(OutputStream out) throws IOException {
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(out), 1 << 16))) {
            data.writeInt(MAGIC);
            data.writeInt(bits);
            data.writeInt(Labels.COUNT);
            data.writeFloat(scale);
            data.writeInt(rows.length / Labels.COUNT);
            for (int b = 0; b <= mask; b++) {
                int row = rowOf(b);
                if (row != NONE) {
                    data.writeInt(b);
                    for (int l = 0; l < Labels.COUNT; l++) {
                        data.writeShort(rows[row * Labels.COUNT + l]);
                    }
                }
            }
            memory.write(data);
        }
    }

    public static SequenceModel read(InputStream in) throws IOException {
        try (DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16),
                1 << 16))) {
            if (data.readInt() != MAGIC) {
                throw new IOException("not a newsroom NER model (or one from an older format)");
            }
            int bits = data.readInt();
            int labels = data.readInt();
            if (labels != Labels.COUNT) {
                throw new IOException("model has " + labels + " labels, this code knows " + Labels.COUNT);
            }
            float scale = data.readFloat();
            int count = data.readInt();
            int[] rowOf = new int[1 << bits];
            Arrays.fill(rowOf, NONE);
            short[] rows = new short[count * Labels.COUNT];
            for (int r = 0; r < count; r++) {
                rowOf[data.readInt()] = r;
                for (int l = 0; l < Labels.COUNT; l++) {
                    rows[r * Labels.COUNT + l] = data.readShort();
                }
            }
            return new SequenceModel(bits, rowOf, rows, scale, NameMemory.read(data));
        }
    }
}
