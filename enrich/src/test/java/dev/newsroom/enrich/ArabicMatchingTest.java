package dev.newsroom.enrich;

import dev.newsroom.schemas.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static dev.newsroom.enrich.Fixtures.codePoints;
import static org.assertj.core.api.Assertions.assertThat;

/** Arabic names are found through clitics and spelling variants, with offsets that leave the clitics out. */
class ArabicMatchingTest {

    private static TaggedMention only(String text, String name) {
        List<TaggedMention> found = ENRICHER.tag(text, "ar").mentions().stream()
                .filter(m -> m.name().equals(name)).toList();
        assertThat(found).as("mentions of %s in %s", name, text).hasSize(1);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "وصل الوفد أمس وواشنطن تراقب الوضع., واشنطن, United States",
            "التقى الوزير بنظيره في دمشق وبدمشق أيضا., دمشق, Damascus",
            "قالت مصادر لسوريا إن الوضع هادئ., سوريا, Syria",
            "نقلت القوات الجرحى إلى التنف صباحا., التنف, Al-Tanf",
            "جرت اشتباكات في حمص وفي ريفها., حمص, Homs",
            "انسحبت القوات فالتنف لم تعد هدفا., التنف, Al-Tanf",
            "وقالت الخارجية إن كدمشق مدن كثيرة., دمشق, Damascus",
    })
    void proclitics_are_left_out_of_the_mention(String text, String expected, String name) {
        TaggedMention m = ENRICHER.tag(text, "ar").mentions().stream().filter(x -> x.name().equals(name))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(m.text()).isEqualTo(expected);
        assertThat(codePoints(text, m.start(), m.end())).isEqualTo(expected);
    }

    @Test
    void the_article_swallowed_by_a_preposition_is_restored_in_the_text_but_not_in_the_offsets() {
        String text = "وفقًا للقيادة الوسطى الأمريكية، فإن منفذ الهجوم ينتمي إلى تنظيم الدولة.";
        TaggedMention m = only(text, "US Central Command");
        assertThat(m.text()).isEqualTo("القيادة الوسطى الأمريكية");
        assertThat(codePoints(text, m.start(), m.end())).isEqualTo("لقيادة الوسطى الأمريكية");
        assertThat(codePoints(text, m.start() - 1, m.start())).isEqualTo("ل");
        assertThat(m.type()).isEqualTo(EntityType.ORGANISATION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "وصل المبعوث إلى إدلب مساء السبت., ادلب, Idlib",
            "وصل المبعوث إلى ادلب مساء السبت., ادلب, Idlib",
            "عاد الهدوء إلى حماة بعد الاشتباكات., حماه, Hama",
            "عاد الهدوء إلى حماه بعد الاشتباكات., حماه, Hama",
            "زار الرئيس دِمَشْقَ أمس., دمشق, Damascus",
            "زار الرئيس دمـــشق أمس., دمشق, Damascus",
            "وصل الوفد إلى الولايات المتحدة الامريكية أمس., الولايات المتحدة الامريكية, United States",
            "أعلنت الخارجية الأميركية موقفها من سورية والعراق., العراق, Iraq",
    })
    void spelling_variants_match(String text, String ignored, String name) {
        TaggedMention m = only(text, name);
        assertThat(codePoints(text, m.start(), m.end())).isEqualTo(m.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "وصل التنفيذيون إلى الاجتماع مبكرا., Al-Tanf",
            "تناول الضيوف طبقا حمصيا تقليديا., Homs",
            "ارتدت النساء ثيابا دمشقية مطرزة., Damascus",
            "شارك الرقابيون في المؤتمر., Raqqa",
            "قال السوريون إن الحياة صعبة., Syria",
    })
    void a_name_never_fires_inside_a_longer_word(String text, String name) {
        assertThat(ENRICHER.tag(text, "ar").mentions()).noneMatch(m -> m.name().equals(name));
    }

    static Stream<Arguments> noisyNames() {
        Random random = new Random(20261128L);
        List<String[]> names = List.of(new String[] {"دمشق", "Damascus"}, new String[] {"حمص", "Homs"},
                new String[] {"تدمر", "Palmyra"}, new String[] {"دير الزور", "Deir ez-Zor"},
                new String[] {"الولايات المتحدة", "United States"}, new String[] {"داعش", "Islamic State"});
        String[] clitics = {"", "و", "ب", "ف", "وب", "ل"};
        char[] marks = {'\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0640'};
        return IntStream.range(0, 40).mapToObj(i -> {
            String[] name = names.get(random.nextInt(names.size()));
            StringBuilder noisy = new StringBuilder();
            for (char c : name[0].toCharArray()) {
                noisy.append(c);
                if (c != ' ' && random.nextInt(3) == 0) {
                    noisy.append(marks[random.nextInt(marks.length)]);
                }
            }
            String clitic = name[0].startsWith("ال") && clitics[i % clitics.length].endsWith("ل") ? "و"
                    : clitics[i % clitics.length];
            return Arguments.of(clitic, noisy.toString(), name[1]);
        });
    }

    @ParameterizedTest(name = "{0}+{1}")
    @MethodSource("noisyNames")
    void diacritics_tatweel_and_clitics_in_any_mix_still_match_with_exact_offsets(String clitic, String noisyName,
                                                                               String name) {
        String text = "قال مسؤولون إن الوفد وصل " + clitic + noisyName + " صباح اليوم.";
        TaggedMention m = only(text, name);
        assertThat(m.text()).isEqualTo(noisyName);
        assertThat(codePoints(text, m.start(), m.end())).isEqualTo(noisyName);
    }
}
