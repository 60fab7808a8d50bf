package dev.newsroom.enrich;

import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.EntityType;
import dev.newsroom.schemas.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/** The other sample items: their sections, and the English Palmyra wire with the same entities. */
class FeedArticlesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static List<String> topCodes(EnrichedArticle e, int n) {
        return e.getSubjects().stream().map(Subject::getCode).limit(n).toList();
    }

    @Test
    void the_egyptian_central_bank_item_is_economy() {
        EnrichedArticle e = ENRICHER.enrich(SampleArticles.article("egypt-central-bank-ar.txt", "ar", null,
                List.of("اقتصاد")), NOW);
        assertThat(topCodes(e, 1)).containsExactly("medtop:04000000");
        assertThat(e.getEntities()).extracting(Entity::getName).contains("Central Bank of Egypt", "Cairo");
    }

    @Test
    void the_moroccan_football_item_is_sport() {
        EnrichedArticle e = ENRICHER.enrich(SampleArticles.article("morocco-football-ar.txt", "ar", null,
                List.of("رياضة")), NOW);
        assertThat(topCodes(e, 1)).containsExactly("medtop:15000000");
        assertThat(e.getEntities()).extracting(Entity::getName)
                .contains("Morocco", "Senegal", "Achraf Hakimi", "Africa Cup of Nations");
    }

    @Test
    void the_storm_item_is_weather_and_disaster() {
        EnrichedArticle e = ENRICHER.enrich(SampleArticles.article("storm-en.txt", "en",
                "Snow in Amman, floods in Beirut as storm hits the Levant.", List.of("weather", "Jordan", "Lebanon")),
                NOW);
        assertThat(topCodes(e, 3)).contains("medtop:17000000", "medtop:03000000");
        assertThat(topCodes(e, 1)).containsExactly("medtop:17000000");
        assertThat(e.getSummary()).isEqualTo("Snow in Amman, floods in Beirut as storm hits the Levant.");
        assertThat(e.getAdvisories()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "PERSON|Donald Trump|Donald Trump", "PERSON|Tom Barrack|Tom Barrack",
            "PLACE|Palmyra|Palmyra", "PLACE|Homs|Homs", "PLACE|Al-Tanf|Al-Tanf", "PLACE|Deir ez-Zor|Deir ez-Zor",
            "PLACE|Damascus|Damascus;DAMASCUS", "PLACE|Syria|Syria", "PLACE|United States|U.S.;Washington",
            "ORGANISATION|Islamic State|Islamic State group", "ORGANISATION|US Central Command|U.S. Central Command;CENTCOM",
            "ORGANISATION|Syrian Ministry of Interior|Syria's Interior Ministry",
            "ORGANISATION|International coalition against the Islamic State|U.S.-led coalition",
    })
    void the_english_wire_has_the_same_entities_in_english_forms(EntityType type, String name, String forms) {
        EnrichedArticle e = ENRICHER.enrich(SampleArticles.article("palmyra-en.txt", "en"), NOW);
        Entity entity = e.getEntities().stream().filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        assertThat(entity.getType()).isEqualTo(type);
        assertThat(entity.getLocalName()).isNull();
        assertThat(entity.getMentions()).extracting(m -> m.getText()).contains(forms.split(";"));
        assertThat(topCodes(e, 1)).containsExactly("medtop:16000000");
    }

    @Test
    void a_french_wire_is_tagged_with_french_names() {
        EnrichedArticle e = ENRICHER.enrich(SampleArticles.article("gaza-aid-fr.txt", "fr"), NOW);
        assertThat(e.getLanguage().getCode()).isEqualTo("fr");
        assertThat(e.getEntities()).anySatisfy(x -> {
            assertThat(x.getName()).isEqualTo("World Food Programme");
            assertThat(x.getLocalName()).isEqualTo("Programme alimentaire mondial");
        });
        assertThat(e.getSubjects()).isNotEmpty();
        assertThat(e.getSlug()).isEqualTo("l-onu-annonce-l-entree-de-nouveaux-convois-d-aide-humanitaire-a-gaza");
    }
}
