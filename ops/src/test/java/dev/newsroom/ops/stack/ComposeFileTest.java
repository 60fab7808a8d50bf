package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsroom.ops.Newsroom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the production compose file and image without a Docker engine: the file parses, every
 * variable it gives a service is one that service understands, whatever must survive a restart is on a named
 * volume, and the image starts our command line as a non-root user. ImageBuildIT runs the image's build.
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
        List<String> unknown = new ArrayList<>();
        definition.get("environment").fieldNames().forEachRemaining(variable -> {
            if (!ServiceVariables.understood(service, variable)) {
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
    void theImageStartsOurCommandLineFromTheJarsItsBuildStageMakes() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile).contains("\"" + Newsroom.class.getName() + "\"");
        assertThat(dockerfile).contains("RUN deploy/image-build.sh dependencies", "RUN deploy/image-build.sh classpath image/lib",
                "COPY --from=build /src/image/lib/ /opt/newsroom/lib/", "\"-cp\", \"/opt/newsroom/lib/*\"");
        assertThat(dockerfile).contains("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas");
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
        assertThat(dockerfile.indexOf("RUN deploy/image-build.sh dependencies"))
                .as("dependencies are resolved before the sources are copied, so a source change keeps that layer")
                .isLessThan(dockerfile.indexOf("COPY . ."));
    }

    @Test
    void theImageRunsAsANumericNonRootUserThatOwnsTheStateDirectory() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("FROM "));

        assertThat(runtimeStage).contains("useradd --system --uid 10001", "mkdir -p /var/lib/newsroom/state",
                "chown -R 10001:10001 /var/lib/newsroom", "USER 10001:10001", "NEWSROOM_STATE_DIR=/var/lib/newsroom/state");
        assertThat(runtimeStage.indexOf("USER 10001:10001")).isGreaterThan(runtimeStage.indexOf("chown"));
    }

    @Test
    void kafkaWritesItsLogsToItsNamedVolume() throws Exception {
        JsonNode compose = compose();
        JsonNode kafka = compose.at("/services/kafka");

        String logDirs = kafka.at("/environment/KAFKA_LOG_DIRS").asText();
        assertThat(logDirs).as("KAFKA_LOG_DIRS").isNotEmpty();
        assertThat(namedVolumeAt(compose, kafka, logDirs)).isEqualTo("kafka-data");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void eachServiceKeepsItsStreamsStateOnItsOwnNamedVolume(Services service) throws Exception {
        JsonNode compose = compose();
        JsonNode definition = compose.at("/services/" + service.label());

        String stateDir = definition.at("/environment/NEWSROOM_STATE_DIR").asText();
        assertThat(stateDir).isEqualTo("/var/lib/newsroom/state");
        assertThat(namedVolumeAt(compose, definition, stateDir)).isEqualTo(service.label() + "-state");
    }

    @Test
    void bothRegistriesKeepTheirSchemasInKafkaSoIdsInRecordsSurviveARestart() throws Exception {
        JsonNode services = compose().get("services");
        String servicesKafka = services.at("/ingest/environment/KAFKA_BOOTSTRAP_SERVERS").asText();

        JsonNode apicurio = services.get("apicurio");
        assertThat(apicurio.at("/environment/APICURIO_STORAGE_KIND").asText()).isEqualTo("kafkasql");
        assertThat(apicurio.at("/environment/APICURIO_KAFKASQL_BOOTSTRAP_SERVERS").asText()).isEqualTo(servicesKafka);
        assertThat(apicurio.at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
        JsonNode confluent = services.get("confluent-registry");
        assertThat(confluent.at("/environment/SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(servicesKafka);
    }

    /** The named volume (declared at the top level, so it outlives the container) mounted exactly at a path. */
    private static String namedVolumeAt(JsonNode compose, JsonNode service, String path) {
        for (JsonNode mount : service.get("volumes")) {
            String[] parts = mount.asText().split(":");
            if (parts.length >= 2 && parts[1].equals(path)) {
                assertThat(compose.at("/volumes").has(parts[0])).as("volume %s is declared", parts[0]).isTrue();
                return parts[0];
            }
        }
        throw new AssertionError("no volume is mounted at " + path + " in " + service.get("volumes"));
    }
}
