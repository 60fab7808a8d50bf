package dev.newsroom.enrich;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WordClusterTrainingTest {
    @Test
    void only_the_commonest_words_of_the_main_script_are_classed() {
        List<String[]> sentences = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sentences.add(new String[] {"قال", "الوزير", "في", "بيان", "london"});
        }
        for (int i = 0; i < 5; i++) {
            sentences.add(new String[] {"قال", "الرئيس", "في", "كلمة"});
        }
        for (int i = 0; i < 3; i++) {
            sentences.add(new String[] {"قال", "السفير", "في", "مؤتمر"});
        }
        sentences.add(new String[] {"نادرة"});

        Map<String, int[]> classes = WordClusterTraining.cluster(sentences, 4);

        assertThat(classes).containsOnlyKeys("قال", "في", "الوزير", "بيان");
        assertThat(classes.get("قال")).hasSize(3);
        assertThat(WordClusterTraining.cluster(sentences, WordClusterTraining.MAX_WORDS))
                .containsKeys("السفير", "مؤتمر").doesNotContainKeys("نادرة", "london");
    }
}
