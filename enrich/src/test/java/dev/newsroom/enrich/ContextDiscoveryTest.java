package dev.newsroom.enrich;

import dev.newsroom.schemas.EntityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static dev.newsroom.enrich.Fixtures.codePoints;
import static org.assertj.core.api.Assertions.assertThat;

/** Names no list knows are found from the words around them: titles, roles and organisation heads. */
class ContextDiscoveryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "قال العميد سامر خطاب إن القوات انسحبت من المنطقة.|سامر خطاب|PERSON|ar",
            "وصرح المبعوث الأممي الخاص، غريغور نوفاك، بأن المفاوضات ستستأنف.|غريغور نوفاك|PERSON|ar",
            "وأكد الخبير الاقتصادي مازن قرطاس أن التضخم سيتراجع.|مازن قرطاس|PERSON|ar",
            "وأعلن الشيخ نواف الصباحي عن مبادرة جديدة.|نواف الصباحي|PERSON|ar",
            "أعلنت وزارة الزراعة التونسية عن خطة جديدة للري.|وزارة الزراعة التونسية|ORGANISATION|ar",
            "وتبنت حركة نكسار الهجوم في بيان.|حركة نكسار|ORGANISATION|ar",
            "General Mark Sloane told reporters the base was secure.|Mark Sloane|PERSON|en",
            "The envoy, Ingrid Halvorsen, met officials in the capital.|Ingrid Halvorsen|PERSON|en",
            "Officials at the Ministry of Water Resources denied the report.|Ministry of Water Resources|ORGANISATION|en",
            "The Northland Party won a majority of seats.|Northland Party|ORGANISATION|en",
            "The bill now goes to Congress for final approval.|Congress|ORGANISATION|en",
    })
    void names_are_found_from_their_context(String text, String name, EntityType type, String language) {
        List<TaggedMention> mentions = ENRICHER.tag(text, language).mentions();
        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo(name);
            assertThat(codePoints(text, m.start(), m.end())).isEqualTo(name);
            assertThat(m.type()).isEqualTo(type);
            assertThat(m.uri()).isNull();
        });
    }

    /** Names here leave out the title before them, and the words that qualify the title with it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Prime Minister Ingrid Halvorsen arrived in Oslo on Monday.|Ingrid Halvorsen",
            "Interim Prime Minister Ali Mohamed Gedi survived the attack.|Ali Mohamed Gedi",
            "Foreign Minister Mark Sloane met his counterpart on Tuesday.|Mark Sloane",
    })
    void a_title_and_its_qualifiers_stay_out_of_the_name(String text, String name) {
        List<TaggedMention> people = ENRICHER.tag(text, "en").mentions().stream()
                .filter(m -> m.type() == EntityType.PERSON).toList();
        assertThat(people).extracting(TaggedMention::text).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "قال الرئيس إن الاقتصاد يتحسن.|ar",
            "ناقش العلماء حركة القمر حول الأرض.|ar",
            "The President said the economy was improving.|en",
            "Ministry officials said the talks had failed.|en",
    })
    void ordinary_prose_after_a_title_or_head_is_left_alone(String text, String language) {
        assertThat(ENRICHER.tag(text, language).mentions()).isEmpty();
    }
}
