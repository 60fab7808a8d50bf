package dev.newsroom.enrich;

import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.EntityType;
import dev.newsroom.schemas.Mention;
import dev.newsroom.schemas.Subject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static dev.newsroom.enrich.Fixtures.codePoints;
import static org.assertj.core.api.Assertions.assertThat;

/** What samples/README.md says a reader expects from the seed article (Palmyra attack, Arabic). */
class SeedArticleTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static EnrichedArticle enriched;

    @BeforeAll
    static void enrich() {
        enriched = ENRICHER.enrich(SampleArticles.article("palmyra-ar.txt", "ar"), NOW);
    }

    private static Entity entity(String name) {
        return enriched.getEntities().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + enriched.getEntities().stream()
                        .map(Entity::getName).toList()));
    }

    private static String blockText(int block) {
        return block < 0 ? enriched.getArticle().getHeadline()
                : enriched.getArticle().getBlocks().get(block).getText();
    }

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource(delimiter = '|', value = {
            "PERSON|Donald Trump|دونالد ترامب",
            "PERSON|Tom Barrack|توم براك",
            "PERSON|Elias Hanna|إلياس حنا;حنا",
            "PLACE|Palmyra|تدمر;بادية تدمر",
            "PLACE|Homs|حمص",
            "PLACE|Al-Tanf|التنف",
            "PLACE|Deir ez-Zor|دير الزور",
            "PLACE|Damascus|دمشق",
            "PLACE|Syria|سوريا",
            "PLACE|United States|الولايات المتحدة;واشنطن",
            "ORGANISATION|Islamic State|تنظيم الدولة الإسلامية;داعش;تنظيم الدولة;التنظيم",
            "ORGANISATION|US Central Command|القيادة الوسطى الأمريكية",
            "ORGANISATION|Syrian Ministry of Interior|وزارة الداخلية السورية;الوزارة",
            "ORGANISATION|International coalition against the Islamic State|التحالف الدولي;التحالف",
    })
    void every_expected_entity_is_tagged_with_its_surface_forms(EntityType type, String name, String forms) {
        Entity e = entity(name);
        assertThat(e.getType()).isEqualTo(type);
        List<String> texts = e.getMentions().stream().map(Mention::getText).toList();
        assertThat(texts).contains(forms.split(";"));
        for (Mention m : e.getMentions()) {
            String written = codePoints(blockText(m.getBlock()), m.getStart(), m.getEnd());
            assertThat(m.getText()).endsWith(written);
        }
        assertThat(e.getConfidence()).isBetween(0.5, 1.0);
        assertThat(e.getSalience()).isBetween(0.0, 1.0);
    }

    @Test
    void canonical_uris_come_only_from_cited_sources() {
        assertThat(entity("Donald Trump").getUri()).isEqualTo("http://www.wikidata.org/entity/Q22686");
        assertThat(entity("Islamic State").getUri()).isEqualTo("http://www.wikidata.org/entity/Q2429253");
        assertThat(entity("Damascus").getUri()).isEqualTo("https://sws.geonames.org/170654/");
        assertThat(entity("Palmyra").getUri()).isEqualTo("https://sws.geonames.org/163808/");
        assertThat(entity("Syria").getUri()).isEqualTo("https://www.iso.org/obp/ui/#iso:code:3166:SY");
        assertThat(entity("Tom Barrack").getUri()).isNull();
        assertThat(entity("Elias Hanna").getUri()).isNull();
        assertThat(entity("Al-Tanf").getUri()).isNull();
    }

    @Test
    void entities_are_sorted_by_salience_and_the_story_is_about_syria_and_palmyra() {
        List<Entity> entities = enriched.getEntities();
        assertThat(entities).isSortedAccordingTo(Comparator.comparingDouble(Entity::getSalience).reversed());
        assertThat(entities.get(0).getSalience()).isEqualTo(1.0);
        assertThat(entities.subList(0, 3)).extracting(Entity::getName).contains("Syria", "Palmyra");
        assertThat(entity("Palmyra").getMentions()).anyMatch(m -> m.getBlock() == -1);
        assertThat(entity("Syria").getLocalName()).isEqualTo("سوريا");
    }

    @Test
    void mentions_are_in_reading_order() {
        for (Entity e : enriched.getEntities()) {
            assertThat(e.getMentions()).isSortedAccordingTo(Comparator.comparingInt(Mention::getBlock)
                    .thenComparingInt(Mention::getStart));
        }
    }

    @Test
    void conflict_and_politics_are_among_the_top_three_sections() {
        List<String> top3 = enriched.getSubjects().stream().limit(3).map(Subject::getCode).toList();
        assertThat(top3).contains("medtop:16000000", "medtop:11000000");
        Subject conflict = enriched.getSubjects().get(0);
        assertThat(conflict.getUri()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/16000000");
        assertThat(conflict.getName()).isEqualTo("conflict, war and peace");
        assertThat(enriched.getSubjects()).allSatisfy(s -> assertThat(s.getRelevance()).isBetween(0, 100));
    }

    @Test
    void violence_death_and_terrorism_are_flagged_with_the_words_that_fired() {
        assertThat(enriched.getAdvisories()).extracting(a -> a.getKind())
                .contains(AdvisoryKind.VIOLENCE, AdvisoryKind.DEATH, AdvisoryKind.TERRORISM)
                .doesNotContain(AdvisoryKind.GRAPHIC);
        assertThat(enriched.getAdvisories()).filteredOn(a -> a.getKind() == AdvisoryKind.DEATH)
                .singleElement().satisfies(a -> assertThat(a.getReason()).contains("مقتل"));
        assertThat(enriched.getAdvisories()).allSatisfy(a -> assertThat(a.getSource()).isEqualTo("enrich"));
    }

    @Test
    void language_summary_slug_keywords_and_reading_time() {
        assertThat(enriched.getLanguage().getCode()).isEqualTo("ar");
        assertThat(enriched.getLanguage().getDisagrees()).isFalse();
        assertThat(enriched.getLanguage().getConfidence()).isGreaterThan(0.8);
        assertThat(enriched.getSummary()).startsWith("في خضم التوترات الإقليمية المتصاعدة").endsWith(".");
        assertThat(enriched.getSlug()).matches("[a-z0-9]+(-[a-z0-9]+)*").startsWith("hjwm-tdmr");
        assertThat(enriched.getKeywords()).hasSizeBetween(5, 12).contains("سوريا", "تدمر");
        assertThat(enriched.getWordCount()).isBetween(550, 620);
        assertThat(enriched.getReadingTimeSeconds()).isEqualTo(Math.round(enriched.getWordCount() * 60f / 138));
        assertThat(enriched.getEnricherVersion()).isEqualTo(ENRICHER.version()).matches("enrich-2026\\.11\\.28-[0-9a-f]{12}");
        assertThat(enriched.getEnrichedAt()).isEqualTo(NOW);
        assertThat(enriched.getArticle().getId()).isEqualTo("palmyra-ar.txt");
    }
}
