package dev.newsroom.devstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.net.LoopbackPorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioRegistryOrphanIT {

    @TempDir
    Path workDir;

    @Test
    void aRegistryDoesNotOutliveTheJvmThatStartedItEvenWhenThatJvmIsKilled() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                RegistryHolder.class.getName(), workDir.toString()))
                .redirectErrorStream(true)
                .start();
        int port = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    port = Integer.parseInt(line.substring(6).trim());
                    break;
                }
            }
            assertThat(port).as("the holder JVM reported a running registry").isPositive();
            int registryPort = port;
            assertThat(registryProcesses(registryPort)).isNotEmpty();

            holder.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(registryProcesses(registryPort)).isEmpty();
                assertThat(LoopbackPorts.inUse(registryPort)).isFalse();
            });
        } finally {
            holder.destroyForcibly();
        }
    }

    private static List<ProcessHandle> registryProcesses(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dquarkus.http.port=" + port + " "))
                .toList();
    }
}
