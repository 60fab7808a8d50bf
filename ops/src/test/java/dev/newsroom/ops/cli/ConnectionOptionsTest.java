package dev.newsroom.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ConnectionOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin
        ConnectionOptions connection;
    }

    @TempDir
    Path work;

    private static ConnectionOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.connection;
    }

    @Test
    void kafkaToolsAndKcatSpellingsNameTheCluster() {
        assertThat(parse("--bootstrap-servers", "a:9092").bootstrapServers()).isEqualTo("a:9092");
        assertThat(parse("--bootstrap-server", "b:9092").bootstrapServers()).isEqualTo("b:9092");
        assertThat(parse("-b", "c:9092").bootstrapServers()).isEqualTo("c:9092");
    }

    @Test
    void kafkaToolsCommandConfigIsTheClientConfigAndTheOptionsWinOverIt() throws Exception {
        Path config = Files.writeString(work.resolve("client.properties"),
                "security.protocol=SASL_SSL\nbootstrap.servers=from-file:9092\n");

        Map<String, Object> settings = parse("--command-config", config.toString(), "-b", "cli:9092").settings();

        assertThat(settings).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "cli:9092");
        assertThat(parse("--command-config", config.toString()).bootstrapServers()).isEqualTo("from-file:9092");
    }
}
