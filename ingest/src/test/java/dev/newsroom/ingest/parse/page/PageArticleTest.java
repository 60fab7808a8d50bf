package dev.newsroom.ingest.parse.page;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.Media;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of a page's article that need the page around the body container (its title), shown on pages made for them,
 * through the whole parser as the extraction corpus is read.
 */
class PageArticleTest {

    private static final String PARAGRAPH = "The council voted on Tuesday to keep the library open, after a campaign that "
            + "gathered thousands of signatures, three public meetings and a letter from every school in the district.";

    @Test
    void theTitleRepeatedUnderAKickerAndAsTheLeadImagesAltGoesButNotOnceTheProseHasBegun() {
        String title = "Library stays open after council vote";
        String html = "<html><head><title>City news - " + title + " - Example Post</title></head><body><div id=top>"
                + "<img src=/lead.jpg alt='" + title + "'><h2>City | Libraries</h2><h1>" + title + "</h1>"
                + ("<p>" + PARAGRAPH + "</p>").repeat(3) + "<h3>" + title + "</h3><p>" + PARAGRAPH + "</p></div></body></html>";

        Article article = parse(html);

        String body = article.getBlocks().stream().map(BodyBlock::getText).collect(Collectors.joining("\n"));
        assertThat(article.getHeadline()).isEqualTo(title);
        assertThat(body).startsWith("City | Libraries\nThe council voted").endsWith(title + "\n" + PARAGRAPH);
        assertThat(article.getBodyHtml()).doesNotContain("alt=");
    }

    @Test
    void anImagesAltTextStaysInItsAltAttributeAndOnlyAShownCaptionIsBodyText() {
        String promo = "Our newest series on your phone and tablet";
        String html = "<html><head><title>Library stays open - Example Post</title></head><body><div id=story>"
                + ("<p>" + PARAGRAPH + "</p>").repeat(2) + "<img src=https://post.example/app.jpg alt='" + promo + "'>"
                + "<figure><img src=https://post.example/room.jpg alt='Reading room'><figcaption>The reading room in March</figcaption></figure>"
                + "<p>" + PARAGRAPH + "</p></div></body></html>";

        Article article = parse(html);

        String text = Jsoup.parseBodyFragment(article.getBodyHtml()).body().text();
        assertThat(text).contains("The reading room in March").doesNotContain(promo, "Reading room");
        assertThat(article.getBodyHtml()).contains("alt=\"" + promo + "\"");
        assertThat(article.getMedia()).extracting(Media::getCaption)
                .as("the alt text is still the image's caption for consumers of the media list")
                .containsExactly(promo, "The reading room in March");
    }

    private static Article parse(String html) {
        Lineage lineage = Lineage.newBuilder().setRawTopic("").setRawPartition(-1).setRawOffset(-1L).setDocumentId("page")
                .setItemIndex(0).setFormat("").setIngestedAt(Instant.EPOCH).build();
        var document = new DocumentParser().parse(
                RawInput.of("page", "test", "text/html", null, html.getBytes(StandardCharsets.UTF_8)), lineage);
        return document.articles().get(0);
    }
}
