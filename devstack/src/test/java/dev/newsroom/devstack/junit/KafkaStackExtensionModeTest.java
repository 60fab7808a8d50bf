package dev.newsroom.devstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.devstack.junit.KafkaStackExtension.Mode;
import org.junit.jupiter.api.Test;

class KafkaStackExtensionModeTest {

    @Test
    void embeddedIsTheDefault() {
        assertThat(Mode.resolve(null, true)).isEqualTo(Mode.EMBEDDED);
        assertThat(Mode.resolve("", true)).isEqualTo(Mode.EMBEDDED);
        assertThat(Mode.resolve("embedded", true)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void testcontainersWhenAskedForAndDockerAnswers() {
        assertThat(Mode.resolve("testcontainers", true)).isEqualTo(Mode.TESTCONTAINERS);
    }

    @Test
    void testcontainersWithoutDockerFallsBackToTheEmbeddedStackSoNoTestIsSkipped() {
        assertThat(Mode.resolve("testcontainers", false)).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void anUnknownModeIsAConfigurationError() {
        assertThatThrownBy(() -> Mode.resolve("docker", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dnewsroom.it=docker")
                .hasMessageContaining("'embedded' or 'testcontainers'");
    }
}
