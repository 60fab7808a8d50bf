package dev.newsroom.ingest.parse.charset;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.TextSamples;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.ingest.parse.document.RejectedDocumentException.Reason;
import dev.newsroom.ingest.parse.text.TextNormalizer;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.newsroom.ingest.parse.Fixtures.input;
import static dev.newsroom.ingest.parse.Fixtures.parse;
import static dev.newsroom.ingest.parse.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    @ValueSource(strings = {"ja.wikipedia", "ko.wikipedia", "zh.wikipedia", "zh-Hans.udhr", "zh-Hant.udhr", "th.wikipedia",
            "lo.udhr", "km.udhr", "hi.wikipedia", "bn.udhr", "ta.udhr", "he.wikipedia", "yi.udhr", "el.wikipedia", "ru.wikipedia",
            "uk.udhr", "bg.udhr", "hy.udhr", "ka.udhr", "am.udhr", "ar.wikipedia", "fa.wikipedia", "ur.udhr", "vi.wikipedia",
            "fr.wikipedia", "de.wikipedia", "cs.wikipedia", "tr.wikipedia"})
    void everyScriptIsPlausibleInUtf8WhateverWasDeclared(String sample) {
        String text = TextSamples.text(sample);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (String declared : new String[] {null, "UTF-8", "ISO-8859-1", "windows-1252"}) {
            CharsetResolver.Decoded decoded = CharsetResolver.decode(bytes, declared, "Document '" + sample + "'");
            assertThat(decoded.charset()).as("declared %s", declared).isEqualTo(StandardCharsets.UTF_8);
            assertThat(decoded.text()).isEqualTo(text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ja.wikipedia", "ko.wikipedia", "zh.wikipedia", "th.wikipedia", "hi.wikipedia", "he.wikipedia",
            "el.wikipedia", "ru.wikipedia", "ar.wikipedia", "fa.wikipedia"})
    void plainTextInEveryScriptGoesThroughTheParser(String sample) {
        byte[] bytes = TextSamples.text(sample).getBytes(StandardCharsets.UTF_8);
        ParsedDocument document = parse(input(sample, "text/plain", null, bytes));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(blockTexts(document.articles().get(0))).containsExactlyElementsOf(normalised(TextSamples.paragraphs(sample)));
    }

    @Test
    void persianKeepsItsZeroWidthNonJoiners() {
        String text = TextSamples.text("fa.wikipedia");
        assertThat(text).contains("\u200C");
        CharsetResolver.Decoded decoded = CharsetResolver.decode(text.getBytes(StandardCharsets.UTF_8), null, "Document 'fa'");
        assertThat(decoded.text()).isEqualTo(text);
    }

    @Test
    void emojiAmongTheWordsArePlausible() {
        String post = "🚀🔴 " + TextSamples.paragraphs("ja.wikipedia").get(0).substring(0, 60) + " 👩‍🚀🇯🇵 #火星 🔭✨\n"
                + "🔥🔥🔥 " + TextSamples.paragraphs("ru.wikipedia").get(0).substring(0, 50) + " 👍🏽😂\n"
                + "مرحبا 🌙⭐ " + TextSamples.paragraphs("ar.wikipedia").get(0).substring(0, 40) + " ❤️";
        ParsedDocument document = parse(input("post", "text/plain", null, post.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Fixtures.allText(document.articles().get(0))).contains("👩‍🚀🇯🇵", "👍🏽😂", "🌙⭐");
    }

    /** Japanese and Chinese writers use box drawing as a dash and a separator; in UTF-8 that is text like any other. */
    @Test
    void fullWidthLatinAmongChineseIsPlausibleEvenBesideAFewMalformedBytes() {
        // A Chinese page names products and agencies in full-width Latin ("ｉＰａｄ", "ＰＰＩ"); a cut character or two
        // must not make its UTF-8 look like a misread code page.
        String text = "<p>" + TextSamples.paragraphs("zh.wikipedia").get(0).substring(0, 120)
                + " 苹果ｉＰａｄ和ｉＰｈｏｎｅ销量，ＰＰＩ与ＣＰＩ数据，ＧＤＰ增速，ＡＰＰ下载量。</p>";
        byte[] bytes = (text + "x").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xE4;
        CharsetResolver.Decoded decoded = CharsetResolver.decode(bytes, "utf-8", "Document 'zh'");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).startsWith(text);
    }

    /**
     * A page that holds U+FFFD itself (a stylesheet a build tool wrote them into, a CMS that saved a broken character)
     * is valid UTF-8: the character is spelt out in the bytes, nothing was replaced in decoding.
     */
    @Test
    void replacementCharactersWrittenInTheBytesAreText() {
        List<String> paragraphs = TextSamples.paragraphs("cs.wikipedia");
        String style = ".z-\\[" + "\uFFFD".repeat(34) + "]{}";
        String page = "<html><head><meta charset=\"utf-8\"><style>" + style + "</style></head><body><article><p>"
                + String.join("</p><p>", paragraphs.subList(0, 4)) + " \uFFFD</p></article></body></html>";

        ParsedDocument document = parse(input("cs-page", "text/html", "https://news.example/cs/1",
                page.getBytes(StandardCharsets.UTF_8)));

        assertThat(document.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(texts(document.articles().get(0), BlockKind.PARAGRAPH)).containsAll(normalised(paragraphs.subList(0, 3)));
    }

    @Test
    void tenMalformedSequencesInAShortTextRuleOutUtf8() {
        List<String> paragraphs = TextSamples.paragraphs("cs.wikipedia");
        String page = "<html><body><p>" + paragraphs.get(0) + "</p></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        int broken = 0;
        for (int i = page.indexOf("<p>"); i < bytes.length && broken < 10; i++) {
            if ((bytes[i] & 0xC0) == 0xC0) {
                bytes[i] = (byte) 0xFF;
                broken++;
            }
        }
        assertThat(broken).isEqualTo(10);
        try {
            assertThat(CharsetResolver.decode(bytes, "utf-8", "Document 'cs'").charset()).isNotEqualTo(StandardCharsets.UTF_8);
        } catch (RejectedDocumentException e) {
            assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE);
        }
    }

    @Test
    void boxDrawingDashesAndSeparatorsAreFineInUtf8() {
        List<String> paragraphs = TextSamples.paragraphs("ja.wikipedia");
        String text = "────────────\n" + paragraphs.get(1).replace("。", "──") + "\n────────────\n"
                + paragraphs.get(2).replace("、", "─") + "\n────────────";
        CharsetResolver.Decoded decoded = CharsetResolver.decode(text.getBytes(StandardCharsets.UTF_8), null, "Document 'ja'");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.text()).isEqualTo(text);
    }

    /**
     * Text once decoded with the wrong code page and saved again as UTF-8: valid UTF-8, but not writing. Bytes the code
     * page leaves unmapped are dropped, as most converters do.
     */
    @ParameterizedTest(name = "{0} read as {1}")
    @CsvSource({"ru.wikipedia, windows-1251", "ar.wikipedia, windows-1256", "el.wikipedia, windows-1251", "ja.wikipedia, windows-1256",
            "ru.wikipedia, ISO-8859-1", "zh.wikipedia, ISO-8859-1"})
    void utf8ThatWasReadWithTheWrongCodePageAndSavedAgainIsRejected(String sample, String codePage) {
        String garbled = new String(TextSamples.text(sample).getBytes(StandardCharsets.UTF_8), Charset.forName(codePage)).replace("\uFFFD", "");
        RawInput raw = input("garbled", "text/plain", null, garbled.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> parse(raw)).isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE);
            assertThat(e.getMessage()).startsWith("Document 'garbled' (text/plain) cannot be decoded as text: decoded as UTF-8 it is not text (");
        });
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
