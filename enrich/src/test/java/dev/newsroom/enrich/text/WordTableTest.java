package dev.newsroom.enrich.text;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class WordTableTest {

    @Test
    void each_distinct_word_is_stemmed_once_and_the_table_stays_bounded() {
        AtomicInteger stemmed = new AtomicInteger();
        WordTable table = new WordTable(w -> {
            stemmed.incrementAndGet();
            return w.substring(0, 2);
        });
        Word first = table.word("alpha");
        assertThat(table.word("alpha")).isSameAs(first);
        assertThat(first.stem()).isEqualTo("al");
        assertThat(stemmed).hasValue(1);
        for (int i = 0; i < 3 * WordTable.MAX_WORDS; i++) {
            table.word("w" + i);
            assertThat(table.size()).isLessThanOrEqualTo(WordTable.MAX_WORDS);
        }
        // Emptied on the way: the word is stemmed again, to the same stem.
        assertThat(table.word("alpha").stem()).isEqualTo("al");
        assertThat(stemmed).hasValue(3 * WordTable.MAX_WORDS + 2);
    }

    @Test
    void a_memo_answers_only_the_owner_that_left_it() {
        Word word = new WordTable(UnaryOperator.identity()).word("goal");
        Object model = new Object();
        Object other = new Object();
        assertThat(word.memo(Word.SECTION_ROW, model, -2)).isEqualTo(-2);
        assertThat(word.remember(Word.SECTION_ROW, model, 17)).isEqualTo(17);
        assertThat(word.memo(Word.SECTION_ROW, model, -2)).isEqualTo(17);
        assertThat(word.memo(Word.SECTION_ROW, other, -2)).isEqualTo(-2);
        assertThat(word.memo(Word.TOPIC_START, model, -1)).isEqualTo(-1);
        word.remember(Word.SECTION_ROW, other, 3);
        assertThat(word.memo(Word.SECTION_ROW, model, -2)).isEqualTo(-2);
    }

    @Test
    void the_display_form_follows_the_written_form() {
        Word word = new WordTable(UnaryOperator.identity()).word("nato");
        assertThat(word.display("Nato", String::toLowerCase)).isEqualTo("nato");
        assertThat(word.display("NATO", w -> w.equals("NATO") ? w : w.toLowerCase())).isEqualTo("NATO");
        assertThat(word.display("Nato", String::toLowerCase)).isEqualTo("nato");
    }
}
