package dev.newsroom.enrich;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/** Version, determinism, thread safety, and the plain-text tagger's offsets. */
class EnricherTest {

    @Test
    void the_version_names_the_rules_and_a_hash_of_the_data_and_is_stable_across_loads() {
        assertThat(ENRICHER.version()).matches("enrich-\\d{4}\\.\\d{2}\\.\\d{2}-[0-9a-f]{12}");
        assertThat(Enricher.loadDefault().version()).isEqualTo(ENRICHER.version());
    }

    @Test
    void concurrent_calls_give_the_same_result_as_a_single_thread() throws Exception {
        List<Article> articles = List.of(SampleArticles.article("palmyra-ar.txt", "ar"),
                SampleArticles.article("palmyra-en.txt", "en"), SampleArticles.article("storm-en.txt", "en"),
                SampleArticles.article("morocco-football-ar.txt", "ar"));
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        List<EnrichedArticle> expected = articles.stream().map(a -> ENRICHER.enrich(a, now)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EnrichedArticle>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Article a = articles.get(i % articles.size());
                futures.add(pool.submit(() -> ENRICHER.enrich(a, now)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % articles.size()));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void tag_reports_language_mentions_with_code_point_offsets_and_subjects() {
        String text = "\uD83D\uDCF0 قال الرئيس دونالد ترامب إن القوات الأمريكية ستبقى في سوريا لمحاربة داعش.";
        TagResult r = ENRICHER.tag(text, null);
        assertThat(r.language()).isEqualTo("ar");
        assertThat(r.languageConfidence()).isGreaterThan(0.5);
        assertThat(r.mentions()).extracting(TaggedMention::name).contains("Donald Trump", "Syria", "Islamic State");
        for (TaggedMention m : r.mentions()) {
            assertThat(Fixtures.codePoints(text, m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(r.mentions()).isSortedAccordingTo((a, b) -> Integer.compare(a.start(), b.start()));
        assertThat(r.subjects()).extracting(SubjectScore::code).contains("medtop:16000000");
    }

    @Test
    void an_empty_article_still_enriches() {
        EnrichedArticle e = ENRICHER.enrich(SampleArticles.fromParts("empty", null, "", List.of(), null, List.of()),
                Instant.EPOCH);
        assertThat(e.getLanguage().getCode()).isEqualTo("und");
        assertThat(e.getEntities()).isEmpty();
        assertThat(e.getSubjects()).isEmpty();
        assertThat(e.getWordCount()).isZero();
        assertThat(e.getSlug()).isEqualTo("article");
        assertThat(e.getSummary()).isNull();
    }
}
