package dev.newsroom.ingest.parse.body;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.TextDirection;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.single;
import static dev.newsroom.ingest.parse.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Structure from line breaks alone, in languages other than the seed's. */
class PlainTextTest {

    @Test
    void englishStoryWithTitleSubheadingsListAndQuote() {
        String text = """
                Storm cuts power to thousands on the coast

                The storm arrived on Monday night, bringing winds of up to 120 km/h. Thousands of homes lost power.

                What happens next?

                Officials said repairs would take a week. Schools will reopen on Thursday.

                Key facts:
                - 12,000 homes without power
                - Two coastal roads closed

                > We are doing everything we can to restore power.

                Share this:
                Leave a comment
                """;
        Article article = single("text/plain", text);
        assertThat(article.getHeadline()).isEqualTo("Storm cuts power to thousands on the coast");
        assertThat(article.getHeadlineDerived()).isFalse();
        assertThat(texts(article, BlockKind.HEADING)).containsExactly("What happens next?");
        assertThat(texts(article, BlockKind.PARAGRAPH)).containsExactly(
                "The storm arrived on Monday night, bringing winds of up to 120 km/h. Thousands of homes lost power.",
                "Officials said repairs would take a week. Schools will reopen on Thursday.",
                "Key facts:");
        assertThat(texts(article, BlockKind.LIST_ITEM)).containsExactly("12,000 homes without power", "Two coastal roads closed");
        assertThat(texts(article, BlockKind.QUOTE)).containsExactly("We are doing everything we can to restore power.");
        assertThat(article.getBodyHtml()).contains("<ul><li>12,000 homes without power</li><li>Two coastal roads closed</li></ul>",
                "<blockquote><p>We are doing everything we can to restore power.</p></blockquote>", "<h2>What happens next?</h2>");
        assertThat(article.getBodyHtml()).doesNotContain("Share this", "Leave a comment");
        assertThat(article.getDirection()).isEqualTo(TextDirection.ltr);
    }

    @Test
    void frenchStoryWithoutTitleGetsADerivedHeadline() {
        String text = """
                Le gouvernement a présenté mercredi un plan de soutien aux agriculteurs touchés par la sécheresse, doté de 400 millions d'euros. Les syndicats jugent l'effort insuffisant.

                Des aides dès le mois prochain

                Les premiers versements interviendront en janvier, a précisé le ministre.

                Lire aussi : La sécheresse menace les récoltes

                L'article Un plan pour les agriculteurs est apparu en premier sur Exemple Actu.
                Partager
                """;
        Article article = single("text/plain; charset=utf-8", text);
        assertThat(article.getHeadlineDerived()).isTrue();
        assertThat(article.getHeadline()).isEqualTo(
                "Le gouvernement a présenté mercredi un plan de soutien aux agriculteurs touchés par la sécheresse…");
        assertThat(texts(article, BlockKind.HEADING)).containsExactly("Des aides dès le mois prochain");
        assertThat(texts(article, BlockKind.PARAGRAPH)).hasSize(2);
        assertThat(Fixtures.allText(article)).doesNotContain("Lire aussi", "est apparu en premier", "Partager");
    }

    @Test
    void shortDerivedHeadlineIsTheWholeFirstSentenceWithoutItsStop() {
        Article article = single("text/plain", "U.S. forces left the base on Friday. More follows later in the day.");
        assertThat(article.getHeadline()).isEqualTo("U.S. forces left the base on Friday");
        assertThat(article.getHeadlineDerived()).isTrue();
    }

    @Test
    void hardWrappedProseIsOneParagraph() {
        String text = """
                Ministers met late into the night to agree the budget, which had been
                delayed twice since the summer because of disagreements over defence
                spending and the pension reform.

                A vote is expected next week.
                """;
        Article article = single("text/plain", text);
        assertThat(texts(article, BlockKind.PARAGRAPH)).hasSize(2).first().asString()
                .isEqualTo("Ministers met late into the night to agree the budget, which had been delayed twice since the summer "
                        + "because of disagreements over defence spending and the pension reform.");
    }

    @Test
    void lineEndingLikeASentenceOrLeadInIsNotAHeading() {
        assertThat(PlainTextParser.isHeadingLike("The vote was postponed.")).isFalse();
        assertThat(PlainTextParser.isHeadingLike("Key facts:")).isFalse();
        assertThat(PlainTextParser.isHeadingLike("ما الذي حدث؟")).isTrue();
        assertThat(PlainTextParser.isHeadingLike("هجوم تدمر: تفاصيل الحادثة وما خلفها")).isTrue();
        assertThat(PlainTextParser.isHeadingLike("a b c d e f g h i j k l m")).as("13 words").isFalse();
        assertThat(PlainTextParser.isHeadingLike("2025")).isFalse();
    }

    @Test
    void chineseAndJapaneseParagraphsAreNotTakenForSubheadings() {
        Article article = Fixtures.single("text/plain", """
                火星探测器传回新图像

                中国国家航天局周二公布了火星探测器拍摄的一组新图像，显示了火星北半球一处古老河道的细节，科学家称这有助于了解火星早期的气候

                研究人员表示，他们将在未来几个月内继续分析这些数据，并与国际同行分享研究成果。
                """);
        assertThat(article.getHeadline()).isEqualTo("火星探测器传回新图像");
        assertThat(Fixtures.texts(article, BlockKind.HEADING)).isEmpty();
        assertThat(Fixtures.texts(article, BlockKind.PARAGRAPH)).hasSize(2);
    }

    @Test
    void persianTextKeepsZeroWidthNonJoinerAndIsRightToLeft() {
        Article article = single("text/plain", "او می\u200Cخواهد به خانه برگردد و این موضوع را با خانواده\u200Cاش در میان گذاشت.");
        assertThat(article.getBlocks().get(0).getText()).contains("می\u200Cخواهد", "خانواده\u200Cاش");
        assertThat(article.getDirection()).isEqualTo(TextDirection.rtl);
    }

    @Test
    void declaredContentLanguageIsRecorded() {
        RawInput raw = new RawInput("h", "s", "text/plain", null, null, java.util.Map.of("content-language", "fa-IR"),
                "متن خبر به زبان فارسی است و چند کلمه دارد.".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
        Article article = Fixtures.parse(raw).articles().get(0);
        assertThat(article.getLanguage()).isEqualTo("fa-IR");
        assertThat(article.getDirection()).isEqualTo(TextDirection.rtl);
    }
}
