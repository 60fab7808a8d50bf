package dev.newsroom.ingest.parse.eval;

import dev.newsroom.ingest.parse.DocumentParser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction quality on the corpus of real pages (corpora/extraction) must not regress. The floors sit just under
 * what {@code ./newsroom eval extraction} measures today (see the root README); raise them when the extractor improves.
 */
class ExtractionCorpusTest {

    private static final Path CORPUS = Path.of("..", "corpora", "extraction");
    private static final double MEAN_F1_FLOOR = 0.954;
    private static final double HELD_OUT_F1_FLOOR = 0.932;
    private static final int MAX_REJECTED = 0;
    /** Languages with at least two pages, and the scripts the issue names. */
    private static final Map<String, Double> LANGUAGE_FLOORS = Map.ofEntries(Map.entry("en", 0.957), Map.entry("de", 0.965),
            Map.entry("zh", 0.97), Map.entry("ru", 0.96), Map.entry("ja", 0.96), Map.entry("ko", 0.97), Map.entry("ar", 0.94),
            Map.entry("hi", 0.99), Map.entry("el", 0.895), Map.entry("pl", 0.95), Map.entry("es", 0.875), Map.entry("fr", 0.95),
            Map.entry("tr", 0.94), Map.entry("no", 0.95), Map.entry("it", 0.965), Map.entry("cs", 0.975), Map.entry("da", 0.98),
            Map.entry("sv", 0.93));

    private static ExtractionEvaluation.Result result;

    @BeforeAll
    static void evaluate() {
        result = ExtractionEvaluation.evaluate(CORPUS, new DocumentParser());
        System.out.print(result.table());
    }

    @Test
    void theCorpusIsWhatItsReadmeSays() {
        assertThat(result.pages()).hasSize(199);
        assertThat(result.byLanguage()).hasSizeGreaterThanOrEqualTo(10).containsKeys("ar", "zh", "ja", "ko", "ru", "hi");
        assertThat(result.pages().stream().filter(page -> page.page().heldOut())).hasSize(49);
    }

    @Test
    void meanBodyF1StaysAboveTheFloorOnAllPagesAndOnTheHeldOutOnes() {
        assertThat(result.meanF1(page -> true)).isGreaterThanOrEqualTo(MEAN_F1_FLOOR);
        assertThat(result.meanF1(page -> page.page().heldOut())).isGreaterThanOrEqualTo(HELD_OUT_F1_FLOOR);
        assertThat(result.rejected()).hasSizeLessThanOrEqualTo(MAX_REJECTED);
    }

    @Test
    void everyLanguageStaysAboveItsFloor() {
        Map<String, java.util.List<ExtractionEvaluation.PageResult>> languages = result.byLanguage();
        LANGUAGE_FLOORS.forEach((language, floor) -> {
            double mean = languages.get(language).stream().mapToDouble(page -> page.score().f1()).average().orElse(0);
            assertThat(mean).as(language).isGreaterThanOrEqualTo(floor);
        });
    }
}
