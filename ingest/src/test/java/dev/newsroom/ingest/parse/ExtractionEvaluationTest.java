package dev.newsroom.ingest.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Extraction quality must not regress. The floors sit a little below what the extractor achieves today (see the
 * README of the evaluation set for the numbers); raise them when the extractor improves.
 */
class ExtractionEvaluationTest {

    private static final int PAGES_IN_SET = 16;
    private static final double MEAN_F1_FLOOR = 0.95;
    private static final double WORST_PAGE_F1_FLOOR = 0.90;
    private static final double ARABIC_SAMPLE_F1_FLOOR = 0.98;

    @Test
    void meanTokenF1OnTheNewsPageSetStaysAboveTheFloor() {
        List<ExtractionEvaluation.Score> scores = ExtractionEvaluation.evaluateSet();
        System.out.print(ExtractionEvaluation.report(scores, ExtractionEvaluation.arabicSample()));
        assertThat(scores).as("pages in the evaluation set").hasSize(PAGES_IN_SET);
        assertThat(ExtractionEvaluation.mean(scores, ExtractionEvaluation.Score::f1)).isGreaterThanOrEqualTo(MEAN_F1_FLOOR);
        assertThat(scores).allSatisfy(score -> assertThat(score.f1()).as(score.page()).isGreaterThanOrEqualTo(WORST_PAGE_F1_FLOOR));
    }

    @Test
    void arabicSamplePageMatchesTheSeedText() {
        assertThat(ExtractionEvaluation.arabicSample().f1()).isGreaterThanOrEqualTo(ARABIC_SAMPLE_F1_FLOOR);
    }

    @Test
    void metricCountsTokensAsABagWithMultiplicity() {
        ExtractionEvaluation.Score score = ExtractionEvaluation.score("t", "The cat, the cat! Sat.", "the CAT sat on the mat");
        assertThat(score.predictedTokens()).isEqualTo(5);
        assertThat(score.goldTokens()).isEqualTo(6);
        assertThat(score.precision()).isCloseTo(4 / 5.0, within(1e-9));
        assertThat(score.recall()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(score.f1()).isCloseTo(2 * 0.8 * (4 / 6.0) / (0.8 + 4 / 6.0), within(1e-9));
        assertThat(ExtractionEvaluation.tokens("«اقرأ» أيضاً، Café")).containsExactly("اقرأ", "أيضاً", "café");
        assertThat(ExtractionEvaluation.score("empty", "", "gold").f1()).isZero();
    }
}
