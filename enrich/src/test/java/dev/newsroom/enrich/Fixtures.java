package dev.newsroom.enrich;

/** One enricher for the whole test JVM: loading reference data is the slow part. */
final class Fixtures {
    static final Enricher ENRICHER = Enricher.loadDefault();

    private Fixtures() {
    }

    /** The code points [start, end) of {@code text}, as a string. */
    static String codePoints(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        int to = text.offsetByCodePoints(from, end - start);
        return text.substring(from, to);
    }
}
