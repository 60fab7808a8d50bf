package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Release hygiene on what the image ships: the build writes a CycloneDX SBOM of ops' runtime classpath
 * (cyclonedx-maven-plugin, ops/pom.xml), and every component in it must carry a licence on deploy/allowed-licences.txt.
 * A new dependency under a licence nobody has agreed to fails the build here, not in a lawyer's inbox.
 */
class DependencyLicenceTest {

    private static final Path SBOM = Path.of("target", "newsroom-service-bom.json");
    private static final Path ALLOW_LIST = Path.of("..", "deploy", "allowed-licences.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSbomListsExactlyTheJarsTheImageShips() throws IOException {
        List<JsonNode> components = components(JSON.readTree(SBOM.toFile()));
        List<String> classpath = List.of(Files.readString(ServiceClasspathTest.SERVICE_CLASSPATH).strip()
                .split(File.pathSeparator));
        List<String> listed = components.stream()
                .map(component -> component.path("name").asText() + "/" + component.path("version").asText())
                .toList();

        assertThat(components).hasSameSizeAs(classpath);
        // A jar from the local repository sits at .../ARTIFACT/VERSION/ARTIFACT-VERSION.jar; the reactor's own
        // modules are in their target directories (jars or classes, by how far the build has gone).
        assertThat(classpath.stream().map(Path::of).filter(entry -> entry.toString().endsWith(".jar"))
                .filter(jar -> !jar.getParent().getFileName().toString().equals("target"))
                .map(jar -> jar.getParent().getParent().getFileName() + "/" + jar.getParent().getFileName()))
                .isNotEmpty().allMatch(listed::contains);
        assertThat(components).extracting(component -> component.path("purl").asText())
                .anyMatch(purl -> purl.startsWith("pkg:maven/org.apache.kafka/kafka-streams@"))
                .anyMatch(purl -> purl.startsWith("pkg:maven/dev.newsroom/newsroom-publish@"))
                .noneMatch(purl -> ServiceClasspathTest.DEV_ONLY.matcher(purl).find());
    }

    @Test
    void everyComponentTheImageShipsHasALicenceOnTheAllowList() throws IOException {
        List<String> outside = outsideAllowList(JSON.readTree(SBOM.toFile()), allowList());

        assertThat(outside).as("components whose licences are not on %s", ALLOW_LIST).isEmpty();
    }

    @Test
    void aComponentUnderALicenceOffTheListOrUnderNoneIsReported() throws IOException {
        JsonNode bom = JSON.readTree("""
                {"components": [
                  {"purl": "pkg:maven/a/apache@1", "licenses": [{"license": {"id": "Apache-2.0"}}]},
                  {"purl": "pkg:maven/a/dual@1", "licenses": [{"license": {"id": "EPL-1.0"}}, {"license": {"id": "LGPL-2.1-only"}}]},
                  {"purl": "pkg:maven/a/choice@1", "licenses": [{"expression": "GPL-3.0-only OR MIT"}]},
                  {"purl": "pkg:maven/a/gpl@1", "licenses": [{"license": {"id": "GPL-3.0-only"}}]},
                  {"purl": "pkg:maven/a/unknown@1"}
                ]}""");

        assertThat(outsideAllowList(bom, Set.of("Apache-2.0", "EPL-1.0", "MIT")))
                .containsExactly("pkg:maven/a/gpl@1 [GPL-3.0-only]", "pkg:maven/a/unknown@1 []");
    }

    /**
     * A component passes when one of its licences is allowed: Maven poms list several licences for dual-licensed
     * projects (logback: EPL-1.0 or LGPL-2.1), among which the user chooses; an SPDX expression's OR means the same.
     */
    static List<String> outsideAllowList(JsonNode bom, Set<String> allowed) {
        List<String> outside = new ArrayList<>();
        for (JsonNode component : components(bom)) {
            List<String> licences = licences(component);
            if (licences.stream().noneMatch(allowed::contains)) {
                outside.add(component.path("purl").asText() + " " + licences);
            }
        }
        return outside;
    }

    private static List<JsonNode> components(JsonNode bom) {
        List<JsonNode> components = new ArrayList<>();
        bom.path("components").forEach(components::add);
        return components;
    }

    private static List<String> licences(JsonNode component) {
        List<String> licences = new ArrayList<>();
        for (JsonNode choice : component.path("licenses")) {
            if (choice.has("expression")) {
                licences.addAll(Arrays.stream(choice.get("expression").asText().split(" OR "))
                        .map(String::strip).toList());
            } else {
                JsonNode licence = choice.path("license");
                licences.add(licence.has("id") ? licence.get("id").asText() : licence.path("name").asText());
            }
        }
        return licences;
    }

    private static Set<String> allowList() throws IOException {
        return Files.readAllLines(ALLOW_LIST).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toSet());
    }
}
