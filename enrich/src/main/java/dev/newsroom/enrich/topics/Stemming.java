package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.Folding;
import dev.newsroom.enrich.text.WordTable;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Per-language stemming of folded words for the lexicons: Lucene's light Arabic stemmer (article, conjunction
 * and common suffixes; it expects the input already normalised, which {@link Folding} does) and the Snowball
 * English and French stemmers. Stemmers keep state, so each thread gets its own.
 */
public final class Stemming {
    private static final ThreadLocal<ArabicStemmer> ARABIC = ThreadLocal.withInitial(ArabicStemmer::new);
    private static final ThreadLocal<SnowballStemmer> ENGLISH = ThreadLocal.withInitial(EnglishStemmer::new);
    private static final ThreadLocal<SnowballStemmer> FRENCH = ThreadLocal.withInitial(FrenchStemmer::new);
    /** News repeats its words: each thread keeps a bounded table of them per language, stemmed once. */
    private static final ThreadLocal<Map<String, WordTable>> TABLES = ThreadLocal.withInitial(HashMap::new);

    private Stemming() {
    }

    /** A stemmer for folded words of {@code language}; identity for languages without one. */
    public static UnaryOperator<String> forLanguage(String language) {
        return switch (language) {
            case "ar", "fa", "ur", "en", "fr" -> w -> words(language).word(w).stem();
            default -> UnaryOperator.identity();
        };
    }

    /** This thread's words of {@code language}, stemmed as {@link #forLanguage} does. */
    public static WordTable words(String language) {
        return TABLES.get().computeIfAbsent(language, l -> new WordTable(uncached(l)));
    }

    /** The stemmer itself, without the table: what the table's stems must equal. */
    static UnaryOperator<String> uncached(String language) {
        return switch (language) {
            case "ar", "fa", "ur" -> Stemming::arabic;
            case "en" -> x -> snowball(ENGLISH.get(), x);
            case "fr" -> x -> snowball(FRENCH.get(), x);
            default -> UnaryOperator.identity();
        };
    }

    /** Stems shorter than three letters are discarded: they collide (في, وفاة and توفي would all meet). */
    static String arabic(String folded) {
        char[] buffer = folded.toCharArray();
        int length = ARABIC.get().stem(buffer, buffer.length);
        return length >= 3 ? new String(buffer, 0, length) : folded;
    }

    private static String snowball(SnowballStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
