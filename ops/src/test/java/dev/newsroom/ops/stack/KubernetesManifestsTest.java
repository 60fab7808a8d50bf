package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * deploy/k8s, checked without a cluster: every object against the Kubernetes API's JSON schemas (the npm package
 * kubernetes-models, run by deploy/k8s/validator), and what the schemas cannot know: each service is ready on
 * /ready at its management port, runs as the image's non-root user, reads only settings it understands, and never
 * has more replicas than its topics have partitions.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("..", "deploy", "k8s");
    private static final Path VALIDATOR = K8S.resolve("validator");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void everyObjectIsValidAgainstTheKubernetesApiSchemas() throws Exception {
        List<JsonNode> objects = objects();

        ValidatorRun run = validate(objects);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines().filter(line -> line.startsWith("valid "))).hasSize(objects.size());
    }

    @Test
    void theValidatorRejectsWhatTheApiServerWould() throws Exception {
        JsonNode deployment = deployment(Services.INGEST).deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replicas", "two");

        ValidatorRun run = validate(List.of(deployment));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("invalid Deployment/newsroom-ingest", "replicas must be integer");
    }

    @Test
    void aMisspeltFieldIsRejectedWithItsPathAsTheApiServerWouldDropIt() throws Exception {
        JsonNode deployment = deployment(Services.INGEST).deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));
        ((ObjectNode) deployment.at("/spec/template/spec/securityContext")).put("runAsNonroot", true);

        ValidatorRun run = validate(List.of(deployment, byKind("HorizontalPodAutoscaler").get(0)));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("invalid Deployment/newsroom-ingest: unknown fields ",
                "spec.template.spec.containers[0].readinesProbe", "spec.template.spec.securityContext.runAsNonroot");
        assertThat(run.output()).containsPattern("(?m)^valid HorizontalPodAutoscaler/");
    }

    @Test
    void kustomizeAppliesEveryManifestInTheDirectory() throws IOException {
        JsonNode kustomization = YAML.readTree(K8S.resolve("kustomization.yaml").toFile());
        List<String> resources = new ArrayList<>();
        kustomization.get("resources").forEach(resource -> resources.add(resource.asText()));

        assertThat(resources).containsExactlyInAnyOrderElementsOf(manifestFiles().stream()
                .map(file -> file.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void eachServiceIsReadyOnSlashReadyAtItsManagementPortAsTheImagesUser(Services service) throws IOException {
        JsonNode pod = deployment(service).at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(container.get("args")).extracting(JsonNode::asText).containsExactly("service", service.label());
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
        String probePort = container.at("/readinessProbe/httpGet/port").asText();
        JsonNode port = find(container.get("ports"), "name", probePort);
        assertThat(port.get("containerPort").asInt()).isEqualTo(service.application().defaultManagementPort());
        assertThat(find(container.get("env"), "name", "NEWSROOM_MANAGEMENT_PORT").get("value").asInt())
                .isEqualTo(port.get("containerPort").asInt());
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        String stateDir = find(container.get("env"), "name", "NEWSROOM_STATE_DIR").get("value").asText();
        assertThat(container.get("volumeMounts")).anyMatch(mount -> mount.get("mountPath").asText().equals(stateDir));
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void noServiceEverHasMoreInstancesThanItsTopicsHavePartitions(Services service) throws IOException {
        int partitions = settings().at("/data/NEWSROOM_TOPIC_PARTITIONS").asInt();
        JsonNode autoscaler = byKind("HorizontalPodAutoscaler").stream()
                .filter(hpa -> hpa.at("/spec/scaleTargetRef/name").asText().equals(name(service)))
                .findFirst().orElseThrow();

        assertThat(partitions).isPositive();
        assertThat(deployment(service).at("/spec/replicas").asInt()).isBetween(1, partitions);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isBetween(1, partitions);
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyVariableAServiceGetsIsASettingItUnderstands(Services service) throws IOException {
        JsonNode container = deployment(service).at("/spec/template/spec/containers/0");
        List<String> variables = new ArrayList<>();
        container.get("env").forEach(variable -> variables.add(variable.get("name").asText()));
        for (JsonNode source : container.get("envFrom")) {
            String referenced = source.has("configMapRef") ? source.at("/configMapRef/name").asText()
                    : source.at("/secretRef/name").asText();
            JsonNode object = byName(referenced);
            object.path(object.get("kind").asText().equals("Secret") ? "stringData" : "data").fieldNames()
                    .forEachRemaining(variables::add);
        }

        assertThat(variables).contains("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL")
                .allMatch(variable -> ServiceVariables.understood(service, variable), "understood by " + service);
    }

    private record ValidatorRun(int exitCode, String output) {
    }

    private ValidatorRun validate(List<JsonNode> objects) throws Exception {
        if (!dependenciesInstalled()) {
            ValidatorRun install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
            assertThat(install.exitCode()).as("npm ci: %s", install.output()).isZero();
        }
        Path input = work.resolve("objects.json");
        ArrayNode array = JSON.createArrayNode();
        objects.forEach(array::add);
        JSON.writeValue(input.toFile(), array);
        return run(List.of("node", "validate.mjs", input.toAbsolutePath().toString()));
    }

    /** Every package the validator names is in node_modules: an install from an older package.json is redone. */
    private static boolean dependenciesInstalled() throws IOException {
        List<String> missing = new ArrayList<>();
        JSON.readTree(VALIDATOR.resolve("package.json").toFile()).get("dependencies").fieldNames()
                .forEachRemaining(name -> {
                    if (!Files.isDirectory(VALIDATOR.resolve("node_modules").resolve(name))) {
                        missing.add(name);
                    }
                });
        return missing.isEmpty();
    }

    private static ValidatorRun run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(VALIDATOR.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        return new ValidatorRun(process.exitValue(), output);
    }

    private static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    private static List<JsonNode> objects() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (Path file : manifestFiles()) {
            try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                documents.forEachRemaining(document -> {
                    if (!document.isMissingNode() && !document.isNull()) {
                        objects.add(document);
                    }
                });
            }
        }
        return objects;
    }

    private static List<JsonNode> byKind(String kind) throws IOException {
        return objects().stream().filter(object -> object.get("kind").asText().equals(kind)).toList();
    }

    private static JsonNode byName(String name) throws IOException {
        return objects().stream().filter(object -> object.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no object named " + name));
    }

    private static JsonNode deployment(Services service) throws IOException {
        return byKind("Deployment").stream().filter(d -> d.at("/metadata/name").asText().equals(name(service)))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment for " + service.label()));
    }

    private static JsonNode settings() throws IOException {
        return byName("newsroom-settings");
    }

    private static String name(Services service) {
        return "newsroom-" + service.label();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
