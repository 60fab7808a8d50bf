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

class EnrichAndTagCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = Path.of("..", "samples", "000_5ae1655f0e8fde34.txt").toString();

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

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    @Test
    void enrichPrintsValidNinjsWithTheSeedsPeoplePlacesOrganisationsAndSections() throws Exception {
        CommandLineRun run = CommandLineRun.of("enrich", SEED);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode article = lines(run.out()).get(0);
        assertThat(NinjsSchemaValidator.problems(article.toString())).isEmpty();
        assertThat(article.get("language").asText()).isEqualTo("ar");
        assertThat(names(article.path("people"))).contains("Donald Trump", "Tom Barrack", "Elias Hanna");
        assertThat(names(article.path("places"))).contains("Palmyra", "Homs", "Damascus", "Syria");
        assertThat(names(article.path("organisations"))).contains("Islamic State", "US Central Command");
        List<String> topThree = new ArrayList<>();
        for (int i = 0; i < 3 && i < article.path("subjects").size(); i++) {
            topThree.add(article.path("subjects").get(i).path("uri").asText());
        }
        assertThat(topThree).contains("http://cv.iptc.org/newscodes/mediatopic/16000000",
                "http://cv.iptc.org/newscodes/mediatopic/11000000");
        JsonNode trump = null;
        for (JsonNode person : article.path("people")) {
            if (person.path("name").asText().equals("Donald Trump")) {
                trump = person;
            }
        }
        assertThat(trump).isNotNull();
        assertThat(trump.path("literal").asText()).isIn("دونالد ترامب", "ترامب");
        assertThat(trump.path("rel").asText()).isIn("about", "mentions");
    }

    @Test
    void tagGivesCodePointOffsetsIntoEachLine() throws Exception {
        String first = "قال الرئيس دونالد ترامب في واشنطن إن القوات ستبقى في سوريا";
        String second = "Palmyra lies in the desert east of Homs.";
        Path text = Files.writeString(dir.resolve("lines.txt"), first + "\n" + second + "\n");

        CommandLineRun run = CommandLineRun.of("tag", "--lines", text.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> documents = lines(run.out());
        assertThat(documents).hasSize(2);
        assertThat(documents.get(0).get("language").asText()).isEqualTo("ar");
        assertThat(documents.get(1).get("language").asText()).isEqualTo("en");
        List<String> lineTexts = List.of(first, second);
        for (int d = 0; d < 2; d++) {
            String line = lineTexts.get(d);
            for (JsonNode mention : documents.get(d).get("mentions")) {
                int start = line.offsetByCodePoints(0, mention.get("start").asInt());
                int end = line.offsetByCodePoints(0, mention.get("end").asInt());
                assertThat(line.substring(start, end)).isEqualTo(mention.get("text").asText());
                assertThat(mention.get("type").asText()).isIn("PERSON", "ORGANISATION", "PLACE", "EVENT", "OTHER");
            }
        }
        assertThat(names(documents.get(0).get("mentions"))).contains("Donald Trump", "Syria");
        assertThat(names(documents.get(1).get("mentions"))).contains("Palmyra", "Homs");
    }

    @Test
    void evalScoresAConllFileByTypeAndOverall() throws Exception {
        Path conll = Files.writeString(dir.resolve("tiny.conll"), String.join("\n",
                "قال\tO", "الرئيس\tO", "دونالد\tB-Politician", "ترامب\tI-Politician", "في\tO", "دمشق\tB-Population-Center",
                "", "زار\tO", "الوفد\tO", "القاهرة\tB-Population-Center", "") + "\n");

        CommandLineRun run = CommandLineRun.of("eval", "ner", "--conll", conll.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PERSON").contains("PLACE").contains("overall");
    }
}
