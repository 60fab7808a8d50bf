package dev.newsroom.enrich.ner;

/** Label scores of hashed features: the trainer's dense table while it learns, the shipped model after. */
interface Weights {
    /** Adds the weights of {@code features[0..count)} to {@code scores} (one slot per label). */
    void score(long[] features, int count, float[] scores);

    /** Adds the weights of one feature to {@code scores}. */
    void score(long feature, float[] scores);
}
