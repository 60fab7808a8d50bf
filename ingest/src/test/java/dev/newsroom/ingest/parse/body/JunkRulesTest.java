package dev.newsroom.ingest.parse.body;

import dev.newsroom.ingest.parse.Fixtures;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped junk rules remove boilerplate blocks in Arabic, English and French, and never a real sentence. */
class JunkRulesTest {

    private final JunkRules rules = JunkRules.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"شاركها.", "اترك تعليقاً", "اترك تعليقا", "إعلان", "Exit mobile version", "Share this:", "SHARE THIS",
            "Leave a comment", "Advertisement", "Partager", "Laisser un commentaire", "Publicité", "Related posts", "مقالات ذات صلة",
            "Subscribe to our newsletter", "اشترك في النشرة البريدية", "Abonnez-vous à notre newsletter pour ne rien manquer",
            "Tags: Syria, Palmyra, IS", "الوسوم: سوريا، تدمر", "Read more: What lifting sanctions means for Syria",
            "Read also", "اقرأ أيضاً: واشنطن ترفع دفعة جديدة من العقوبات عن دمشق", "اقرأ أيضا - خبر آخر", "Lire aussi : La sécheresse menace",
            "À lire aussi", "The post Storm hits coast appeared first on Example News.",
            "ظهرت المقالة هجوم تدمر يكشف ملامح تعاون أمريكي سوري أولاً على أخبار المثال.",
            "L’article Un plan pour les agriculteurs est apparu en premier sur Exemple Actu."})
    void boilerplateBlocksAreJunk(String block) {
        assertThat(rules.isJunk(block, 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shares of Apple rose 3% after the company said it would share more of its profits.",
            "Share this story with your friends, the minister urged on Monday, as the campaign began.",
            "The advertisement campaign was withdrawn after complaints.",
            "Readers left a comment on every article about the strike.",
            "Read more about the budget in our explainer, the editor wrote in a note to subscribers on Monday evening.",
            "ونشرت الصحيفة إعلان الحكومة عن خطة جديدة لدعم المزارعين.",
            "Les internautes peuvent partager leurs photos sur le site.",
            "Tags are small labels attached to luggage."})
    void sentencesThatMerelyMentionJunkWordsAreKept(String sentence) {
        assertThat(rules.isJunk(sentence, 0)).isFalse();
    }

    @Test
    void leadRuleNeedsASeparatorAndAShortTailOrLinks() {
        String longTail = "Read more: " + "word ".repeat(40);
        assertThat(rules.isJunk(longTail, 0)).isFalse();
        assertThat(rules.isJunk(longTail, 0.9)).isTrue();
    }

    @Test
    void sectionHeadingsOpenAJunkSection() {
        assertThat(rules.opensSection("Related articles")).isTrue();
        assertThat(rules.opensSection("مقالات ذات صلة")).isTrue();
        assertThat(rules.opensSection("Related developments in the case")).isFalse();
        assertThat(JunkRules.continuesSection(true, 0)).isTrue();
        assertThat(JunkRules.continuesSection(false, 0.1)).isFalse();
    }

    @Test
    void aChinesePortalsNoticeOnWhatItReprintsIsJunkButASentenceOnCopyrightIsNot() {
        assertThat(rules.isJunk("外汇网声明：外汇网转载上述内容，不表明证实其描述，仅供投资者参考，并不构成投资建议。投资者据此操作，风险自担。", 0)).isTrue();
        assertThat(rules.isJunk("本网声明：凡注明“来源：本报”的所有作品，版权均属于本报，未经授权不得转载。", 0)).isTrue();
        assertThat(rules.isJunk("法院认为，被告未经许可转载原告的文章，侵犯了原告的版权。", 0)).isFalse();
    }

    @Test
    void aPolishNoticeAgainstCopyingIsJunkButAReportOfSuchABanIsNot() {
        assertThat(rules.isJunk("Żaden utwór zamieszczony w serwisie nie może być powielany i rozpowszechniany w jakikolwiek "
                + "sposób bez pisemnej zgody wydawcy. Jakiekolwiek użycie utworów bez zgody wydawcy jest zabronione.", 0)).isTrue();
        assertThat(rules.isJunk("Kopiowanie i rozpowszechnianie materiałów bez zgody redakcji jest zabronione.", 0)).isTrue();
        assertThat(rules.isJunk("Wszelkie prawa zastrzeżone.", 0)).isTrue();
        assertThat(rules.isJunk("Sąd orzekł, że powielanie artykułów bez zgody wydawcy jest zabronione.", 0)).isFalse();
    }

    @Test
    void aLegalNoticeLongerThanTheOtherRulesReachIsStillJunkButLongProseIsKept() {
        String notice = "Żaden utwór zamieszczony w serwisie nie może być powielany i rozpowszechniany lub dalej "
                + "rozpowszechniany w jakikolwiek sposób (w tym także elektroniczny lub mechaniczny) na jakimkolwiek polu "
                + "eksploatacji w jakiejkolwiek formie, włącznie z umieszczaniem w Internecie, bez pisemnej zgody wydawcy. "
                + "Jakiekolwiek użycie lub wykorzystanie utworów w całości lub w części z naruszeniem prawa, tzn. bez zgody "
                + "wydawcy, jest zabronione pod groźbą kary i może być ścigane prawnie.";
        assertThat(notice.length()).isGreaterThan(JunkRules.MAX_JUNK_BLOCK_CHARS);
        assertThat(rules.isJunk(notice, 0)).isTrue();
        String prose = "Sąd orzekł, że " + notice.substring(0, 1).toLowerCase(Locale.ROOT) + notice.substring(1);
        assertThat(rules.isJunk(prose, 0)).isFalse();
    }

    @Test
    void editorsCanAddRulesInTheFileFormat() {
        JunkRules custom = JunkRules.parse(List.of("# newsroom additions", "", "block Follow us on Mastodon", "pattern Sponsored by … ltd"), "custom");
        assertThat(custom.isJunk("Follow us on Mastodon!", 0)).isTrue();
        assertThat(custom.isJunk("Sponsored by Acme Widgets Ltd.", 0)).isTrue();
        assertThat(custom.isJunk("Share this:", 0)).isFalse();
    }

    @Test
    void aPatternThatOpensWithAGapNeedsItsLiteralsInOrderWithTextBetweenThem() {
        JunkRules custom = JunkRules.parse(List.of("pattern …notice: … reprint …"), "custom");
        assertThat(custom.isJunk("Site notice: no reprint", 0)).isTrue();
        assertThat(custom.isJunk("Site notice: no reprint. Another notice: a reprint", 0)).isTrue();
        assertThat(custom.isJunk("notice: no reprint", 0)).isFalse();
        assertThat(custom.isJunk("Site noticereprint", 0)).isFalse();
        assertThat(custom.isJunk("Site reprint, then a notice: here", 0)).isFalse();
    }

    @Test
    void malformedRuleLinesAreReportedWithTheirPosition() {
        assertThatThrownBy(() -> JunkRules.parse(List.of("block ok", "remove this"), "custom.rules"))
                .hasMessage("custom.rules:2: unknown rule kind 'remove' (expected block, lead, section or pattern)");
        assertThatThrownBy(() -> JunkRules.parse(List.of("lonely"), "custom.rules"))
                .hasMessage("custom.rules:1: expected 'KIND phrase', got 'lonely'");
    }

    @Test
    void junkInsideAFeedBodyIsRemovedButNeighbouringProseStays() {
        String html = "<p>Real paragraph about the storm, with details that matter to readers.</p>"
                + "<p><strong>Read more:</strong> <a href=\"https://x.example/a\">Another story</a></p>"
                + "<h3>Related posts</h3><ul><li><a href=\"/1\">One</a></li><li><a href=\"/2\">Two</a></li></ul>"
                + "<p>Advertisement</p><p>Final paragraph that a reader needs.</p><p>Share this:</p>";
        String rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>Storm</title><description><![CDATA[" + html
                + "]]></description></item></channel></rss>";
        var article = Fixtures.single("application/rss+xml", rss);
        assertThat(article.getBlocks()).extracting(b -> b.getText()).containsExactly(
                "Real paragraph about the storm, with details that matter to readers.", "Final paragraph that a reader needs.");
    }
}
