package dev.newsroom.enrich.summary;

import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.text.WordTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTest {

    private static Keywords withStopwords(String row) {
        Keywords keywords = new Keywords();
        keywords.loadStopwords(new ByteArrayInputStream(row.getBytes(StandardCharsets.UTF_8)));
        return keywords;
    }

    private static List<StemmedText> text(WordTable table, String text) {
        return List.of(StemmedText.of(ArabicSegmenter.unsplit(Tokenizer.tokenize(text)), table, 1.0));
    }

    @Test
    void lists_sharing_words_each_leave_out_their_own_stop_words() {
        WordTable table = new WordTable(UnaryOperator.identity());
        String sentence = "Storm storm floods the harbour while the harbour wall holds";
        Keywords plain = withStopwords("xx\tthe while\n");
        Keywords strict = withStopwords("xx\tthe while storm harbour\n");
        for (int round = 0; round < 2; round++) {
            assertThat(plain.keywords("xx", text(table, sentence), List.of(), 5, 12))
                    .containsExactly("harbour", "storm", "floods", "holds", "wall");
            assertThat(strict.keywords("xx", text(table, sentence), List.of(), 5, 12))
                    .containsExactly("floods", "holds", "wall");
            assertThat(plain.keywords("xx", text(new WordTable(UnaryOperator.identity()), sentence), List.of(), 5,
                    12)).containsExactly("harbour", "storm", "floods", "holds", "wall");
        }
        // A later load reaches the words already asked about.
        plain.loadStopwords(new ByteArrayInputStream("xx\twall\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(plain.keywords("xx", text(table, sentence), List.of(), 5, 12))
                .containsExactly("harbour", "storm", "floods", "holds");
    }
}
