package dev.newsroom.enrich;

import dev.newsroom.enrich.lang.LanguageDetector;
import dev.newsroom.schemas.DetectedLanguage;
import dev.newsroom.schemas.EnrichedArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/** Language detection on news sentences, and how it settles with what the source declared. */
class LanguageTest {
    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ar|قالت وزارة الخارجية في بيان إن الوفد سيصل إلى العاصمة يوم الاثنين لبحث التعاون بين البلدين.",
            "en|The ministry said in a statement that the delegation would arrive in the capital on Monday.",
            "fr|Le ministère a indiqué dans un communiqué que la délégation arrivera dans la capitale lundi.",
            "es|El ministerio dijo en un comunicado que la delegación llegará a la capital el lunes para las conversaciones.",
            "de|Das Ministerium teilte mit, dass die Delegation am Montag in der Hauptstadt eintreffen wird.",
            "it|Il ministero ha detto in una nota che la delegazione arriverà nella capitale lunedì per i colloqui.",
            "pt|O ministério disse em um comunicado que a delegação vai chegar à capital na segunda-feira para as conversas.",
            "tr|Bakanlık yaptığı açıklamada heyetin pazartesi günü başkente geleceğini ve görüşmelerin devam edeceğini söyledi.",
            "fa|وزارت خارجه در بیانیه‌ای اعلام کرد که هیئت روز دوشنبه برای گفت‌وگو به پایتخت می‌رسد.",
            "ur|وزارت خارجہ نے ایک بیان میں کہا ہے کہ وفد پیر کے روز دارالحکومت پہنچے گا اور بات چیت کرے گا۔",
            "he|משרד החוץ מסר בהודעה כי המשלחת תגיע לבירה ביום שני לשיחות עם הממשלה.",
            "ru|Министерство сообщило в заявлении, что делегация прибудет в столицу в понедельник.",
            "zh|外交部在声明中表示，代表团将于星期一抵达首都，与政府举行会谈。",
    })
    void each_supported_language_is_recognised_with_confidence(String code, String sentence) {
        LanguageDetector.Result r = detector.detect(sentence);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.reliable()).isTrue();
        assertThat(r.confidence()).isGreaterThan(0.5);
    }

    private static DetectedLanguage detected(String declared, String headline, String body) {
        EnrichedArticle e = ENRICHER.enrich(SampleArticles.fromParts("x", declared, headline, List.of(body), null,
                List.of()), Instant.EPOCH);
        return e.getLanguage();
    }

    @Test
    void the_declared_language_is_kept_when_detection_agrees() {
        DetectedLanguage l = detected("en-GB", "Storm hits the coast",
                "A storm hit the coast on Sunday and the authorities said that schools would stay closed.");
        assertThat(l.getCode()).isEqualTo("en");
        assertThat(l.getDeclared()).isEqualTo("en-GB");
        assertThat(l.getDisagrees()).isFalse();
    }

    @Test
    void the_declared_language_is_kept_when_the_text_is_too_short_to_tell() {
        DetectedLanguage l = detected("fr", "Breaking", "Update");
        assertThat(l.getCode()).isEqualTo("fr");
        assertThat(l.getDisagrees()).isFalse();
    }

    @Test
    void a_confident_disagreement_is_recorded_and_the_detected_language_wins() {
        DetectedLanguage l = detected("en", "عاصفة ثلجية تضرب عمان",
                "ضربت عاصفة ثلجية العاصمة الأردنية عمان يوم الأحد، وقالت السلطات إن المدارس ستبقى مغلقة حتى إشعار آخر.");
        assertThat(l.getCode()).isEqualTo("ar");
        assertThat(l.getDeclared()).isEqualTo("en");
        assertThat(l.getDisagrees()).isTrue();
        assertThat(l.getConfidence()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void an_undeclared_language_is_detected() {
        DetectedLanguage l = detected(null, "Le gouvernement annonce des mesures",
                "Le gouvernement a annoncé jeudi une série de mesures pour soutenir les ménages face à la hausse des prix.");
        assertThat(l.getCode()).isEqualTo("fr");
        assertThat(l.getDeclared()).isNull();
    }
}
