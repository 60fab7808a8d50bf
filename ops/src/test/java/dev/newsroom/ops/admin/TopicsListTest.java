package dev.newsroom.ops.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsListTest {

    @TempDir
    Path dir;

    @Test
    void theCatalogueIsListedAsATableOrAsJsonWithTheNamesAClientConfigGives() throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"), "newsroom.topic.raw=acme.raw\n");

        CommandLineRun table = CommandLineRun.of("topics", "list", "--client-config", config.toString());
        CommandLineRun json = CommandLineRun.of("topics", "list", "--json", "--client-config", config.toString());

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("raw\\s+acme\\.raw\\s+RawDocument")
                .containsPattern("publish-redrive\\s+newsroom\\.publish\\.redrive\\.v1\\s+PublishedArticle");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode topics = new ObjectMapper().readTree(json.out());
        assertThat(topics).hasSize(TopicId.values().length);
        assertThat(topics.get(0).get("role").asText()).isEqualTo("raw");
        assertThat(topics.get(0).get("topic").asText()).isEqualTo("acme.raw");
        assertThat(topics.get(0).get("value").asText()).isEqualTo("RawDocument");
        assertThat(topics.findValues("topic")).extracting(JsonNode::asText).contains("newsroom.deadletter.v1");
    }

    @Test
    void createRefusesAReplicationFactorOfZeroBeforeConnecting() {
        CommandLineRun run = CommandLineRun.of("topics", "create", "--replication-factor", "0",
                "--bootstrap-servers", "127.0.0.1:1");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--replication-factor must be -1 (the cluster's default.replication.factor)"
                + " or at least 1, not 0");
    }
}
