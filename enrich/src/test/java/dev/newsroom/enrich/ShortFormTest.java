package dev.newsroom.enrich;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static dev.newsroom.enrich.Fixtures.codePoints;
import static org.assertj.core.api.Assertions.assertThat;

/** Short forms resolve to the full name the same text used. */
class ShortFormTest {

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "يرى العميد إلياس حنا أن الهجوم خطير. ويتوقع الخبير العسكري حنا أن يتصاعد التوتر.|حنا|Elias Hanna|ar",
            "قال الرئيس دونالد ترامب إنه سيزور المنطقة. وأضاف ترامب أن الزيارة مهمة.|ترامب|Donald Trump|ar",
            "أعلن تنظيم الدولة الإسلامية مسؤوليته. وقال التنظيم في بيان إن الهجوم انتقام.|التنظيم|Islamic State|ar",
            "أكدت وزارة الداخلية السورية أن المهاجم اعتقل. وأوضحت الوزارة أن التحقيق مستمر.|الوزارة|Syrian Ministry of Interior|ar",
            "انضمت سوريا إلى التحالف الدولي. وقال التحالف إنه يرحب بذلك.|التحالف|International coalition against the Islamic State|ar",
            "President Donald Trump spoke on Monday. Trump said the talks went well.|Trump|Donald Trump|en",
            "The U.S.-led coalition struck targets overnight, and the coalition said no civilians were hurt.|coalition|International coalition against the Islamic State|en",
    })
    void a_short_form_is_a_mention_of_the_full_name(String text, String shortForm, String name, String language) {
        TagResult result = ENRICHER.tag(text, language);
        List<TaggedMention> ofEntity = result.mentions().stream().filter(m -> m.name().equals(name)).toList();
        assertThat(ofEntity).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ofEntity).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo(shortForm);
            assertThat(codePoints(text, m.start(), m.end())).isEqualTo(shortForm);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "وقال التنظيم في بيان إن الهجوم انتقام.|ar",
            "وأوضحت الوزارة أن التحقيق مستمر.|ar",
    })
    void a_short_form_without_its_full_name_in_the_text_stays_unresolved(String text, String language) {
        assertThat(ENRICHER.tag(text, language).mentions()).isEmpty();
    }
}
