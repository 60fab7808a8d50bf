package dev.newsroom.enrich.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingTest {

    @Test
    void code_points_are_read_as_the_string_reads_them_paired_or_lone_surrogates_alike() {
        for (String text : new String[] {"", "plain", "قال الوزير", "a\uD83D\uDE00b", "\uD83D\uDE00",
                "lone \uD83D high", "lone \uDE00 low", "end \uD83D", "\uDE00\uD83D reversed", "𝔘𝔫𝔦 ok"}) {
            assertThat(Folding.codePoints(text)).containsExactly(text.codePoints().toArray());
        }
    }
}
