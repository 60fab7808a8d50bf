package dev.newsroom.platform.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.EntityType;
import dev.newsroom.schemas.Mention;
import dev.newsroom.schemas.fixtures.SampleRecords;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NinjsWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anArticleBecomesValidNinjsWithTheFieldsDownstreamSitesRead() throws Exception {
        Article article = SampleRecords.article();

        String json = NinjsWriter.toJson(NinjsWriter.article(article));
        JsonNode ninjs = JSON.readTree(json);

        assertThat(NinjsSchemaValidator.problems(json)).isEmpty();
        assertThat(json).doesNotContain("\n");
        assertThat(ninjs.get("type").asText()).isEqualTo("text");
        assertThat(ninjs.get("version").asText()).isEqualTo("1");
        assertThat(ninjs.get("firstcreated").asText()).isEqualTo("2025-12-14T07:30:00Z");
        assertThat(ninjs.get("versioncreated").asText()).as("no update time: the publication time")
                .isEqualTo("2025-12-14T07:30:00Z");
        assertThat(ninjs.get("language").asText()).isEqualTo("ar");
        assertThat(ninjs.at("/headlines/0/role").asText()).isEqualTo("main");
        assertThat(ninjs.at("/headlines/0/value").asText()).isEqualTo(article.getHeadline());
        assertThat(ninjs.at("/bodies/0/contenttype").asText()).isEqualTo("text/html");
        assertThat(ninjs.at("/bodies/0/value").asText()).contains("<h2>هجوم تدمر: تفاصيل الحادثة وما خلفها</h2>");
        assertThat(ninjs.get("by").asText()).isEqualTo("فريق التحرير");
        assertThat(ninjs.at("/altids/0/role").asText()).isEqualTo("url");
        assertThat(ninjs.at("/associations/0/type").asText()).isEqualTo("picture");
        assertThat(ninjs.has("descriptions")).as("the source had no summary").isFalse();
    }

    @Test
    void updatedTimeWinsForVersionCreatedAndASummaryBecomesADescription() throws Exception {
        Article article = Article.newBuilder(SampleRecords.article())
                .setUpdatedAt(Instant.parse("2025-12-14T09:05:30.250Z"))
                .setSummary("كشف الهجوم عن تعاون أمني.")
                .build();

        JsonNode ninjs = JSON.readTree(NinjsWriter.toJson(NinjsWriter.article(article)));

        assertThat(ninjs.get("versioncreated").asText()).isEqualTo("2025-12-14T09:05:30Z");
        assertThat(ninjs.at("/descriptions/0/role").asText()).isEqualTo("summary");
        assertThat(ninjs.at("/descriptions/0/value").asText()).isEqualTo("كشف الهجوم عن تعاون أمني.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "akhbar.example:9f2c", "id with spaces/و عربي", "https://akhbar.example/a?b=1"})
    void everyArticleIdBecomesAUri(String id) {
        Article article = Article.newBuilder(SampleRecords.article()).setId(id).build();

        String json = NinjsWriter.toJson(NinjsWriter.article(article));

        assertThat(NinjsSchemaValidator.problems(json)).isEmpty();
        assertThat(NinjsWriter.uriFor(id)).isEqualTo(NinjsWriter.uriFor(id));
    }

    @Test
    void anEnrichedArticleListsPeopleOrganisationsPlacesAndSubjectsAndStaysValid() throws Exception {
        EnrichedArticle sample = SampleRecords.enriched();
        List<Entity> entities = new ArrayList<>(sample.getEntities());
        entities.add(Entity.newBuilder().setType(EntityType.PERSON).setName("Donald Trump").setLocalName("دونالد ترامب")
                .setUri("http://www.wikidata.org/entity/Q22686").setConfidence(0.95).setSalience(0.3)
                .setMentions(List.of(new Mention(4, 10, 21, "دونالد ترامب"))).build());
        entities.add(Entity.newBuilder().setType(EntityType.ORGANISATION).setName("Islamic State").setConfidence(0.9)
                .setSalience(0.75).setMentions(List.of(new Mention(2, 0, 4, "داعش"))).build());
        EnrichedArticle enriched = EnrichedArticle.newBuilder(sample).setEntities(entities).build();

        String json = NinjsWriter.toJson(NinjsWriter.enriched(enriched));
        JsonNode ninjs = JSON.readTree(json);

        assertThat(NinjsSchemaValidator.problems(json)).isEmpty();
        assertThat(ninjs.at("/places/0/name").asText()).isEqualTo("Palmyra");
        assertThat(ninjs.at("/places/0/rel").asText()).isEqualTo("about");
        assertThat(ninjs.at("/places/0/literal").asText()).isEqualTo("تدمر");
        assertThat(ninjs.at("/places/0/uri").asText()).isEqualTo("http://www.wikidata.org/entity/Q5690");
        assertThat(ninjs.at("/people/0/rel").asText()).isEqualTo("mentions");
        assertThat(ninjs.at("/organisations/0/rel").asText()).as("0.75 is within reach of the top salience 0.8")
                .isEqualTo("about");
        assertThat(ninjs.at("/organisations/0").has("uri")).as("no verified id, no uri").isFalse();
        assertThat(ninjs.at("/subjects/0/uri").asText()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/16000000");
        assertThat(ninjs.at("/subjects/0/relevance").asInt()).isEqualTo(92);
        assertThat(ninjs.get("slugline").asText()).isEqualTo(enriched.getSlug());
        assertThat(ninjs.at("/descriptions/0/role").asText()).isEqualTo("summary-generated");
    }

    @Test
    void theValidatorRejectsWhatIsNotNinjs() {
        assertThat(NinjsSchemaValidator.problems("{\"type\": \"text\"}")).as("uri is required").isNotEmpty();
        assertThat(NinjsSchemaValidator.problems("{\"uri\": \"urn:x\", \"pubstatus\": \"live\"}")).isNotEmpty();
        assertThat(NinjsSchemaValidator.problems("{\"uri\": \"urn:x\", \"versioncreated\": \"yesterday\"}"))
                .as("date-time format is asserted").isNotEmpty();
    }

    @Test
    void iptcsOwnExamplesAreValidSoTheValidatorIsNotTooStrict() throws Exception {
        for (String name : List.of("example-001_simple_example.json", "example-004_simple_text_article.json",
                "example-005_complex_text_article.json")) {
            try (InputStream in = getClass().getResourceAsStream("/ninjs-examples/" + name)) {
                assertThat(NinjsSchemaValidator.problems(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .as(name).isEmpty();
            }
        }
    }
}
