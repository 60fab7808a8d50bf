package dev.newsroom.enrich;

import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.EntityType;
import dev.newsroom.schemas.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The junk a reader saw in the demo output, and what should stand in its place: clitics, role nouns, idioms and
 * nationality adjectives are not entities, and every entity has an English name a reader can read.
 */
class PrecisionTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static EnrichedArticle enrich(String sample, String category) {
        return ENRICHER.enrich(SampleArticles.article(sample, "ar", null,
                category == null ? List.of() : List.of(category)), NOW);
    }

    private static List<String> mentionTexts(EnrichedArticle e) {
        return e.getEntities().stream().flatMap(x -> x.getMentions().stream()).map(Mention::getText).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"palmyra-ar.txt", "morocco-football-ar.txt", "egypt-central-bank-ar.txt"})
    void every_entity_has_a_readable_english_name(String sample) {
        for (Entity e : enrich(sample, null).getEntities()) {
            assertThat(e.getName()).as("name of %s", e.getLocalName())
                    .matches("[A-Z][A-Za-z'é-]+( [A-Za-z'é-]+)*");
            for (String word : e.getName().split("[ -]")) {
                assertThat(word).as("a word of %s", e.getName()).containsPattern("[aeiouyAEIOUéU]");
            }
        }
    }

    @Test
    void the_seed_article_has_none_of_the_junk_the_demo_showed() {
        EnrichedArticle e = enrich("palmyra-ar.txt", null);
        assertThat(e.getEntities()).extracting(Entity::getName)
                .doesNotContain("F", "Qyadh", "Swryh", "'yn La'tbar", "Lhkwmh Lswryh");
        assertThat(mentionTexts(e)).doesNotContain("ف", "قيادة", "سورية", "عين", "عين الاعتبار", "اقتصاديًا");
    }

    @Test
    void the_syrian_government_is_an_organisation_with_an_english_name() {
        Entity government = enrich("palmyra-ar.txt", null).getEntities().stream()
                .filter(x -> x.getName().equals("Government of Syria")).findFirst().orElseThrow();
        assertThat(government.getType()).isEqualTo(EntityType.ORGANISATION);
        assertThat(government.getLocalName()).isEqualTo("الحكومة السورية");
        assertThat(government.getUri()).isNull();
        assertThat(government.getMentions()).extracting(Mention::getText).containsOnly("الحكومة السورية");
    }

    @Test
    void the_football_item_has_teams_not_role_nouns_and_no_stadium_as_a_person() {
        EnrichedArticle e = enrich("morocco-football-ar.txt", "رياضة");
        assertThat(mentionTexts(e)).doesNotContain("الفارق", "المنتخب", "مولاي عبد الله", "بطولة");
        assertThat(e.getEntities()).filteredOn(x -> x.getType() == EntityType.PERSON).extracting(Entity::getName)
                .containsExactlyInAnyOrder("Achraf Hakimi", "Youssef En-Nesyri", "Sadio Mané", "Walid Regragui");
        assertThat(e.getEntities()).extracting(Entity::getName)
                .contains("Morocco national team", "Senegal national team");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "وصلت قوة أمريكية سورية مشتركة إلى المنطقة.|سورية",
            "أعلنت القوات السعودية انتهاء المناورات.|السعودية",
            "قال مدرب المنتخب إن الفريق جاهز.|المنتخب",
            "وأوضحت قيادة العمليات أن الوضع هادئ.|قيادة",
            "فبعد أن انتهى الاجتماع غادر الوفد.|ف",
            "وأخذت اللجنة المخاوف بعين الاعتبار.|عين",
    })
    void common_words_alone_are_not_entities(String text, String word) {
        assertThat(ENRICHER.tag(text, "ar").mentions()).extracting(TaggedMention::text).doesNotContain(word);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "زار الوفد سورية الأسبوع الماضي.|سورية|Syria",
            "وصل الوزير إلى السعودية أمس.|السعودية|Saudi Arabia",
            "أكدت الحكومة اللبنانية التزامها بالقرار.|الحكومة اللبنانية|Government of Lebanon",
            "The Syrian government denied the report.|Syrian government|Government of Syria",
    })
    void the_same_words_name_the_country_or_its_institution_where_they_do(String text, String mention, String name) {
        assertThat(ENRICHER.tag(text, null).mentions()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo(mention);
            assertThat(m.name()).isEqualTo(name);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "قال العميد سامر خطاب إن القوات انسحبت من المنطقة.|Samer Khatab",
            "وأكد الخبير الاقتصادي مازن قرطاس أن التضخم سيتراجع.|Mazen Qartas",
            "وأعلن الشيخ نواف الصباحي عن مبادرة جديدة.|Nawaf al-Sabahi",
    })
    void unknown_arabic_names_are_romanised_with_their_vowels(String text, String name) {
        assertThat(ENRICHER.tag(text, "ar").mentions()).extracting(TaggedMention::name).contains(name);
    }
}
