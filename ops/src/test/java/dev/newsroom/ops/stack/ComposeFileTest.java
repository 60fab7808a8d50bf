package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.ops.Newsroom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the production compose file and image without a Docker engine: the file parses, every
 * variable it gives a service is one that service understands, and the image starts our command line.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode compose() throws Exception {
        return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyServiceRunsAndEveryVariableItSetsIsASettingItUnderstands(Services service) throws Exception {
        JsonNode definition = compose().at("/services/" + service.label());

        assertThat(definition.isMissingNode()).as("%s is in docker-compose.yml", service.label()).isFalse();
        assertThat(definition.get("command")).extracting(JsonNode::asText)
                .containsExactly("service", service.label());
        Set<String> understood = new HashSet<>(List.of("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL",
                "NEWSROOM_LOG_FORMAT", "NEWSROOM_LOG_LEVEL", "NEWSROOM_CONFIG"));
        service.application().allSettings().forEach(setting -> understood.add(setting.environmentVariable()));
        List<String> unknown = new ArrayList<>();
        definition.get("environment").fieldNames().forEachRemaining(variable -> {
            boolean passThrough = variable.startsWith("NEWSROOM_KAFKA_");
            if (!understood.contains(variable) && !passThrough) {
                unknown.add(variable);
            }
        });
        assertThat(unknown).as("variables %s sets that no setting of it reads", service.label()).isEmpty();
        assertThat(definition.at("/environment/NEWSROOM_MANAGEMENT_PORT").asInt())
                .isEqualTo(service.application().defaultManagementPort());
    }

    @Test
    void kafkaGetsTheSingleNodeSettingsExactlyOnceNeeds() throws Exception {
        JsonNode kafka = compose().at("/services/kafka/environment");

        assertThat(kafka.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        assertThat(kafka.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(1);
        assertThat(kafka.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        assertThat(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
    }

    @Test
    void bothRegistriesAreThereBehindProfiles() throws Exception {
        JsonNode services = compose().get("services");

        assertThat(services.at("/apicurio/profiles/0").asText()).isEqualTo("apicurio");
        assertThat(services.at("/confluent-registry/profiles/0").asText()).isEqualTo("confluent");
        assertThat(Files.readString(ROOT.resolve(".env"))).contains("COMPOSE_PROFILES=apicurio");
    }

    @Test
    void theImageStartsOurCommandLineFromTheJarsTheBuildMakes() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile).contains("\"" + Newsroom.class.getName() + "\"");
        assertThat(dockerfile).contains("ops/target/newsroom-ops-*.jar");
        assertThat(dockerfile).contains("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas");
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
        assertThat(Files.readString(ROOT.resolve("ops/pom.xml"))).contains("<artifactId>newsroom-ops</artifactId>");
    }
}
