package dev.newsroom.enrich;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Locale;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section accuracy on the held-out labelled news of corpora/sections (ANT for Arabic, MasakhaNEWS for English and
 * French; never trained or tuned on), as {@code newsroom eval sections} measures it: the strict top-1 (the first
 * top-level subject is the labelled section) and the top-1 among the sections the set labels. The floors sit just
 * under the measured figures.
 */
class SectionAccuracyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ar, 469, 0.935, 0.965", "en, 591, 0.905, 0.91", "fr, 314, 0.905, 0.91"})
    void held_out_top_1_accuracy(String language, int items, double strict, double amongLabelled) {
        SectionEvaluation.Result result = SectionEvaluation.evaluate(
                Path.of("..", "corpora", "sections", "heldout-" + language + ".jsonl.gz"), ENRICHER);
        System.out.printf(Locale.ROOT, "sections %s: top-1 %.3f, among the set's sections %.3f%n", language,
                result.accuracy(language), result.accuracyAmongLabelled(language));
        assertThat(result.items(language)).isEqualTo(items);
        assertThat(result.accuracy(language)).isGreaterThan(strict);
        assertThat(result.accuracyAmongLabelled(language)).isGreaterThan(amongLabelled);
    }
}
