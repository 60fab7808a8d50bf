package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.Token;
import dev.newsroom.enrich.text.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StemmingTest {
    private static final String ARABIC = "قال وزير الخارجية إن الهجوم على المستشفى أدى إلى مقتل عشرة مدنيين وإصابة "
            + "آخرين، وأكدت الوزارة أن المستشفيات في المدينة تعمل بطاقتها القصوى بعد الهجمات الأخيرة للقوات";
    private static final String ENGLISH = "The ministers said the attacks on hospitals killed ten civilians and "
            + "wounded others; the ministry confirmed that the city's hospitals were working at full capacity";
    private static final String FRENCH = "Les ministres ont déclaré que les attaques contre les hôpitaux avaient tué "
            + "dix civils et blessé d'autres personnes dans la ville";

    @Test
    void the_word_table_stems_as_the_stemmer_does_before_and_after_it_fills() {
        for (String[] sample : new String[][] {{"ar", ARABIC}, {"en", ENGLISH}, {"fr", FRENCH}, {"ur", ARABIC},
                {"de", ENGLISH}}) {
            List<Token> tokens = Tokenizer.tokenize(sample[1]);
            for (int round = 0; round < 2; round++) {
                for (Token t : tokens) {
                    String expected = Stemming.uncached(sample[0]).apply(t.folded());
                    assertThat(Stemming.words(sample[0]).word(t.folded()).stem()).isEqualTo(expected);
                    assertThat(Stemming.forLanguage(sample[0]).apply(t.folded())).isEqualTo(expected);
                }
            }
        }
        assertThat(Stemming.words("en").word("attacks").stem()).isEqualTo("attack");
    }
}
