package dev.newsroom.ingest.parse.draft;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BodyBlock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed's body that opens with its item's title as a heading loses it: the headline field holds it. Pages have theirs
 * removed earlier, with every title the page gives, so this is the only guard for feeds and plain text.
 */
class LeadingHeadlineTest {

    private static final String PARAGRAPH = "The council voted on Tuesday to keep the library open, after a long campaign.";

    @Test
    void aFeedBodyOpeningWithItsTitleAsAHeadingLosesItButAHeadingLaterStays() {
        String html = "<h1>Library stays open</h1><p>" + PARAGRAPH + "</p><h2>Library stays open</h2><p>" + PARAGRAPH + "</p>";
        String rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>Library stays open</title><description><![CDATA["
                + html + "]]></description></item></channel></rss>";

        Article article = Fixtures.single("application/rss+xml", rss);

        assertThat(article.getHeadline()).isEqualTo("Library stays open");
        assertThat(article.getBlocks()).extracting(BodyBlock::getText)
                .containsExactly(PARAGRAPH, "Library stays open", PARAGRAPH);
        assertThat(article.getBodyHtml()).startsWith("<p>");
    }
}
