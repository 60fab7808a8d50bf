package dev.newsroom.publish.feed;

import static dev.newsroom.publish.fixtures.Articles.arabic;
import static dev.newsroom.publish.fixtures.Articles.command;
import static dev.newsroom.publish.fixtures.Articles.correction;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import dev.newsroom.publish.fixtures.Articles;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.outlet.AdvisoryPolicy;
import dev.newsroom.publish.outlet.FeedOutlet;
import dev.newsroom.publish.outlet.OutletFilter;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.publication.Publisher;
import dev.newsroom.publish.state.ArticleState;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.PublishedArticle;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class FeedRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final FeedOutlet ARABIC = new FeedOutlet("feed-ar", new OutletFilter(List.of("ar"), List.of(),
            List.of()), AdvisoryPolicy.PUBLISH_WITH_ADVISORY, "أخبار سوريا", "آخر الأخبار",
            URI.create("https://akhbar.example/"), "ar", 2, null);
    private static final URI BASE = URI.create("https://feeds.akhbar.example/feeds/");

    private final Publisher publisher = new Publisher(new Outlets(List.of(ARABIC)));
    private final Map<String, ArticleState> states = new HashMap<>();

    private PublishedArticle publish(String id, Instant at) {
        ArticleState state = states.computeIfAbsent(id, key -> new ArticleState());
        return publisher.onArticle(state, arabic(id), at).published().orElseThrow();
    }

    private PublishedArticle moderate(String id, ModerationAction action, Instant at) {
        return publisher.onCommand(states.get(id), EditorCommand.of(command(id, action)), at).published().orElseThrow();
    }

    private List<FeedItem> twoArabicItems() {
        FeedContents contents = new FeedContents(ARABIC);
        contents.apply(publish("akhbar.example:one", NOW.minus(Duration.ofHours(2))));
        contents.apply(publish("akhbar.example:two", NOW.minus(Duration.ofHours(1))));
        return contents.latest();
    }

    @Test
    void rssIsValidRss2WithTheFeedsLanguageAndRightToLeftContent() throws Exception {
        byte[] rss = FeedRenderer.rss(ARABIC, twoArabicItems(), NOW);

        WireFeed parsed = new WireFeedInput().build(new StringReader(new String(rss, StandardCharsets.UTF_8)));
        assertThat(parsed.getFeedType()).isEqualTo("rss_2.0");
        Channel channel = (Channel) parsed;
        assertThat(channel.getLanguage()).isEqualTo("ar");
        assertThat(channel.getTitle()).isEqualTo("أخبار سوريا");
        assertThat(channel.getLink()).isEqualTo("https://akhbar.example/");
        assertThat(channel.getDescription()).isEqualTo("آخر الأخبار");
        assertThat(channel.getItems()).hasSize(2).allSatisfy(item -> {
            assertThat(item.getTitle()).isEqualTo(arabic("x").getArticle().getHeadline());
            assertThat(item.getGuid().isPermaLink()).isFalse();
            assertThat(item.getDescription().getValue()).startsWith("<div lang=\"ar\" dir=\"rtl\">");
            assertThat(item.getPubDate()).isNotNull();
        });
        assertThat(channel.getItems().get(0).getGuid().getValue()).as("newest first").endsWith("two");
        Element root = xml(rss).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("rss");
        assertThat(root.getAttribute("version")).isEqualTo("2.0");
    }

    @Test
    void atomIsValidAtom1WithXmlLangAndRtlOnTheFeedAndItsEntries() throws Exception {
        byte[] atom = FeedRenderer.atom(ARABIC, twoArabicItems(), NOW, BASE);

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(new String(atom, StandardCharsets.UTF_8)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("urn:newsroom:feed:feed-ar");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getOtherLinks()).anySatisfy(link -> {
            assertThat(link.getRel()).isEqualTo("self");
            assertThat(link.getHref()).isEqualTo("https://feeds.akhbar.example/feeds/feed-ar.atom");
        });
        assertThat(feed.getEntries()).hasSize(2).allSatisfy((Entry entry) -> {
            assertThat(entry.getId()).startsWith("urn:newsroom:article:");
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
            assertThat(entry.getContents().get(0).getValue()).contains("dir=\"rtl\"");
        });
        Element root = xml(atom).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("ar");
        assertThat(root.getAttribute("dir")).isEqualTo("rtl");
        var entries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertThat(entry.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("ar");
            for (String required : List.of("id", "title", "updated")) {
                assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength())
                        .as("entry has atom:" + required).isEqualTo(1);
            }
        }
    }

    @Test
    void jsonFeedIsVersion11WithLanguageOnTheFeedAndItems() throws Exception {
        JsonNode feed = JSON.readTree(FeedRenderer.jsonFeed(ARABIC, twoArabicItems(), BASE));

        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo("أخبار سوريا");
        assertThat(feed.get("home_page_url").asText()).isEqualTo("https://akhbar.example/");
        assertThat(feed.get("feed_url").asText()).isEqualTo("https://feeds.akhbar.example/feeds/feed-ar.json");
        assertThat(feed.get("language").asText()).isEqualTo("ar");
        assertThat(feed.get("items")).hasSize(2).allSatisfy(item -> {
            assertThat(item.get("id").isTextual()).isTrue();
            assertThat(item.get("content_html").asText()).startsWith("<div lang=\"ar\" dir=\"rtl\">");
            assertThat(item.get("language").asText()).isEqualTo("ar");
            assertThat(Instant.parse(item.get("date_published").asText())).isBefore(NOW);
            assertThat(item.get("url").asText()).startsWith("https://akhbar.example/");
            assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("فريق التحرير");
        });
    }

    @Test
    void killedAndWithheldArticlesDisappearAndAReleasedOneComesBack() {
        FeedContents contents = new FeedContents(ARABIC);
        contents.apply(publish("akhbar.example:one", NOW.minus(Duration.ofHours(2))));
        contents.apply(publish("akhbar.example:two", NOW.minus(Duration.ofHours(1))));

        assertThat(contents.apply(moderate("akhbar.example:one", ModerationAction.KILL, NOW))).isTrue();
        assertThat(contents.apply(moderate("akhbar.example:two", ModerationAction.HOLD, NOW))).isTrue();
        assertThat(contents.latest()).isEmpty();
        assertThat(new String(FeedRenderer.rss(ARABIC, contents.latest(), NOW), StandardCharsets.UTF_8))
                .doesNotContain("akhbar.example%3Aone").doesNotContain("<item>");

        PublishedArticle released = moderate("akhbar.example:two", ModerationAction.RELEASE, NOW.plusSeconds(60));
        assertThat(contents.apply(released)).isTrue();
        assertThat(contents.latest()).extracting(FeedItem::articleId).containsExactly("akhbar.example:two");
    }

    @Test
    void aFeedListsItsLatestItemsNewestFirstAndIgnoresOlderVersions() {
        FeedContents contents = new FeedContents(ARABIC);
        PublishedArticle first = publish("akhbar.example:one", NOW.minus(Duration.ofHours(3)));
        contents.apply(first);
        contents.apply(publish("akhbar.example:two", NOW.minus(Duration.ofHours(2))));
        contents.apply(publish("akhbar.example:three", NOW.minus(Duration.ofHours(1))));

        assertThat(contents.latest()).extracting(FeedItem::articleId)
                .containsExactly("akhbar.example:three", "akhbar.example:two");

        PublishedArticle killed = moderate("akhbar.example:three", ModerationAction.KILL, NOW);
        contents.apply(killed);
        assertThat(contents.latest()).extracting(FeedItem::articleId)
                .as("the spare item fills the gap").containsExactly("akhbar.example:two", "akhbar.example:one");
        assertThat(contents.apply(first)).as("a version already superseded").isFalse();
    }

    @Test
    void aFeedKeepsFourTimesItsLengthDroppingTheOldestAndANewVersionReplacesItsItem() {
        FeedContents contents = new FeedContents(ARABIC);
        for (int hoursAgo = 10; hoursAgo >= 1; hoursAgo--) {
            contents.apply(publish("akhbar.example:" + hoursAgo, NOW.minus(Duration.ofHours(hoursAgo))));
        }
        PublishedArticle corrected = publisher.onCommand(states.get("akhbar.example:2"),
                EditorCommand.of(correction("akhbar.example:2", "The toll was wrong.")), NOW).published().orElseThrow();
        assertThat(contents.apply(corrected)).isTrue();
        assertThat(contents.latest()).extracting(FeedItem::articleId).as("the corrected version, updated last, once")
                .containsExactly("akhbar.example:2", "akhbar.example:1");

        for (int hoursAgo = 1; hoursAgo <= 6; hoursAgo++) {
            contents.apply(moderate("akhbar.example:" + hoursAgo, ModerationAction.KILL, NOW.plusSeconds(hoursAgo)));
        }
        assertThat(contents.latest()).extracting(FeedItem::articleId)
                .as("eight kept (2 items x 4), the two oldest dropped long ago")
                .containsExactly("akhbar.example:7", "akhbar.example:8");
        contents.apply(moderate("akhbar.example:7", ModerationAction.KILL, NOW.plusSeconds(7)));
        assertThat(contents.latest()).extracting(FeedItem::articleId).containsExactly("akhbar.example:8");
    }

    @Test
    void aLeftToRightFeedHasNoRtlMarks() throws Exception {
        FeedOutlet english = new FeedOutlet("feed-en", OutletFilter.EVERYTHING, AdvisoryPolicy.PUBLISH_WITH_ADVISORY,
                "Wire", "Wire", URI.create("https://wire.example/"), "en", 10, null);
        Publisher englishPublisher = new Publisher(new Outlets(List.of(english)));
        PublishedArticle cup = englishPublisher.onArticle(new ArticleState(), Articles.english("wire:cup"), NOW)
                .published().orElseThrow();
        FeedContents contents = new FeedContents(english);
        contents.apply(cup);

        String atom = new String(FeedRenderer.atom(english, contents.latest(), NOW, null), StandardCharsets.UTF_8);

        assertThat(atom).contains("xml:lang=\"en\"").doesNotContain("dir=").contains("Local side wins the cup");
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new ByteArrayInputStream(bytes)));
    }
}
