package dev.newsroom.enrich;

import dev.newsroom.enrich.ner.Gazetteer;
import dev.newsroom.enrich.text.ArabicSegmenter;
import dev.newsroom.enrich.text.Tokenizer;
import dev.newsroom.enrich.text.WordFrequencies;
import dev.newsroom.schemas.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static dev.newsroom.enrich.Fixtures.codePoints;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk gazetteer (GeoNames cities15000, Wikidata heads of state and government): its places and people resolve
 * to their source's URI in Arabic, English and French, and the place names that are also common words stay words.
 */
class GazetteerScaleTest {

    @ParameterizedTest(name = "{1} ({3}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            // GeoNames cities that the curated places.tsv does not have, written in Arabic, French and English.
            "اندلعت اشتباكات عنيفة في طنطا مساء الأحد بين الشرطة ومحتجين.|طنطا|https://sws.geonames.org/347497/|ar",
            "وصل الوفد إلى مدينة مكناس لحضور المؤتمر.|مكناس|https://sws.geonames.org/2542715/|ar",
            "أعلنت السلطات في الناصرية عن إجراءات جديدة.|الناصرية|https://sws.geonames.org/98854/|ar",
            "Des affrontements ont éclaté à Meknès dimanche soir.|Meknès|https://sws.geonames.org/2542715/|fr",
            "La délégation est arrivée au Caire puis à Tanta, dans le delta du Nil.|Tanta|https://sws.geonames.org/347497/|fr",
            "Protesters gathered in Shenzhen on Sunday, witnesses said.|Shenzhen|https://sws.geonames.org/1795565/|en",
            // A curated place that had no URI gets GeoNames' when its English and Arabic names both name it there.
            "قصفت الطائرات مواقع قرب مصراتة صباح اليوم.|مصراتة|https://sws.geonames.org/2214846/|ar",
    })
    void a_geonames_city_resolves_to_its_geonames_uri(String text, String written, String uri, String language) {
        assertThat(mentionsOf(text, written, language)).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo(EntityType.PLACE);
            assertThat(m.uri()).isEqualTo(uri);
        });
    }

    @ParameterizedTest(name = "{1} ({3}) -> {2}")
    @CsvSource(delimiter = '|', value = {
            // Curated people (Arabic names ours) take the Q-id the Wikidata extract gives their English name.
            "President Emmanuel Macron met the delegation in Paris.|Emmanuel Macron|Q3052772|en",
            "استقبل الرئيس الفرنسي إيمانويل ماكرون الوفد في باريس.|إيمانويل ماكرون|Q3052772|ar",
            // People only the extract has, by their Wikidata English label.
            "Algerian President Abdelmadjid Tebboune arrived in Rome on Monday.|Abdelmadjid Tebboune|Q2821166|en",
            "Le Premier ministre albanais Edi Rama a rencontré ses homologues.|Edi Rama|Q316901|fr",
    })
    void a_head_of_state_or_government_resolves_to_its_wikidata_id(String text, String written, String qid,
                                                                     String language) {
        assertThat(mentionsOf(text, written, language)).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo(EntityType.PERSON);
            assertThat(m.uri()).isEqualTo("http://www.wikidata.org/entity/" + qid);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Mobile (Alabama), Reading, Split, Orange, Mission, Independence: cities15000 places and English words.
            "The mobile network failed after the split, and reading the orange report was a mission.|en",
            "Police said the victims were taken to hospital.|en",
            "Independence Day celebrations were held across the country, officials said.|en",
            // اب (Ibb, Yemen, folds like آب August), بحري (Khartoum North, also "naval"), سلا (Salé): no place noun,
            // no locative word, or too short.
            "وقعت الحادثة في آب الماضي حسب المصادر.|ar",
            "أعلنت القوات البحرية عن مناورات. وقال مسؤول بحري إن التدريب ناجح.|ar",
    })
    void common_words_that_are_also_place_names_do_not_fire(String text, String language) {
        List<TaggedMention> places = ENRICHER.tag(text, language).mentions().stream()
                .filter(m -> m.uri() != null && m.uri().startsWith("https://sws.geonames.org/"))
                .toList();
        assertThat(places).isEmpty();
    }

    @Test
    void a_geonames_match_never_fires_inside_a_longer_word() {
        assertThat(ENRICHER.tag("Shenzhenese investors and Tantaville residents met.", "en").mentions())
                .noneMatch(m -> m.uri() != null && m.uri().startsWith("https://sws.geonames.org/"));
    }

    @Test
    void a_link_only_name_identifies_a_place_but_never_marks_one() {
        Gazetteer bulk = new Gazetteer();
        bulk.loadGeoNames(new ByteArrayInputStream(("#geonameid\tcc\tpopulation\tfeature\tname_en\tname_ar\tnames\tlink_only\n"
                + "4076598\tUS\t183289\tPPLA2\tMobile\tموبيل\tموبيل\tMobile\n"
                + "1516905\tKZ\t358153\tPPLA\tTaraz\tتاراز\tTaraz|تاراز\tطراز\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(bulk.lookup("Mobile").uri()).isEqualTo("https://sws.geonames.org/4076598/");
        assertThat(bulk.lookup("طراز").uri()).isEqualTo("https://sws.geonames.org/1516905/");
        ArabicSegmenter segmenter = new ArabicSegmenter(WordFrequencies.read(
                new ByteArrayInputStream(new byte[0]), Set.of(), 1));
        assertThat(bulk.match(segmenter.segment(Tokenizer.tokenize("Mobile and Taraz")))).singleElement()
                .satisfies(m -> assertThat(m.entry().nameEn()).isEqualTo("Taraz"));
        assertThat(bulk.match(segmenter.segment(Tokenizer.tokenize("طائرة من طراز جديد")))).isEmpty();
    }

    private static List<TaggedMention> mentionsOf(String text, String written, String language) {
        List<TaggedMention> mentions = ENRICHER.tag(text, language).mentions().stream()
                .filter(m -> m.text().equals(written)).toList();
        assertThat(mentions).as("mentions of %s in %s: %s", written, text, ENRICHER.tag(text, language).mentions())
                .isNotEmpty();
        mentions.forEach(m -> assertThat(codePoints(text, m.start(), m.end())).isEqualTo(written));
        return mentions;
    }
}
