package dev.newsroom.ingest.parse.page;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.document.LinkedPage;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.eval.ExtractionEvaluation;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Media;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reduced page ({@link PageReducer#reduce}) gives the same article as the whole page, on the real news pages of the
 * extraction corpus from Readability's test set and the Arabic sample, and is smaller.
 */
class PageReductionTest {

    private static final Instant FETCHED_AT = Instant.parse("2026-11-28T09:00:00Z");
    static final Path CORPUS = Path.of("..", "corpora", "extraction");

    /** The Readability pages of the extraction corpus, and the Arabic sample. */
    static Stream<String> pages() {
        List<String> names = ExtractionEvaluation.corpus(CORPUS).stream().map(ExtractionEvaluation.Page::id)
                .filter(id -> id.startsWith("readability-")).toList();
        return Stream.concat(names.stream(), Stream.of("page-ar-palmyra"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void theReducedPageGivesTheSameArticleAsTheWholePage(String name) {
        LinkedPage whole = page(name);

        LinkedPage reduced = PageReducer.reduce(whole);

        Article fromWhole = article(whole);
        Article fromReduced = article(reduced);
        assertThat(reduced.payload().length).as("reduced size of %s", name).isLessThan(whole.payload().length);
        assertThat(reduced.url()).isEqualTo(whole.url());
        assertThat(reduced.fetchedUrl()).isEqualTo(whole.fetchedUrl());
        assertThat(reduced.fetchedAt()).isEqualTo(FETCHED_AT);
        assertThat(fromReduced.getHeadline()).isEqualTo(fromWhole.getHeadline());
        assertThat(fromReduced.getBlocks()).extracting(BodyBlock::getKind, BodyBlock::getText)
                .isEqualTo(fromWhole.getBlocks().stream().map(b -> org.assertj.core.groups.Tuple.tuple(b.getKind(), b.getText())).toList());
        assertThat(fromReduced.getBodyHtml()).isEqualTo(fromWhole.getBodyHtml());
        assertThat(fromReduced.getByline()).isEqualTo(fromWhole.getByline());
        assertThat(fromReduced.getPublishedAt()).isEqualTo(fromWhole.getPublishedAt());
        assertThat(fromReduced.getUpdatedAt()).isEqualTo(fromWhole.getUpdatedAt());
        assertThat(fromReduced.getSummary()).isEqualTo(fromWhole.getSummary());
        assertThat(fromReduced.getLanguage()).isEqualTo(fromWhole.getLanguage());
        assertThat(fromReduced.getCanonicalUrl()).isEqualTo(fromWhole.getCanonicalUrl());
        assertThat(fromReduced.getCategories()).isEqualTo(fromWhole.getCategories());
        assertThat(fromReduced.getMedia()).extracting(Media::getUrl).isEqualTo(fromWhole.getMedia().stream().map(Media::getUrl).toList());
        assertThat(fromReduced.getContentHash()).isEqualTo(fromWhole.getContentHash());
    }

    @Test
    void reducingIsDeterministicSoAnUnchangedPageGivesTheSameBytes() {
        LinkedPage whole = page("page-ar-palmyra");

        assertThat(PageReducer.reduce(whole).payload()).isEqualTo(PageReducer.reduce(whole).payload());
    }

    @Test
    void aPageThatIsNotHtmlOrHoldsNoArticleIsRefusedWithTheReason() {
        LinkedPage json = new LinkedPage("https://x.example/a", "https://x.example/a", "application/json", null,
                "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), FETCHED_AT);
        LinkedPage menu = new LinkedPage("https://x.example/b", "https://x.example/b", "text/html", null,
                "<html><body><nav><a href=/1>One</a> <a href=/2>Two</a></nav></body></html>".getBytes(StandardCharsets.UTF_8),
                FETCHED_AT);

        assertThatThrownBy(() -> PageReducer.reduce(json)).isInstanceOf(RejectedDocumentException.class)
                .hasMessageContaining("https://x.example/a").hasMessageContaining("is not an HTML page");
        assertThatThrownBy(() -> PageReducer.reduce(menu)).isInstanceOf(RejectedDocumentException.class)
                .hasMessageContaining("https://x.example/b").hasMessageContaining("without an article");
    }

    static LinkedPage page(String name) {
        String url = "https://news.example/" + name + "/story.html";
        return new LinkedPage(url, url, "text/html", null, bytes(name), FETCHED_AT);
    }

    static byte[] bytes(String name) {
        if (name.equals("page-ar-palmyra")) {
            return Fixtures.sample("page-ar-palmyra.html");
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(CORPUS.resolve("pages").resolve(name + ".html.gz")))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Article article(LinkedPage page) {
        RawInput input = new RawInput(page.url(), "test", page.contentType(), page.fetchedUrl(), page.charset(),
                java.util.Map.of(), page.payload(), FETCHED_AT, null);
        List<Article> articles = Fixtures.PARSER.parse(input, Fixtures.lineage()).articles();
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }
}
