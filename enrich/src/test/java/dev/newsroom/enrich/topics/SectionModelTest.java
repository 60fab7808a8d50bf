package dev.newsroom.enrich.topics;

import dev.newsroom.enrich.text.StemmedText;
import dev.newsroom.enrich.text.WordTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SectionModelTest {
    private static final WordTable TABLE = new WordTable(UnaryOperator.identity());

    private static List<StemmedText> text(String headline, String body) {
        return List.of(block(headline, 3.0), block(body, 1.0));
    }

    private static StemmedText block(String words, double weight) {
        List<String> stems = Arrays.asList(words.split(" "));
        return new StemmedText(stems, stems, stems, stems.stream().map(TABLE::word).toList(), weight);
    }

    private static SectionModel trained() {
        SectionTrainer trainer = new SectionTrainer("xx");
        for (int i = 0; i < 20; i++) {
            trainer.add(text("goal match " + i, "the team won the match by a late goal"), Map.of("15000000", 6.0),
                    "15000000");
            trainer.add(text("bank rates " + i, "the central bank raised rates as inflation rose"),
                    Map.of("04000000", 6.0), "04000000");
            trainer.add(text("vote parliament " + i, "the parliament vote on the new government bill"),
                    Map.of("11000000", 3.0), "11000000");
        }
        return trainer.train(7L);
    }

    @Test
    void learns_sections_from_words_and_cues() {
        SectionModel model = trained();
        double[] p = model.predict(text("late goal", "the team won"), Map.of());
        assertThat(model.labels().get(argmax(p))).isEqualTo("15000000");
        p = model.predict(text("inflation", "the bank"), Map.of("04000000", 2.0));
        assertThat(model.labels().get(argmax(p))).isEqualTo("04000000");
        assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void the_one_pass_prediction_equals_the_training_features() {
        SectionModel model = trained();
        List<StemmedText> text = text("parliament goal bank", "the vote the vote unknownword goal");
        Map<String, Double> cues = Map.of("11000000", 4.0, "15000000", 1.0, "17000000", 2.0);
        double[] fast = model.predict(text, cues);
        double[] reference = model.predict(SectionModel.Features.of(text, cues));
        for (int c = 0; c < fast.length; c++) {
            assertThat(fast[c]).isCloseTo(reference[c], within(1e-6));
        }
    }

    @Test
    void models_sharing_words_each_predict_as_their_training_features_say() {
        SectionModel first = trained();
        SectionModel second = small(1);
        List<StemmedText> text = text("parliament goal chip", "the vote the new chip market goal rates");
        for (int round = 0; round < 3; round++) {
            for (SectionModel model : List.of(first, second)) {
                double[] fast = model.predict(text, Map.of());
                double[] reference = model.predict(SectionModel.Features.of(text, Map.of()));
                for (int c = 0; c < fast.length; c++) {
                    assertThat(fast[c]).isCloseTo(reference[c], within(1e-6));
                }
            }
        }
    }

    @Test
    void a_word_that_keeps_to_one_section_counts_more_than_one_spread_over_all() {
        int[] sizes = {100, 100, 20};
        double telling = SectionTrainer.concentration(new double[] {40, 0, 0}, sizes);
        double spread = SectionTrainer.concentration(new double[] {30, 30, 6}, sizes);
        assertThat(telling).isBetween(0.5, 1.0);
        assertThat(spread).isCloseTo(0.0, within(0.01));
        // Per text of its section: 6 of 20 small-section texts say as much as 30 of 100 elsewhere.
        assertThat(SectionTrainer.concentration(new double[] {0, 0, 19}, sizes)).isGreaterThan(telling);
    }

    @Test
    void balance_lets_a_small_section_win_its_own_words() {
        List<StemmedText> ambiguous = text("chip", "the new chip market");
        double[] plain = small(0).predict(ambiguous, Map.of());
        double[] balanced = small(1).predict(ambiguous, Map.of());
        assertThat(balanced[2]).isGreaterThan(plain[2]);
    }

    /** Two large sections and a small one (technology) that shares its words with business. */
    private static SectionModel small(double balance) {
        SectionTrainer trainer = new SectionTrainer("xx").balance(balance).focus(6);
        for (int i = 0; i < 30; i++) {
            trainer.add(text("market shares " + i, "the chip market and shares fell"), Map.of(), "04000000");
            trainer.add(text("goal " + i, "the team won the match"), Map.of(), "15000000");
            if (i % 6 == 0) {
                trainer.add(text("chip " + i, "the new chip market"), Map.of(), "13000000");
            }
        }
        return trainer.train(7L);
    }

    @Test
    void a_text_with_nothing_the_model_knows_has_no_prediction() {
        assertThat(trained().predict(text("zzz", "qqq www"), Map.of())).isNull();
    }

    @Test
    void writes_and_reads_back_the_same_model_byte_for_byte() throws IOException {
        SectionModel model = trained();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        model.write(first);
        SectionModel read = SectionModel.read(new ByteArrayInputStream(first.toByteArray()));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        read.write(second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        List<StemmedText> text = text("bank goal", "the match");
        assertThat(read.predict(text, Map.of())).containsExactly(model.predict(text, Map.of()));
        assertThat(read.labels()).isEqualTo(model.labels());
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        return best;
    }
}
