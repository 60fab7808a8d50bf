package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.eval.BodyScore;
import dev.newsroom.ingest.parse.eval.ExtractionEvaluation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Arabic sample page gives the seed's text, scored as the extraction corpus is ({@link BodyScore}). The real pages
 * are in {@code corpora/extraction} ({@code ExtractionCorpusTest}).
 */
class SamplePageExtractionTest {

    private static final double ARABIC_SAMPLE_F1_FLOOR = 0.98;

    @Test
    void arabicSamplePageMatchesTheSeedText() {
        String seed = Fixtures.sampleText(Fixtures.SEED);
        // The seed ends with the page's share prompts, which the extractor rightly drops.
        String truth = seed.substring(0, seed.indexOf("شاركها."));
        ParsedDocument page = Fixtures.parse(Fixtures.input("page-ar-palmyra", "text/html", null, Fixtures.sample("page-ar-palmyra.html")));

        BodyScore score = BodyScore.of(ExtractionEvaluation.bodyText(page), truth);

        assertThat(score.f1()).isGreaterThanOrEqualTo(ARABIC_SAMPLE_F1_FLOOR);
    }
}
