package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.Newsroom;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsroom console} is found by the command line through its extension, without ops depending on it. */
class ConsoleCommandTest {

    @Test
    void theCommandLineOffersTheConsole() {
        CommandLine commandLine = Newsroom.commandLine();

        assertThat(commandLine.getSubcommands()).containsKey("console");
        assertThat(commandLine.getSubcommands().get("console").getUsageMessage())
                .contains("--host", "--port", "--users", "--bootstrap-servers", "--client-config", "--publish-url");
    }

    @Test
    void aNonLoopbackAddressIsRefusedBeforeAnythingIsServed() {
        CommandLine commandLine = Newsroom.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));

        int status = commandLine.execute("console", "--host", "0.0.0.0", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("only with logins").contains("'0.0.0.0'");
    }

    @Test
    void theUserCommandPrintsAUsersFileLineWithTheHashNeverThePassword() {
        CommandLine commandLine = Newsroom.commandLine();
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("correct horse\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(commandLine.execute("console", "user", "layla", "editor")).isZero();
        } finally {
            System.setIn(stdin);
        }

        String line = out.toString().strip();
        assertThat(line).startsWith("layla:editor:$pbkdf2-sha256$i=600000$").doesNotContain("correct horse");
        assertThat(Users.parse(List.of(line), "users").authenticate("layla", "correct horse".toCharArray()))
                .contains(new User("layla", Role.EDITOR));
    }
}
