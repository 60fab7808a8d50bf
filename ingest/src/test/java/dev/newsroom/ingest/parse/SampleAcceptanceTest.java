package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.body.HtmlSafety;
import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.draft.ArticleAssembler;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.MediaKind;
import dev.newsroom.schemas.TextDirection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.newsroom.ingest.parse.Fixtures.SEED_HEADINGS;
import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static dev.newsroom.ingest.parse.Fixtures.sample;
import static dev.newsroom.ingest.parse.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** What samples/README.md promises a user for each sample. */
class SampleAcceptanceTest {

    private static final String CANONICAL = "https://akhbar.example/2025/12/14/palmyra-attack-us-syria/";
    private static final String HEADLINE = "هجوم تدمر يكشف ملامح تعاون أمريكي سوري في مكافحة الإرهاب";
    private static final List<String> PAGE_JUNK = List.of("شاركها", "اترك تعليقاً", "Exit mobile version", "اقرأ أيضاً",
            "واشنطن ترفع دفعة جديدة", "إعلان", "الوسوم", "مقالات ذات صلة", "اجتماع للتحالف الدولي", "الأكثر قراءة",
            "سعر صرف الدولار", "النشرة البريدية", "جميع الحقوق محفوظة", "تسجيل الدخول", "أسعار الذهب", "الرئيسية",
            "فيسبوك", "لن يتم نشر عنوان بريدك", "ظهرت المقالة", "googletag", "بواسطة", "دقائق للقراءة");

    private static void assertSeedStructure(Article article) {
        assertThat(texts(article, BlockKind.HEADING)).containsExactlyElementsOf(SEED_HEADINGS);
        List<String> paragraphs = texts(article, BlockKind.PARAGRAPH);
        assertThat(paragraphs).hasSize(10);
        assertThat(paragraphs.get(0)).startsWith("في خضم التوترات");
        assertThat(paragraphs.get(9)).startsWith("في الختام");
        assertThat(article.getBlocks()).allSatisfy(block -> assertThat(block.getKind()).isIn(BlockKind.HEADING, BlockKind.PARAGRAPH));
        assertThat(article.getDirection()).isEqualTo(TextDirection.rtl);
        String everything = Fixtures.allText(article) + article.getBodyHtml();
        for (String junk : PAGE_JUNK) {
            assertThat(everything).as("junk '%s' removed", junk).doesNotContain(junk);
        }
        assertThat(article.getBodyHtml()).contains("<h2>هجوم تدمر: تفاصيل الحادثة وما خلفها</h2>").startsWith("<");
    }

    @Nested
    class SeedAsPlainText {
        private final ParsedDocument document = parse(input("seed", "text/plain; charset=utf-8", null, sample(Fixtures.SEED)));
        private final Article article = document.articles().get(0);

        @Test
        void hasTheSevenSubheadingsAndTenParagraphsWithoutTheTrailingJunk() {
            assertThat(document.format()).isEqualTo(InputFormat.TEXT);
            assertThat(document.articles()).hasSize(1);
            assertSeedStructure(article);
        }

        @Test
        void languageIsUndeclaredButTheDirectionComesFromTheScript() {
            assertThat(article.getLanguage()).isNull();
            assertThat(article.getDirection()).isEqualTo(TextDirection.rtl);
        }

        @Test
        void headlineIsDerivedFromTheLeadAndMarked() {
            assertThat(article.getHeadlineDerived()).isTrue();
            assertThat(article.getHeadline()).startsWith("في خضم التوترات الإقليمية المتصاعدة");
            assertThat(article.getHeadline().length()).isLessThanOrEqualTo(ArticleAssembler.DERIVED_HEADLINE_MAX_CHARS + 1);
        }

        @Test
        void withoutGuidOrUrlTheIdIsSourcePlusContentHash() {
            assertThat(article.getId()).isEqualTo("test-source:" + article.getContentHash());
            assertThat(article.getContentHash()).hasSize(64).matches("[0-9a-f]+");
            assertThat(article.getCanonicalUrl()).isNull();
            assertThat(article.getSummary()).isNull();
        }

        @Test
        void lineageNamesTheRawRecordAndTheFormat() {
            assertThat(article.getLineage().getRawTopic()).isEqualTo("newsroom.raw.v1");
            assertThat(article.getLineage().getRawPartition()).isEqualTo(3);
            assertThat(article.getLineage().getRawOffset()).isEqualTo(42L);
            assertThat(article.getLineage().getDocumentId()).isEqualTo("doc-1");
            assertThat(article.getLineage().getFormat()).isEqualTo("text");
            assertThat(article.getLineage().getIngestVersion()).isEqualTo(ParserLimits.DEFAULT_INGEST_VERSION);
            assertThat(article.getLineage().getIngestedAt()).as("the caller's stamp").isEqualTo(Fixtures.INGESTED_AT);
            assertThat(article.getVersion()).isEqualTo(1);
            assertThat(article.getSource()).isEqualTo("test-source");
        }
    }

    @Test
    void anUnstampedLineageGetsTheParseTime() {
        Lineage stamped = Fixtures.lineage();
        Lineage unstamped = new Lineage();
        for (var field : Lineage.getClassSchema().getFields()) {
            if (!field.name().equals("ingestedAt")) {
                unstamped.put(field.pos(), stamped.get(field.pos()));
            }
        }
        // The lineage keeps milliseconds (Avro timestamp-millis), so the bound does too.
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Article article = new DocumentParser().parse(input("seed", "text/plain", Fixtures.sampleText(Fixtures.SEED)), unstamped).articles().get(0);
        assertThat(article.getLineage().getIngestedAt()).isBetween(before, Instant.now());
    }

    @Nested
    class ArabicPage {
        private final Article article = parse(input("page", "text/html", "https://akhbar.example/?p=48213",
                sample("page-ar-palmyra.html"))).articles().get(0);

        @Test
        void bodyIsTheArticleAloneWithItsStructure() {
            assertSeedStructure(article);
        }

        @Test
        void metadataComesFromJsonLdOpenGraphAndLinks() {
            assertThat(article.getHeadline()).isEqualTo(HEADLINE);
            assertThat(article.getHeadlineDerived()).isFalse();
            assertThat(article.getByline()).containsExactly("فريق التحرير");
            assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
            assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2025-12-14T09:05:00Z"));
            assertThat(article.getCanonicalUrl()).isEqualTo(CANONICAL);
            assertThat(article.getLanguage()).isEqualTo("ar");
            assertThat(article.getSummary()).startsWith("هجوم استهدف دورية أمريكية سورية مشتركة");
            assertThat(article.getCategories()).contains("سياسة", "سوريا", "تدمر");
        }

        @Test
        void leadImageIsMediaWithItsCaption() {
            assertThat(article.getMedia()).hasSize(1);
            assertThat(article.getMedia().get(0).getKind()).isEqualTo(MediaKind.IMAGE);
            assertThat(article.getMedia().get(0).getUrl()).isEqualTo("https://akhbar.example/wp-content/uploads/2025/12/palmyra.jpg");
            assertThat(article.getMedia().get(0).getCaption()).isEqualTo("آليات عسكرية قرب مدينة تدمر بريف حمص (أرشيف)");
            assertThat(article.getBodyHtml()).startsWith("<figure><img src=\"https://akhbar.example/wp-content/uploads/2025/12/palmyra.jpg\"");
        }

        @Test
        void bodyHtmlHasNoScriptsFormsOrHandlers() {
            assertThat(Jsoup.isValid(article.getBodyHtml(), HtmlSafety.safelist())).isTrue();
            assertThat(article.getBodyHtml()).doesNotContain("<script", "<form", "onclick", "googletag", "<div");
        }
    }

    @Nested
    class ArabicFeed {
        private final ParsedDocument document = parse(input("feed-ar", "application/rss+xml", null, sample("feed-ar.rss")));

        @Test
        void yieldsOneArticlePerItem() {
            assertThat(document.format()).isEqualTo(InputFormat.RSS);
            assertThat(document.articles()).extracting(Article::getHeadline).containsExactly(HEADLINE,
                    "البنك المركزي المصري يثبت أسعار الفائدة للمرة الثالثة على التوالي",
                    "المغرب يهزم السنغال ويتأهل إلى نهائي كأس أمم أفريقيا");
            assertThat(document.articles()).extracting(a -> a.getLineage().getItemIndex()).containsExactly(0, 1, 2);
            assertThat(document.rejectedItems()).isEmpty();
        }

        @Test
        void firstItemIsTheSameArticleWithoutTheFeedFooter() {
            Article article = document.articles().get(0);
            assertSeedStructure(article);
            assertThat(article.getByline()).containsExactly("فريق التحرير");
            assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T07:30:00Z"));
            assertThat(article.getCanonicalUrl()).isEqualTo(CANONICAL);
            assertThat(article.getLanguage()).isEqualTo("ar");
            assertThat(article.getCategories()).containsExactly("سياسة", "سوريا");
            assertThat(article.getSummary()).startsWith("في خضم التوترات").endsWith("[…]");
            assertThat(article.getAltIds()).anySatisfy(altId -> {
                assertThat(altId.getRole()).isEqualTo("guid");
                assertThat(altId.getValue()).isEqualTo("https://akhbar.example/?p=48213");
            });
        }

        @Test
        void footerIsRemovedFromEveryItem() {
            assertThat(document.articles()).allSatisfy(article -> assertThat(article.getBodyHtml()).doesNotContain("ظهرت المقالة"));
        }

        @Test
        void pageAndFeedItemConvergeOnOneArticleId() {
            Article page = parse(input("page", "text/html", null, sample("page-ar-palmyra.html"))).articles().get(0);
            assertThat(document.articles().get(0).getId()).isEqualTo(page.getId()).isEqualTo(CANONICAL);
        }
    }

    @Nested
    class EnglishAtom {
        private final ParsedDocument document = parse(input("feed-en", "application/atom+xml", null, sample("feed-en.atom")));

        @Test
        void wireStoryLosesScriptHandlerPixelAndReadMoreLine() {
            Article article = document.articles().get(0);
            assertThat(article.getBodyHtml()).doesNotContain("<script", "track(", "onload", "pixel.gif", "Read more", "<img");
            assertThat(Fixtures.allText(article)).doesNotContain("Read more", "What lifting sanctions means");
            assertThat(texts(article, BlockKind.PARAGRAPH)).hasSize(4).first().asString().startsWith("DAMASCUS (Example Wire)");
            assertThat(article.getMedia()).isEmpty();
        }

        @Test
        void wireStoryMetadata() {
            Article article = document.articles().get(0);
            assertThat(article.getId()).isEqualTo("tag:wire.example,2025:world/palmyra-attack-7731");
            assertThat(article.getCanonicalUrl()).isEqualTo("https://wire.example/world/2025/12/14/palmyra-attack");
            assertThat(article.getLanguage()).isEqualTo("en");
            assertThat(article.getDirection()).isEqualTo(TextDirection.ltr);
            assertThat(article.getByline()).containsExactly("Staff Reporter");
            assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-13T18:02:00Z"));
            assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2025-12-14T09:45:00Z"));
            assertThat(article.getCategories()).containsExactly("World", "Middle East");
            assertThat(article.getSummary()).isEqualTo("A gunman attacked a joint U.S.–Syrian patrol in the desert near Palmyra, U.S. Central Command said.");
        }

        @Test
        void xhtmlEntryIsParsed() {
            Article article = document.articles().get(1);
            assertThat(article.getHeadline()).isEqualTo("EU agrees landmark rules for artificial intelligence in newsrooms");
            assertThat(texts(article, BlockKind.PARAGRAPH)).hasSize(2).first().asString().startsWith("BRUSSELS (Example Wire)");
            assertThat(article.getByline()).containsExactly("Anna Keller");
            assertThat(article.getSummary()).isNull();
        }
    }

    @Test
    void jsonFeedWeatherItem() {
        ParsedDocument document = parse(input("feed.json", "application/feed+json", null, sample("feed.json")));
        assertThat(document.format()).isEqualTo(InputFormat.JSONFEED);
        assertThat(document.articles()).hasSize(1);
        Article article = document.articles().get(0);
        assertThat(article.getHeadline()).isEqualTo("Winter storm brings snow to Amman and flooding to Beirut");
        assertThat(article.getId()).isEqualTo("https://weather.example/2025/12/14/storm-levant");
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getByline()).containsExactly("Weather Desk");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T06:00:00Z"));
        assertThat(article.getCategories()).containsExactly("weather", "Jordan", "Lebanon");
        assertThat(article.getSummary()).isEqualTo("Snow in Amman, floods in Beirut as storm hits the Levant.");
        assertThat(texts(article, BlockKind.PARAGRAPH)).hasSize(2).first().asString().startsWith("AMMAN — A winter storm");
    }

    @Test
    void ninjsFrenchWireItem() {
        ParsedDocument document = parse(input("wire", "application/json", null, sample("wire-ninjs.json")));
        assertThat(document.format()).isEqualTo(InputFormat.NINJS);
        assertThat(document.articles()).hasSize(1);
        Article article = document.articles().get(0);
        assertThat(article.getHeadline()).isEqualTo("L'ONU annonce l'entrée de nouveaux convois d'aide humanitaire à Gaza");
        assertThat(article.getId()).isEqualTo("urn:newsml:wire.example:20251214:fr-gaza-aid-2291");
        assertThat(article.getLanguage()).isEqualTo("fr");
        assertThat(article.getByline()).containsExactly("Service international");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-12-14T08:00:00Z"));
        assertThat(article.getUpdatedAt()).isEqualTo(Instant.parse("2025-12-14T09:30:00Z"));
        assertThat(article.getCategories()).containsExactly("aide humanitaire");
        assertThat(texts(article, BlockKind.PARAGRAPH)).containsExactly(
                "GENÈVE — Les Nations unies ont annoncé dimanche l'entrée de nouveaux convois d'aide humanitaire dans la bande de Gaza par le point de passage de Kerem Shalom.",
                "Le Programme alimentaire mondial a précisé que les camions transportaient de la farine et des médicaments destinés aux hôpitaux de Khan Younès.");
        assertThat(article.getAltIds()).extracting(a -> a.getRole() + "=" + a.getValue())
                .containsExactly("ninjs-uri=urn:newsml:wire.example:20251214:fr-gaza-aid-2291");
    }
}
