package dev.newsroom.enrich.text;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One thread's {@link Word}s of one language, by folded form: each distinct word is stemmed once and its lexicon
 * memos filled once. Bounded: at {@link #MAX_WORDS} the table is emptied and fills again (words still held by a
 * text in hand stay valid, they are only no longer shared).
 */
public final class WordTable {
    static final int MAX_WORDS = 8_192;

    private final UnaryOperator<String> stemmer;
    private final Map<String, Word> words = new HashMap<>();

    public WordTable(UnaryOperator<String> stemmer) {
        this.stemmer = stemmer;
    }

    public Word word(String folded) {
        Word word = words.get(folded);
        if (word == null) {
            if (words.size() >= MAX_WORDS) {
                words.clear();
            }
            word = new Word(folded, stemmer.apply(folded));
            words.put(folded, word);
        }
        return word;
    }

    int size() {
        return words.size();
    }
}
