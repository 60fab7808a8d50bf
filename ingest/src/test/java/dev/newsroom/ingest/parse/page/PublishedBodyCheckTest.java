package dev.newsroom.ingest.parse.page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedBodyCheckTest {

    private static final String FIRST = "The council voted on Tuesday to keep the library open, after a campaign that gathered "
            + "thousands of signatures, three public meetings and a letter from every school in the district.";
    private static final String SECOND = "The library will now open on Sundays as well, the council said, and its reading room, "
            + "closed since the flood, will reopen in March with a new roof and twice as many seats.";
    private static final String BODY = "<h2>What changes</h2><p>" + FIRST + "</p>"
            + "<figure><img src=/a.jpg alt='The reading room'><figcaption>The reading room in March. Photo: City archive</figcaption></figure>"
            + "<p>" + SECOND + " <a href=/more>More</a></p><p>Sign up for our newsletter to read every story on the library.</p>";

    @Test
    void blocksTheStatedArticleTextDoesNotHoldGoButHeadingsAndImagesStay() {
        Element content = Jsoup.parseBodyFragment(BODY).body();

        // The publisher's text differs in spacing and punctuation from the page's.
        PublishedBodyCheck.apply(content, FIRST.replace(",", "") + "\n\n" + SECOND.toUpperCase());

        assertThat(content.text()).contains("What changes", FIRST, SECOND).doesNotContain("Sign up", "Photo: City archive");
        assertThat(content.select("img")).hasSize(1);
    }

    @Test
    void aTeaserStatedAsTheArticleTextRemovesNothing() {
        Element content = Jsoup.parseBodyFragment(BODY).body();

        PublishedBodyCheck.apply(content, FIRST + " Read the whole story on our site, where the council's minutes and the "
                + "library's plans for the coming year are published as well.");

        assertThat(content.text()).contains(SECOND, "Sign up", "Photo: City archive");
    }
}
