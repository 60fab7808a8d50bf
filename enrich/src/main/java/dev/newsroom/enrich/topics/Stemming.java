package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.Folding;
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
    /**
     * News repeats its words: stems are remembered per thread and language, up to a bound, then forgotten
     * wholesale.
     */
    private static final int CACHE_LIMIT = 50_000;
    private static final ThreadLocal<Map<String, Map<String, String>>> CACHE = ThreadLocal.withInitial(HashMap::new);

    private Stemming() {
    }

    /** A stemmer for folded words of {@code language}; identity for languages without one. */
    public static UnaryOperator<String> forLanguage(String language) {
        return switch (language) {
            case "ar", "fa", "ur" -> w -> cached("ar", w, Stemming::arabic);
            case "en" -> w -> cached("en", w, x -> snowball(ENGLISH.get(), x));
            case "fr" -> w -> cached("fr", w, x -> snowball(FRENCH.get(), x));
            default -> UnaryOperator.identity();
        };
    }

    private static String cached(String language, String word, UnaryOperator<String> stemmer) {
        Map<String, String> cache = CACHE.get().computeIfAbsent(language, l -> new HashMap<>());
        String stem = cache.get(word);
        if (stem == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            stem = stemmer.apply(word);
            cache.put(word, stem);
        }
        return stem;
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
