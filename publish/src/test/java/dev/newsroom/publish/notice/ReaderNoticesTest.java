package dev.newsroom.publish.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.schemas.Advisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.PublishedArticle;
import dev.newsroom.schemas.fixtures.SampleRecords;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What readers are told of advisories, per language and per outlet. */
class ReaderNoticesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Advisory DETECTED = new Advisory(AdvisoryKind.VIOLENCE,
            "violence trigger words (ar lexicon, weight 22): الهجوم, استهدف", "enrich", false, 3.1);

    @Test
    void automaticAdvisoriesBecomeTheNoticeInTheArticlesLanguage() {
        assertThat(ReaderNotices.texts(List.of(DETECTED), "ar", AdvisoryNotices.BUILT_IN_ONLY))
                .containsExactly("تنبيه: يتضمن هذا الخبر وصفًا لأعمال عنف.");
        assertThat(ReaderNotices.texts(List.of(DETECTED), "fr-CA", AdvisoryNotices.BUILT_IN_ONLY))
                .containsExactly("Avertissement : cet article décrit des violences.");
        assertThat(ReaderNotices.texts(List.of(DETECTED), "sw", AdvisoryNotices.BUILT_IN_ONLY))
                .as("a language without texts gets English").containsExactly("Warning: this story describes violence.");
    }

    @Test
    void editorsWordsStayAndSuggestionsAreNotShown() {
        Advisory editors = new Advisory(AdvisoryKind.GRAPHIC, "صور لجثث الضحايا", "sara", false, null);
        Advisory confirmed = new Advisory(AdvisoryKind.DEATH, "", "sara", false, null);
        Advisory suggested = new Advisory(AdvisoryKind.TERRORISM, "terrorism trigger words: داعش", "enrich", true, 0.5);

        assertThat(ReaderNotices.texts(List.of(editors, confirmed, suggested, DETECTED, DETECTED), "ar",
                AdvisoryNotices.BUILT_IN_ONLY)).containsExactly("صور لجثث الضحايا",
                "تنبيه: يتضمن هذا الخبر حديثًا عن وفيات.", "تنبيه: يتضمن هذا الخبر وصفًا لأعمال عنف.");
    }

    @Test
    void anOutletsOwnTextsReplaceTheBuiltInOnesInItsCopyOnly() throws Exception {
        AdvisoryNotices own = new AdvisoryNotices(Map.of("ar", Map.of(AdvisoryKind.VIOLENCE, "محتوى عنيف")));
        PublishedArticle published = PublishedArticle.newBuilder(SampleRecords.published())
                .setNinjs("{\"uri\":\"urn:newsroom:article:x\",\"language\":\"ar\",\"bodies\":[],\"descriptions\":"
                        + "[{\"role\":\"summary\",\"value\":\"ملخص\"},{\"role\":\"advisory\",\"value\":\"تنبيه\"}]}")
                .setAdvisories(List.of(DETECTED))
                .build();

        String copy = ReaderNotices.ninjsFor(published, own);

        assertThat(JSON.readTree(copy).get("descriptions").findValuesAsText("value"))
                .containsExactly("ملخص", "محتوى عنيف");
        assertThat(ReaderNotices.ninjsFor(published, AdvisoryNotices.BUILT_IN_ONLY)).isEqualTo(published.getNinjs());
        assertThat(copy).doesNotContain("الهجوم").doesNotContain("lexicon");
    }
}
