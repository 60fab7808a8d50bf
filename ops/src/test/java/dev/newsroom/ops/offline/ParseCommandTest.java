package dev.newsroom.ops.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.platform.ninjs.NinjsSchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = Path.of("..", "samples", "000_5ae1655f0e8fde34.txt").toString();
    private static final String FEED_AR = Path.of("..", "samples", "feed-ar.rss").toString();
    private static final String PAGE_AR = Path.of("..", "samples", "page-ar-palmyra.html").toString();

    @TempDir
    Path dir;

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void theSeedParsesToOneValidNinjsLineWithSubheadingsAndNoJunk() throws Exception {
        CommandLineRun run = CommandLineRun.of("parse", SEED);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> articles = lines(run.out());
        assertThat(articles).hasSize(1);
        assertThat(NinjsSchemaValidator.problems(articles.get(0).toString())).isEmpty();
        String body = articles.get(0).at("/bodies/0/value").asText();
        assertThat(body.split("<h2>", -1)).hasSize(8);
        assertThat(body.split("<p>", -1)).hasSize(11);
        assertThat(body).contains("<h2>تحليل الخبراء: تحول في السياسة الأمريكية تجاه سوريا؟</h2>")
                .doesNotContain("شاركها").doesNotContain("اترك تعليقاً").doesNotContain("Exit mobile version");
        assertThat(articles.get(0).get("type").asText()).isEqualTo("text");
    }

    @Test
    void aFeedGivesALinePerItemAndThePageMatchesItsFeedItem() throws Exception {
        CommandLineRun run = CommandLineRun.of("parse", FEED_AR, PAGE_AR);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> articles = lines(run.out());
        assertThat(articles).hasSize(4);
        JsonNode feedItem = articles.get(0);
        JsonNode page = articles.get(3);
        for (JsonNode article : List.of(feedItem, page)) {
            assertThat(NinjsSchemaValidator.problems(article.toString())).isEmpty();
            assertThat(article.at("/headlines/0/value").asText())
                    .isEqualTo("هجوم تدمر يكشف ملامح تعاون أمريكي سوري في مكافحة الإرهاب");
            assertThat(article.get("by").asText()).isEqualTo("فريق التحرير");
            assertThat(article.get("firstcreated").asText()).isEqualTo("2025-12-14T07:30:00Z");
            assertThat(article.get("language").asText()).startsWith("ar");
        }
        assertThat(page.get("uri")).isEqualTo(feedItem.get("uri"));
        assertThat(withoutFigures(page.at("/bodies/0/value").asText()))
                .as("same headings and paragraphs; the page also has its featured image")
                .isEqualTo(withoutFigures(feedItem.at("/bodies/0/value").asText()));
    }

    private static String withoutFigures(String html) {
        return html.replaceAll("<figure>.*?</figure>", "");
    }

    @Test
    void aRejectedFileIsReportedByNameWhileTheOthersAreStillParsed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "   \n");
        Path missing = dir.resolve("missing.rss");

        CommandLineRun run = CommandLineRun.of("parse", empty.toString(), SEED, missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines(run.out())).hasSize(1);
        assertThat(run.err()).contains(empty.toString()).contains(missing.toString());
    }

    @Test
    void perFileGivesOneLinePerInputWithItsItemsOrItsError() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.rss"), "<rss><channel><item><title>x");

        CommandLineRun run = CommandLineRun.of("parse", "--per-file", FEED_AR, broken.toString());

        List<JsonNode> lines = lines(run.out());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("file").asText()).isEqualTo(FEED_AR);
        assertThat(lines.get(0).get("items")).hasSize(3);
        assertThat(lines.get(0).get("error").isNull()).isTrue();
        assertThat(lines.get(1).get("items")).isEmpty();
        assertThat(lines.get(1).get("error").asText()).contains(broken.toString());
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void perFilePrintsExactlyOneLinePerFileWhateverTheOthersHold() throws Exception {
        Path channelless = Files.writeString(dir.resolve("channelless.rss"),
                "<rss><item><description>A story told in a feed that has no channel element at all.</description></item></rss>");
        Path atom03 = Files.writeString(dir.resolve("atom03.xml"), "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
                + "<entry><title mode=\"base64\">QmFzZTY0IGhlYWRsaW5l</title><issued>2004-01-01</issued></entry></feed>");
        Path loose = Files.writeString(dir.resolve("loose.rss"),
                "<rss><channel><item><title>Q&A</title><dc:creator>Ann</dc:creator></item><item></item></channel></rss>");
        Path binary = Files.write(dir.resolve("binary.bin"), new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0, 0, 7});
        Path directory = Files.createDirectory(dir.resolve("a-directory"));

        CommandLineRun run = CommandLineRun.of("parse", "--per-file", channelless.toString(), atom03.toString(),
                binary.toString(), directory.toString(), loose.toString(), FEED_AR);

        List<JsonNode> lines = lines(run.out());
        assertThat(lines).extracting(line -> line.get("file").asText()).containsExactly(channelless.toString(),
                atom03.toString(), binary.toString(), directory.toString(), loose.toString(), FEED_AR);
        assertThat(lines.get(0).get("items")).hasSize(1);
        assertThat(lines.get(1).at("/items/0/headlines/0/value").asText()).isEqualTo("Base64 headline");
        assertThat(lines.get(2).get("error").asText()).contains(binary.toString());
        assertThat(lines.get(3).get("error").asText()).contains("cannot read", directory.toString());
        JsonNode recovered = lines.get(4);
        assertThat(recovered.get("error").isNull()).isTrue();
        assertThat(recovered.at("/items/0/by").asText()).isEqualTo("Ann");
        assertThat(recovered.get("warnings").toString()).contains("bare '&'", "prefix 'dc' is not declared");
        assertThat(recovered.at("/skipped/0/item").asInt()).isEqualTo(1);
        assertThat(lines.get(5).get("items")).hasSize(3);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void typeForcesTheFormat() throws Exception {
        Path html = Files.copy(Path.of(SEED), dir.resolve("seed.html"));

        CommandLineRun run = CommandLineRun.of("parse", "--type", "text", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(lines(run.out()).get(0).at("/bodies/0/value").asText().split("<h2>", -1)).hasSize(8);
    }
}
