package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The services and the operators' commands run from ops' runtime classpath, which is what the image ships: a
 * dependency that drags the broker, Scala or a test framework onto it must fail the build, not bloat production.
 */
class ServiceClasspathTest {

    /** Written by the build (maven-dependency-plugin, ops/pom.xml) before the tests run. */
    static final Path SERVICE_CLASSPATH = Path.of("target", "service-classpath.txt");

    /** Entries that only development and tests need. */
    static final Pattern DEV_ONLY = Pattern.compile(String.join("|",
            "kafka_2\\.13", "kafka-server", "kafka-metadata", "kafka-raft", "kafka-storage", "scala", "junit",
            "opentest4j", "testcontainers", "docker-java", "assertj", "awaitility", "archunit", "log4j-core",
            "devstack", "-tests\\.jar", "test-classes"));

    @Test
    void theServiceClasspathHoldsNothingDevOnly() throws IOException {
        List<String> entries = List.of(Files.readString(SERVICE_CLASSPATH).strip().split(File.pathSeparator));

        assertThat(entries).as("ops runtime classpath").hasSizeGreaterThan(20)
                .anyMatch(entry -> entry.contains("kafka-streams"))
                .noneMatch(entry -> DEV_ONLY.matcher(entry).find());
    }

    @Test
    void theCheckRecognisesTheDevStacksJars() {
        assertThat(List.of("/m2/org/apache/kafka/kafka_2.13/4.4.0/kafka_2.13-4.4.0.jar",
                "/m2/org/scala-lang/scala-library/2.13.16/scala-library-2.13.16.jar",
                "/m2/org/junit/jupiter/junit-jupiter-api/5.14.4/junit-jupiter-api-5.14.4.jar",
                "/m2/org/testcontainers/testcontainers/2.0.5/testcontainers-2.0.5.jar",
                "/src/devstack/target/classes"))
                .allMatch(entry -> DEV_ONLY.matcher(entry).find());
    }
}
