package dev.newsroom.enrich;

import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Subject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The French lexicon's conflict cues are phrases where a word alone is common outside war: a football "frappe" or
 * "attaque", "forces" and "blessés" in sport, "sports de combat". A match report stays sport and never lists conflict;
 * an air strike still comes out as conflict.
 */
class FrenchSectionCuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a match report | Ligue 1 : Lyon s'impose à Nantes | L'attaquant lyonnais a ouvert le score d'une frappe"
                    + " puissante à la 20e minute. Nantes, privé de trois blessés, a jeté ses forces dans l'attaque"
                    + " en seconde période, sans parvenir à égaliser face au gardien adverse. | 15000000 | false",
            "a combat-sports coach | Une entraîneuse de sports de combat forme les champions de demain | Elle maîtrise"
                    + " cinq sports de combat et entraîne des boxeurs et des lutteurs pour les championnats"
                    + " d'Afrique. | 15000000 | false",
            "an air strike | Syrie : des frappes aériennes font douze morts | Des frappes aériennes ont visé un"
                    + " village tenu par les rebelles ; douze civils ont été tués. Les forces armées ont lancé une"
                    + " offensive et des soldats ont été déployés sur la ligne de front. | 16000000 | true"})
    void conflict_comes_from_war_not_from_sport(String name, String headline, String text, String first,
                                                boolean conflictListed) {
        EnrichedArticle e = ENRICHER.enrich(SectionData.article(name, "fr", headline, text), Instant.EPOCH);
        List<String> topLevel = e.getSubjects().stream().map(Subject::getCode)
                .filter(c -> c.endsWith("000000")).toList();
        assertThat(topLevel).first().isEqualTo("medtop:" + first);
        assertThat(topLevel.contains("medtop:16000000")).isEqualTo(conflictListed);
    }
}
