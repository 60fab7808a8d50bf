package dev.newsroom.enrich;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.enrich.AdvisoryEvaluation.Counts;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Advisories on the labelled sets (src/test/resources/advisories/README.md) and on the texts that embarrassed us: the
 * figures {@code newsroom eval advisories} prints, with floors just under them, and no notice for a single
 * ambiguous word. The held-out set is only measured, never tuned on; its floors are the ones that say how the
 * detector fares on new text.
 */
class AdvisoryPrecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static AdvisoryEvaluation.Result dev;
    private static AdvisoryEvaluation.Result heldOut;

    @BeforeAll
    static void evaluate() {
        dev = AdvisoryEvaluation.evaluate(Path.of("src/test/resources/advisories/dev.jsonl"), ENRICHER);
        heldOut = AdvisoryEvaluation.evaluate(Path.of("src/test/resources/advisories/heldout.jsonl"), ENRICHER);
        System.out.println("Advisories on the dev set:\n" + dev.table());
        System.out.println("Advisories on the held-out set:\n" + heldOut.table());
    }

    /** Graphic has only 5 held-out positives in English, so its floor says little. */
    @ParameterizedTest(name = "held out, en, {0}: precision >= {1}, recall >= {2}")
    @CsvSource({"VIOLENCE, 0.90, 0.76", "DEATH, 0.94, 0.88", "TERRORISM, 0.88, 0.66", "GRAPHIC, 0.95, 0.79"})
    void held_out_english_notices_keep_their_measured_precision_and_recall(AdvisoryKind kind, double precision,
                                                                          double recall) {
        Counts counts = heldOut.byLanguage().get("en").get(kind);
        assertThat(counts.precision()).as("%s precision", kind).isGreaterThanOrEqualTo(precision);
        assertThat(counts.recall()).as("%s recall", kind).isGreaterThanOrEqualTo(recall);
    }

    /** Below the aim of 0.90 at 0.80: these floors keep what was reached, they do not say it is enough. */
    @ParameterizedTest(name = "held out, ar, {0}: precision >= {1}, recall >= {2}")
    @CsvSource({"VIOLENCE, 0.87, 0.77", "DEATH, 0.90, 0.82", "TERRORISM, 0.77, 0.72", "GRAPHIC, 0.94, 0.62"})
    void held_out_arabic_notices_keep_their_measured_precision_and_recall(AdvisoryKind kind, double precision,
                                                                         double recall) {
        Counts counts = heldOut.byLanguage().get("ar").get(kind);
        assertThat(counts.precision()).as("%s precision", kind).isGreaterThanOrEqualTo(precision);
        assertThat(counts.recall()).as("%s recall", kind).isGreaterThanOrEqualTo(recall);
    }

    @ParameterizedTest(name = "dev, {0}: precision >= {1}, recall >= {2}")
    @CsvSource({"VIOLENCE, 0.93, 0.85", "DEATH, 0.97, 0.91", "TERRORISM, 0.91, 0.73", "GRAPHIC, 0.94, 0.80"})
    void dev_notices_keep_their_measured_precision_and_recall(AdvisoryKind kind, double precision, double recall) {
        Counts counts = dev.overall().get(kind);
        assertThat(counts.precision()).as("%s precision", kind).isGreaterThanOrEqualTo(precision);
        assertThat(counts.recall()).as("%s recall", kind).isGreaterThanOrEqualTo(recall);
    }

    /** The kinds an article gets public notices for (suggestions left out). */
    private static List<AdvisoryKind> notices(String language, String headline, String text) {
        return ENRICHER.enrich(AdvisoryEvaluation.article("t", language, headline, text), NOW).getAdvisories().stream()
                .filter(advisory -> !advisory.getSuggestion()).map(Advisory::getKind).toList();
    }

    @Test
    void a_markdown_readme_that_says_body_is_no_death_notice() throws Exception {
        String readme = Files.readString(Path.of("../samples/README.md"));
        assertThat(notices("en", "Samples", readme)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Late attack wins the derby | United's attack finally broke through in the 88th minute. The home side shot twice in added time and the crowd's chants of "kill it off" rang out.
            en | Cyber attack hits the bank | Attackers exploited a flaw in the server. The bank said no customer data was lost and the attack was contained.
            ar | الهجوم يحسم المباراة | شن الفريق هجوما قويا في الشوط الثاني . و سدد المهاجم كرة قوية في الدقيقة الاخيرة .
            ar | هدنة في الجنوب | دعا المجلس الى وقف اطلاق النار فورا و الى انسحاب القوات المسلحة من المنطقة .
            en | Is this the killer app? | Analysts call the new messaging service the killer app of the year. Two rivals say it will kill their sales.
            en | The body of the report | The body of the report runs to forty pages. The summary says the project died a slow death in committee.
            en | A history lesson | In 1066 the Normans won the battle of Hastings, where King Harold was killed by an arrow.
            en | Markets bleed | Stocks were slaughtered on Monday as the bloodbath on Wall Street wiped out three years of gains.
            """)
    void words_that_only_sound_violent_raise_no_notice(String language, String headline, String text) {
        assertThat(notices(language, headline, text)).isEmpty();
    }

    @Test
    void a_sure_phrase_in_the_lead_stands_on_its_own_but_not_as_background_further_down() {
        assertThat(notices("en", null, "A suicide bombing hits a market in the north of the country."))
                .contains(AdvisoryKind.TERRORISM, AdvisoryKind.VIOLENCE);

        assertThat(notices("en", "New minister named",
                "The president named a new interior minister on Monday.\n\nShe has led the ministry's budget office"
                        + " for six years.\n\nHer predecessor resigned after the suicide bombing of 2004.")).isEmpty();
    }

    @Test
    void a_phrase_of_one_kind_does_not_hide_the_death_it_holds_and_a_fire_at_a_place_is_no_shooting() {
        assertThat(notices("en", null, "At least 12 villagers are killed by gunmen in the north of the country."))
                .contains(AdvisoryKind.DEATH, AdvisoryKind.VIOLENCE);

        assertThat(notices("en", null, "A fire at a nightclub in the capital kills nine people."))
                .contains(AdvisoryKind.DEATH).doesNotContain(AdvisoryKind.VIOLENCE);
    }

    @Test
    void a_death_by_fire_and_a_decomposed_body_are_graphic_but_an_attempt_to_burn_oneself_is_nothing() {
        assertThat(notices("ar", "وفاة رجل اضرم النار في جسده",
                "توفي اليوم رجل في الخمسين من عمره متاثرا بحروق بليغة بعد ان اضرم النار في جسده امام مقر الولاية ."))
                .contains(AdvisoryKind.DEATH, AdvisoryKind.GRAPHIC);

        assertThat(notices("ar", "شاب يحاول الانتحار حرقا",
                "حاول شاب اليوم اضرام النار في جسده امام مقر الولاية و تم نقله الى المستشفى في حالة حرجة .")).isEmpty();

        assertThat(notices("ar", "العثور على جثة متآكلة على الشاطئ",
                "عثر اعوان الحرس البحري مساء امس على جثة متآكلة لفظها البحر و تم نقلها الى المستشفى ."))
                .contains(AdvisoryKind.DEATH, AdvisoryKind.GRAPHIC);
    }

    @Test
    void a_kidnapped_girl_is_no_hijacking_and_glorifying_an_attack_is_not_one() {
        assertThat(notices("ar", "العثور على الفتاة المختطفة",
                "عثرت الشرطة على الفتاة المختطفة في منزل صديقها و اعترفت بانها افتعلت قضية الاختطاف خوفا من عائلتها ."))
                .doesNotContain(AdvisoryKind.TERRORISM);

        assertThat(notices("ar",
                "ايقاف شاب احتفى بالعملية الارهابية",
                "تم ايقاف شاب بسبب احتفائه علنا بالعملية الارهابية الاخيرة و تمجيده الارهاب على صفحته ."))
                .doesNotContain(AdvisoryKind.TERRORISM);
    }

    @Test
    void a_blow_to_the_head_that_kills_is_violence_and_death_but_no_graphic_detail() {
        assertThat(notices("ar", "مقتل كهل ضربا بالحجارة",
                "تعرض كهل الى اعتداء بالعنف الشديد بالحجارة على مستوى راسه من طرف شاب و توفي على عين المكان ."))
                .contains(AdvisoryKind.VIOLENCE, AdvisoryKind.DEATH).doesNotContain(AdvisoryKind.GRAPHIC);
    }

    @Test
    void a_hideout_found_by_the_army_is_counter_terrorism_not_an_attack() {
        assertThat(notices("ar",
                "الجيش يعثر على مخبا للعناصر الارهابية",
                "عثرت وحدات الجيش خلال عمليات تمشيط على مخبا للعناصر الارهابية يحتوي على معدات تفجير و مؤونة ."))
                .doesNotContain(AdvisoryKind.TERRORISM, AdvisoryKind.VIOLENCE);
    }

    @Test
    void a_death_after_a_battle_with_cancer_or_an_engine_fire_on_take_off_is_no_violence() {
        assertThat(notices("en", null, "The former mayor dies after an 18-month battle with cancer. He was 46."))
                .doesNotContain(AdvisoryKind.VIOLENCE);

        assertThat(notices("en", null,
                "A passenger jet suffers an engine failure and fire on take-off. Fourteen of the people on board are"
                        + " injured."))
                .doesNotContain(AdvisoryKind.VIOLENCE);
    }

    @Test
    void a_death_told_as_resulting_from_an_accident_is_a_death_notice() {
        assertThat(notices("en", null,
                "A passenger train derails near the city, resulting in the death of a railroad engineer."))
                .contains(AdvisoryKind.DEATH).doesNotContain(AdvisoryKind.VIOLENCE);
    }

    @Test
    void in_a_short_report_the_last_sentence_that_calls_it_terror_is_about_the_killing_the_first_reports() {
        String killing = "In Leeds, a nurse is murdered outside a hospital.";
        String terror = "The government is treating it as a terrorist incident.";
        assertThat(notices("en", null,
                killing + " Two men are arrested nearby by armed police. " + terror))
                .contains(AdvisoryKind.TERRORISM, AdvisoryKind.VIOLENCE);

        assertThat(notices("en", null, killing
                + " The city council met on Monday to discuss the budget for the coming year, with most of the session"
                + " given to roads, schools and the cost of rubbish collection. Councillors argued for two hours over a"
                + " plan to close three libraries and merge their staff into a new service. The mayor said the meeting"
                + " would resume next week, when the council will vote on the plan and on a new tax on second homes"
                + " that the opposition has long opposed. Local shops had asked for lower rates in the town centre,"
                + " where a third of the units now stand empty. " + terror))
                .doesNotContain(AdvisoryKind.TERRORISM);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "A UN commission says the regime committed crimes against humanity in its jails.",
            "A charity says that Sami Haddad who was kidnapped in 2013 has been freed.",
            "The foreign ministry condemns the murder of Ahmed Karim in the capital.",
            "A ballistic missile fired from the south is intercepted over the border city."})
    void one_sure_phrase_of_an_attack_on_people_is_a_violence_notice_in_a_one_sentence_report(String text) {
        assertThat(notices("en", null, text))
                .contains(AdvisoryKind.VIOLENCE);
    }

    @Test
    void a_beheading_reported_in_one_sentence_is_a_graphic_notice_and_a_named_group_makes_it_terrorism() {
        assertThat(notices("en", null, "Islamic State militants behead an aid worker in northern Syria."))
                .contains(AdvisoryKind.GRAPHIC, AdvisoryKind.VIOLENCE, AdvisoryKind.TERRORISM);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ar | الشرطة : الهجوم ليس ارهابيا | قالت الشرطة ان الهجوم على الكازينو ليس ارهابيا و ان مسلحا اطلق النار ثم انتحر . و لم يسفر الحادث عن اصابات .
            ar | حصيلة وزارة الداخلية | اعلنت الوزارة في مجال مكافحة الارهاب ان عدد القضايا الارهابية بلغ 3381 قضية و ان 435 شخصا اوقفوا بتهمة الانتماء الى خلايا ارهابية .
            ar | رجل يهدد بتنفيذ تفجيرات | اتصل رجل بالشرطة مهددا بتنفيذ تفجيرات في المنطقة السياحية . و تبين انه يعاني من اضطرابات نفسية .
            """)
    void terrorism_named_in_a_denial_a_legal_frame_or_a_threat_is_no_terrorism_notice(String language, String headline,
                                                                                   String text) {
        assertThat(notices(language, headline, text)).doesNotContain(AdvisoryKind.TERRORISM);
    }

    @Test
    void the_detail_of_a_killing_is_graphic_but_the_same_words_without_a_death_are_not() {
        assertThat(notices("ar", "جريمة قتل في صفاقس",
                "قتل شاب زوجة شقيقه بعد ان وجه لها 3 طعنات قاتلة على مستوى رقبتها ، و توفيت على عين المكان ."))
                .contains(AdvisoryKind.GRAPHIC, AdvisoryKind.DEATH);

        assertThat(notices("ar", "ذبح عشوائي للمواشي",
                "انتشرت ظاهرة ذبح المواشي على قارعة الطريق . و قال الطبيب البيطري ان الذبح العشوائي خطر على الصحة ."))
                .isEmpty();
    }

    @Test
    void a_graphic_phrase_that_begins_inside_a_death_phrase_still_counts() {
        List<Advisory> charred = ENRICHER.enrich(AdvisoryEvaluation.article("t", "ar", "العثور على جثة متفحمة",
                "اعلنت الشرطة العثور على جثة متفحمة لامراة داخل سيارة على الطريق السريع ، و فتحت تحقيقا في مقتلها ."),
                NOW).getAdvisories();
        assertThat(charred).extracting(Advisory::getKind).contains(AdvisoryKind.GRAPHIC, AdvisoryKind.DEATH);
    }

    @Test
    void firefighters_are_not_a_firefight() {
        List<Advisory> advisories = ENRICHER.enrich(AdvisoryEvaluation.article("t", "en", null,
                "Firefighters battle a brush fire near the town as residents are evacuated."), NOW).getAdvisories();
        assertThat(advisories).noneMatch(advisory -> advisory.getKind() == AdvisoryKind.VIOLENCE);
    }

    @Test
    void a_report_of_people_killed_is_a_death_and_violence_notice_with_the_evidence_for_editors() {
        List<Advisory> advisories = ENRICHER.enrich(AdvisoryEvaluation.article("t", "ar", null,
                "لقي ثلاثة جنود مصرعهم في انفجار عبوة ناسفة استهدفت دوريتهم . و اصيب اربعة اخرون بجروح ."), NOW)
                .getAdvisories();

        assertThat(advisories).filteredOn(advisory -> !advisory.getSuggestion()).extracting(Advisory::getKind)
                .contains(AdvisoryKind.DEATH, AdvisoryKind.VIOLENCE);
        assertThat(advisories).filteredOn(advisory -> advisory.getKind() == AdvisoryKind.DEATH).singleElement()
                .satisfies(death -> {
                    assertThat(death.getReason()).contains("مصرع").contains("ar lexicon").contains("model");
                    assertThat(death.getScore()).isGreaterThanOrEqualTo(1.0);
                });
    }
}
