package dev.newsroom.ingest.parse.page;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The extractor's rules that real pages of corpora/extraction showed were needed, each on a page made to show it. */
class ArticleExtractorTest {

    private static final String PARAGRAPH = "The council voted on Tuesday to keep the library open, after a campaign that "
            + "gathered thousands of signatures, three public meetings and a letter from every school in the district.";

    @Test
    void anArticleInsideAWidgetIsFoundOnTheSecondReading() {
        // A blog engine wraps the post in "widget Blog", an unlikely-candidate hint, and writes paragraphs as divs.
        String html = "<html><body><nav><a href=/a>Home</a></nav><div class='widget Blog'><div class=post-body>"
                + ("<div><span>" + PARAGRAPH + "</span></div>").repeat(4) + "</div></div></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted").hasSizeGreaterThan(4 * PARAGRAPH.length() - 10);
    }

    @Test
    void aReaderCommentThreadNamedInPolishIsNotTheArticle() {
        String html = "<html><body><div>" + ("<p>" + PARAGRAPH + "</p>").repeat(3)
                + "<div id=stgOpinie>" + ("<p>~czytelnik [2012-01-04 08:45] To wszystko to jawna spekulacja, konflikt oczywiście "
                + "będzie, bo być miał, a wszystko podane na tacy przez media, jak zawsze, od lat.</p>").repeat(6)
                + "</div></div></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted").doesNotContain("czytelnik");
    }

    @Test
    void aNewsletterBoxWithAContentClassDoesNotOutrankTheArticle() {
        String html = "<html><body><div class=background_b1><div class=main_content_x><h3>Sign up to read on</h3>"
                + "<p>We will send the newsletter and campaign news to the address you give; you can unsubscribe.</p></div></div>"
                + "<article><section class=c1>" + ("<p>" + PARAGRAPH + "</p>").repeat(3) + "</section></article></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted").doesNotContain("newsletter");
    }

    @Test
    void relatedStoryLinksTheDatelineAndWhatFollowsTheProseAreNotTheArticle() {
        String longParagraph = "<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>";
        String html = "<html><body><div class=story><p>Published 6 December 2026, 12:19</p>" + longParagraph.repeat(2)
                + "<p><a href=/budget>Another story: the budget vote that split the council in two</a></p>"
                + longParagraph.repeat(2) + "<p>The mayor declined to comment.</p><p>Photo: AFP</p>"
                + "<h3>More from the city</h3><p>Bus lanes</p><p>Parking fees</p></div></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted", "The mayor declined to comment.")
                .doesNotContain("Published", "Another story", "Photo: AFP", "More from the city", "Bus lanes", "Parking fees");
    }

    @Test
    void aPageThatAppendsItsNextStoryKeepsTheStoryItsTitleNames() {
        String next = "The harbour reopened on Wednesday after the storm, with ferries running again to the islands, "
                + "though the western pier stays closed for repairs until the spring.";
        String html = "<html><head><title>Library stays open after vote - City News</title></head><body><main>"
                + "<article class=entity><h1>Library stays open after vote</h1>" + ("<p>" + PARAGRAPH + "</p>").repeat(3)
                + "</article><article class=entity><h1>Harbour reopens</h1>" + ("<p>" + next + "</p>").repeat(4)
                + "</article></main></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted").doesNotContain("harbour");
    }

    @Test
    void anArticleThatAnAdSplitsIntoBlocksOfOneClassIsReadWhole() {
        String rest = "The library will now open on Sundays as well, the council said, and its reading room, closed "
                + "since the flood, will reopen in March with a new roof and twice as many seats.";
        String html = "<html><body><article>"
                + "<div class=story-block><div class=block-text>" + ("<p>" + PARAGRAPH + "</p>").repeat(3)
                + "</div><div class=block-meta>Updated</div></div><div class=ad-slot>Advertisement</div>"
                + "<div class=story-block><div class=block-text>" + ("<p>" + rest + "</p>").repeat(4)
                + "</div><div class=block-meta>Updated</div></div></article></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted", "open on Sundays");
    }

    @Test
    void aCaptionOutsideAFigureIsNotTheArticleButOneInsideStaysWithItsImage() {
        String html = "<html><body><article>" + ("<p>" + PARAGRAPH + "</p>").repeat(2)
                + "<div class=image><img src=/a.jpg></div><div class=info><span class=caption>The reading room, closed since "
                + "the flood.</span><span class=credit>Photo: City archive</span></div>" + ("<p>" + PARAGRAPH + "</p>").repeat(2)
                + "<figure><img src=/b.jpg><figcaption>The mayor at the vote.</figcaption></figure></article></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted", "The mayor at the vote.").doesNotContain("reading room", "City archive");
    }

    @Test
    void aPhotoPostWhoseProseRunsBetweenItsImagesKeepsTheProse() {
        // A blog post whose body continues in a nested block of divs, more images than paragraphs: not a gallery.
        String more = "The lending desk will stay open until eight in the evening, the librarian said, and the children's "
                + "corner moves to the first floor once the lift is repaired.";
        String image = "<div class=separator><a href=/photo.jpg><img src=/photo.jpg></a></div><div> </div>";
        String html = "<html><body><div class='post-body post-content'><div><span>Photos of the vote are making the "
                + "rounds today.</span></div><div class=reader>" + image + "<div><span>" + PARAGRAPH + "</span></div>"
                + image + "<div><span>" + more + "</span></div>" + image.repeat(4) + "</div></div></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted", "The lending desk");
    }

    @Test
    void aLayoutWrapperRisingAfterADipFromItsSidebarIsNotTheArticle() {
        // The story's column scores less than the story; the page's wrapper a little more than the column, from the
        // market figures in the sidebar beside it, but far less than the story.
        String figures = "<p>Market summary: index up 1.2 percent, bonds flat, oil down.</p>";
        String html = "<html><body><div class=wrap><div class=col-a><div id=story>" + ("<p>" + PARAGRAPH + "</p>").repeat(10)
                + "</div><p>Share this</p></div><div class=col-b>" + figures.repeat(14) + "</div></div></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted").doesNotContain("Market summary");
    }

    @Test
    void aPageLaidOutInATableHasItsToolsAndCommentFormRemovedButADataTableKeepsItsCells() {
        // An older site's page is one table row: its cells are the columns. Class hints and the tail section after the
        // prose apply inside them; a table of figures within the article stays whole.
        String figures = "<table><tr><th>Year</th><th>Visitors</th></tr><tr><td>2025</td><td>41,000</td></tr>"
                + "<tr><td>2026</td><td>52,000</td></tr></table>";
        String html = "<html><body><table id=content><tr><td class=left><a href=/>Home</a> <a href=/city>City</a></td>"
                + "<td class=middle><div id=state>" + ("<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>").repeat(3) + figures + "</div>"
                + "<div class=donation><p>Support local news: give what you can to keep this paper free for every reader.</p></div>"
                + "<h2>Add a comment</h2><p>Name:</p><p>E-mail:</p></td></tr></table></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted", "Visitors", "52,000")
                .doesNotContain("Support local news", "Add a comment", "E-mail");
    }

    @Test
    void aSentenceMostlyMadeOfItsLinkStaysButALinkToAnotherStoryGoes() {
        // Each paragraph in a wrapper of its own, as component-built pages write them.
        String longParagraph = "<div class=block><div><p>" + PARAGRAPH + " " + PARAGRAPH + "</p></div></div>";
        String html = "<html><body><article>" + longParagraph.repeat(2)
                + "<div class=block><div><p>It also <a href=/plans>runs the mobile libraries and the reading programme in "
                + "the schools</a>.</p></div></div>"
                + "<div class=block><div><p>Read more: <a href=/budget>The budget vote that split the council in two</a></p></div></div>"
                + longParagraph.repeat(2) + "</article></body></html>";

        String text = extract(html);

        assertThat(text).contains("It also runs the mobile libraries and the reading programme in the schools.")
                .doesNotContain("Read more", "budget vote");
    }

    @Test
    void aCallToSubscribeWithItsButtonsAfterTheProseGoesButAParagraphWithLinksStays() {
        // No class hint and no word list: a pitch with two links standing alone as buttons, after the last prose.
        String html = "<html><body><div class=story>" + ("<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>").repeat(3)
                + "<p>Read the <a href=/a>statement</a> and the <a href=/b>reply</a>.</p>"
                + "<div class=box-x1><p>Ce contenu est réservé aux abonnés.</p><div><a href=/subscribe>S'abonner</a></div>"
                + "<div><a href=/login>Se connecter</a></div><p>Sans engagement, résiliable à tout moment.</p></div>"
                + "</div></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted", "Read the statement and the reply.")
                .doesNotContain("réservé", "abonner", "connecter", "résiliable");
    }

    @Test
    void aHeadingThatIsADatelineBeforeTheProseGoesButAHeadingWithAYearStays() {
        String html = "<html><body><div class=story><h2>Today, 15:33 • City news</h2><h2>Budget 2026</h2>"
                + ("<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>").repeat(3) + "</div></body></html>";

        String text = extract(html);

        assertThat(text).startsWith("Budget 2026 The council voted").doesNotContain("15:33");
    }

    @Test
    void aDatelineAfterALongDeckStillGoesBeforeTheProse() {
        // A deck long enough to read as prose is a heading: the prose has not begun when the dateline follows it.
        String html = "<html><body><div class=story><h3>The council keeps the library open after a campaign of many months by parents and teachers</h3>"
                + "<p>Ana Ruiz | Palma | January 2014</p>" + ("<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>").repeat(3)
                + "</div></body></html>";

        String text = extract(html);

        assertThat(text).startsWith("The council keeps the library open").contains("The council voted").doesNotContain("Ana Ruiz");
    }

    @Test
    void aBylineWithItsTimeLongEnoughForProseGoesBeforeTheFirstGoodBlock() {
        String html = "<html><body><div class=story><p>" + PARAGRAPH + "</p>"
                + "<p>By City Desk, in News, Council, Libraries, Schools · 31 Jan 2025, 20:02 · 0 Comments</p>"
                + ("<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>").repeat(3) + "</div></body></html>";

        String text = extract(html);

        assertThat(text).startsWith("The council voted").doesNotContain("City Desk", "20:02");
    }

    @Test
    void aPromptToReportATypoWithCtrlEnterGoesInAnyLanguage() {
        String html = "<html><body><div class=story>" + ("<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>").repeat(3)
                + "<p>Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!</p>"
                + "<p>" + PARAGRAPH + "</p></div></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted").doesNotContain("Ctrl+Enter", "Iezīmējiet");
    }

    @Test
    void aTeaserOfAnotherStoryGoesButTheArticlesOwnPictureStays() {
        // The card's blurb is a sentence or two of prose; what gives it away is its picture, titled as its link is.
        String html = "<html><body><div class=story><div><img src=/lead.jpg alt='The library on Main Street'></div>"
                + ("<p>" + PARAGRAPH + " " + PARAGRAPH + "</p>").repeat(3)
                + "<div class=opinion><img src=/derby.jpg alt='Derby day: fans of both clubs fought in the stands'>"
                + "<a href=/derby>Derby day: fans of both clubs fought in the stands</a> People stand together when an enemy is at "
                + "the gates. In times of peace they fight among themselves, as the police found out on Sunday. more</div>"
                + "</div></body></html>";

        Element content = ArticleExtractor.extract(PageHtml.parse(html, ""), () -> PageHtml.parse(html, "")).content();

        assertThat(content.text()).contains("The council voted").doesNotContain("Derby day", "stand together");
        assertThat(content.select("img[src=/lead.jpg]")).hasSize(1);
    }

    @Test
    void textWrittenBetweenAContainersBlocksIsJudgedAsABlockAndLeftUnwrapped() {
        // The dateline is loose text between the byline's div and the photo's, the article a paragraph and then lines of
        // text with <br> between them: only as a block of its own is the dateline seen for what it is.
        String html = "<html><body><div class=story><div class=author><a href=/a>Ana Ruiz</a></div> Published today at 12:19 "
                + "<div class=photo><img src=/p.jpg></div><p>" + PARAGRAPH + "</p>"
                + (PARAGRAPH + " " + PARAGRAPH + "<br><br>").repeat(3) + "</div></body></html>";

        Element content = ArticleExtractor.extract(PageHtml.parse(html, ""), () -> PageHtml.parse(html, "")).content();

        assertThat(content.text()).contains("The council voted").doesNotContain("Published today");
        assertThat(content.select("br")).hasSize(6);
        assertThat(content.select("span")).isEmpty();
    }

    @Test
    void linesOfTextAnArticleElementWritesBetweenItsBlocksAreJudgedAsBlocks() {
        // The prose is lines of text with <br> between them written straight into <article>, inside the page's column;
        // unless those lines count as blocks, the container seems to hold no prose and its dateline is never judged.
        String html = "<html><body><section id=col><article><div class=title><h1>Council keeps the library</h1>"
                + "<div class=stamp><span>PAP</span> | <span>updated 2012-01-04 (03:00)</span> | <a href=#c>56 comments</a>"
                + "</div></div><div class=photo><img src=/p.jpg><span>The library (photo: PAP)</span></div>"
                + (PARAGRAPH + " " + PARAGRAPH + "<br><br>").repeat(3) + "<div class=tags>Tags: <a href=/t>library</a></div>"
                + "</article><div class=rating><form><input name=r></form></div></section></body></html>";

        Element content = ArticleExtractor.extract(PageHtml.parse(html, ""), () -> PageHtml.parse(html, "")).content();

        assertThat(content.text()).contains("The council voted").doesNotContain("updated 2012");
        assertThat(content.select("span")).noneMatch(span -> span.text().contains("The council voted"));
    }

    @Test
    void anArticleThatOnlyAScriptHoldsIsReadFromTheScript() {
        // A single-page application hydrates the body from JSON; the markup has only a shell. Here the HTML is escaped
        // twice, as in Next.js flight data, next to a shorter teaser string.
        String body = jsonString(jsonString(("<p class=\"editor-p\">" + PARAGRAPH + "</p>").repeat(3)));
        String html = "<html><body><div id=root><a href=/>Home</a></div><script>self.__next_f.push([1,\"teaser\"]);"
                + "self.__next_f.push([1,\"" + body + "\"])</script><script src=/app.js></script></body></html>";

        String text = extract(html);

        assertThat(text).contains("The council voted").doesNotContain("editor-p", "u003c", "teaser", "Home")
                .hasSizeGreaterThan(3 * PARAGRAPH.length());
    }

    @Test
    void markupNestedThousandsDeepIsFlattenedAtTheCapAndKeepsItsText() {
        // Hostile or broken markup: the extractor's per-element measures grow with the cube of the nesting depth.
        String html = "<html><body><article>" + "<div><span>".repeat(3000) + PARAGRAPH + " " + PARAGRAPH
                + "</article></body></html>";

        Document page = PageHtml.parse(html, "");
        int deepest = page.getAllElements().stream().mapToInt(e -> e.parents().size()).max().orElseThrow();

        assertThat(deepest).isLessThanOrEqualTo(PageHtml.MAX_DEPTH);
        assertThat(extract(html)).contains("The council voted", "every school in the district");
    }

    /** The text as a JSON string literal's content, with markup escaped as JSON encoders for scripts do. */
    private static String jsonString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c").replace(">", "\\u003e");
    }

    private static String extract(String html) {
        ArticleExtractor.Extraction extraction = ArticleExtractor.extract(PageHtml.parse(html, ""), () -> PageHtml.parse(html, ""));
        assertThat(extraction).isNotNull();
        return extraction.content().text();
    }
}
