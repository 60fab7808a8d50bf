package dev.newsroom.ingest.parse;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static dev.newsroom.ingest.parse.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Valid UTF-8 is plausible text in any script, however the script mixes with others. */
class Utf8ScriptsTest {

    private static List<String> normalised(List<String> paragraphs) {
        return paragraphs.stream().map(TextNormalizer::normalize).toList();
    }

    /** Every block's text: the plain-text reader may take a short paragraph for a subheading, which is not what is tested here. */
    private static List<String> blockTexts(Article article) {
        return article.getBlocks().stream().map(BodyBlock::getText).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ja.wikipedia", "ko.wikipedia", "zh.wikipedia"})
    void cjkPlainTextIsReadAsUtf8(String sample) {
        byte[] bytes = TextSamples.text(sample).getBytes(StandardCharsets.UTF_8);
        ParsedDocument document = parse(input(sample, "text/plain", null, bytes));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(blockTexts(document.articles().get(0))).containsExactlyElementsOf(normalised(TextSamples.paragraphs(sample)));
    }

    @ParameterizedTest(name = "{0} page, meta charset {1}")
    @CsvSource({
            "ja, utf-8", "ja, ", "ja, Shift_JIS",
            "ko, utf-8", "ko, ", "ko, EUC-KR"})
    void cjkNewsPagesAreReadAsUtf8(String language, String metaCharset) {
        NewsPage page = NewsPage.of(language);
        byte[] bytes = page.html(metaCharset).getBytes(StandardCharsets.UTF_8);
        ParsedDocument document = parse(input(language + "-page", "text/html", "https://news.example/" + language + "/1", bytes));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
        Article article = document.articles().get(0);
        assertThat(article.getHeadline()).isEqualTo(page.headline());
        assertThat(texts(article, BlockKind.PARAGRAPH)).containsAll(normalised(page.paragraphs()));
    }

    /**
     * A news page as sites in Japan and Korea build them: navigation, byline and related links in the language mixed
     * with Latin, digits and full-width punctuation around an article of real prose.
     */
    record NewsPage(String language, String site, List<String> navigation, String headline, String byline,
                    List<String> paragraphs, List<String> related, String footer) {

        static NewsPage of(String language) {
            return switch (language) {
                case "ja" -> new NewsPage("ja", "Example新聞", List.of("ニュース", "経済", "サイエンス", "スポーツ", "English"),
                        "火星、太陽系で2番目に小さい惑星", "2024年5月1日 10:30 ｜ 科学部",
                        TextSamples.paragraphs("ja.wikipedia"),
                        List.of("NASAの新型ローバー、2026年打ち上げへ", "「はやぶさ2」が持ち帰った試料を公開"),
                        "© 2024 Example新聞社 All Rights Reserved.");
                case "ko" -> new NewsPage("ko", "Example일보", List.of("뉴스", "경제", "과학", "스포츠", "English"),
                        "화성, 태양계의 4번째 행성", "2024.05.01 10:30 | 과학부 기자",
                        TextSamples.paragraphs("ko.wikipedia"),
                        List.of("NASA 새 탐사선, 2026년 발사 예정", "K-우주항공청, 달 탐사 계획 발표"),
                        "Copyright © Example일보. All rights reserved.");
                default -> throw new IllegalArgumentException(language);
            };
        }

        String html(String metaCharset) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n");
            if (metaCharset != null) {
                html.append("<meta charset=\"").append(metaCharset).append("\">\n");
            }
            html.append("<title>").append(headline).append("｜").append(site).append("</title>\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>\n")
                    .append("</head>\n<body>\n<header><a class=\"logo\" href=\"/\">").append(site).append("</a><nav><ul>");
            for (String item : navigation) {
                html.append("<li><a href=\"/").append(Math.abs(item.hashCode())).append("\">").append(item).append("</a></li>");
            }
            html.append("</ul></nav></header>\n<main>\n<article>\n<h1>").append(headline).append("</h1>\n<p class=\"byline\">")
                    .append(byline).append("</p>\n");
            for (String paragraph : paragraphs) {
                html.append("<p>").append(paragraph).append("</p>\n");
            }
            html.append("</article>\n<aside><ul>");
            for (String link : related) {
                html.append("<li><a href=\"/").append(Math.abs(link.hashCode())).append("\">").append(link).append("</a></li>");
            }
            return html.append("</ul></aside>\n</main>\n<footer>").append(footer).append("</footer>\n</body>\n</html>\n").toString();
        }
    }
}
