package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.Newsroom;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsroom console} is found by the command line through its extension, without ops depending on it. */
class ConsoleCommandTest {

    @Test
    void theCommandLineOffersTheConsole() {
        CommandLine commandLine = Newsroom.commandLine();

        assertThat(commandLine.getSubcommands()).containsKey("console");
        assertThat(commandLine.getSubcommands().get("console").getUsageMessage())
                .contains("--host", "--port", "--bootstrap-servers", "--client-config", "--publish-url");
    }

    @Test
    void aNonLoopbackAddressIsRefusedBeforeAnythingIsServed() {
        CommandLine commandLine = Newsroom.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));

        int status = commandLine.execute("console", "--host", "0.0.0.0", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("loopback addresses only").contains("'0.0.0.0'");
    }
}
