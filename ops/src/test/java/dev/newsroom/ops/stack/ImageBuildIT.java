package dev.newsroom.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's build stage, run as `docker build` would run it, on a copy of the sources and a local Maven
 * repository without this project's modules (deploy/check-image-build.sh): it must build from a fresh clone with
 * nothing installed, and ship the services' jars without any dev-only or test jar.
 */
class ImageBuildIT {

    @TempDir
    Path work;

    @Test
    void theImageBuildsFromAFreshCloneAndShipsOnlyTheServicesRuntimeJars() throws Exception {
        Path script = Path.of("..", "deploy", "check-image-build.sh").toAbsolutePath().normalize();
        Process process = new ProcessBuilder("bash", script.toString(), work.toString())
                .redirectErrorStream(true).start();
        String output = readAll(process);

        assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("the image build finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("check-image-build: RUN deploy/image-build.sh dependencies",
                "check-image-build: RUN deploy/image-build.sh classpath image/lib", "check-image-build: OK");
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
