package dev.newsroom.ops.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafkaStack
class AdminCommandsIT {

    @TempDir
    Path dir;

    /** A client config that renames every topic, so this test owns its topics. */
    private Path clientConfig(String prefix, String extra) throws IOException {
        String overrides = Stream.of(TopicId.values())
                .map(id -> id.configKey() + "=" + prefix + "." + id.defaultName())
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve("client.properties"), overrides + "\n" + extra + "\n");
    }

    @Test
    void topicsCreateMakesEveryTopicWithItsSettingsAndIsIdempotent(KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("ops");
        String[] args = {"topics", "create", "--partitions", "3",
                "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(),
                "--client-config", clientConfig(prefix, "").toString()};

        CommandLineRun first = CommandLineRun.of(args);
        CommandLineRun second = CommandLineRun.of(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(first.out()).contains("ready " + prefix + ".newsroom.published.v1");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            var names = admin.listTopics().names().get();
            for (TopicId id : TopicId.values()) {
                assertThat(names).contains(prefix + "." + id.defaultName());
            }
            var published = new ConfigResource(ConfigResource.Type.TOPIC, prefix + ".newsroom.published.v1");
            var config = admin.describeConfigs(List.of(published)).all().get().get(published);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(admin.describeTopics(List.of(prefix + ".newsroom.raw.v1")).allTopicNames().get()
                    .get(prefix + ".newsroom.raw.v1").partitions()).hasSize(3);
        }
    }

    @Test
    void schemasRegisterPutsEveryContractUnderItsTopicSubject(KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("ops");
        Path config = clientConfig(prefix, "");

        CommandLineRun register = CommandLineRun.of("schemas", "register",
                "--schema-registry-url", stack.schemaRegistryUrl(), "--client-config", config.toString());
        CommandLineRun status = CommandLineRun.of("schemas", "status",
                "--schema-registry-url", stack.schemaRegistryUrl(), "--client-config", config.toString());

        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(new SchemaRegistryClient(stack.schemaRegistryUrl()).subjects())
                .contains(prefix + ".newsroom.articles.v1-value", prefix + ".newsroom.deadletter.v1-value");
        assertThat(status.out()).contains(prefix + ".newsroom.raw.v1-value").contains("versions [1]")
                .contains("compatibility BACKWARD");
        CommandLineRun json = CommandLineRun.of("schemas", "status", "--json",
                "--schema-registry-url", stack.schemaRegistryUrl(), "--client-config", config.toString());
        JsonNode subjects = new ObjectMapper().readTree(json.out());
        assertThat(subjects).hasSize(TopicId.values().length);
        assertThat(subjects.get(0).get("subject").asText()).isEqualTo(prefix + ".newsroom.raw.v1-value");
        assertThat(subjects.get(0).get("registered").asBoolean()).isTrue();
        assertThat(subjects.get(0).get("compatibility").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void anUnreachableRegistryIsOneClearLineNamingIt() throws Exception {
        String url = "http://127.0.0.1:9/apis/ccompat/v7";
        Path config = Files.writeString(dir.resolve("fast-fail.properties"),
                "schema.registry.retry.max.ms=300\nschema.registry.request.timeout.ms=200\n");

        CommandLineRun run = CommandLineRun.of("schemas", "register", "--schema-registry-url", url,
                "--client-config", config.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("http://127.0.0.1:9").contains("newsroom.raw.v1-value")
                .doesNotContain("\tat ");
    }
}
