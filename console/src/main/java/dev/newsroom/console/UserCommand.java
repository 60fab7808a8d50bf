package dev.newsroom.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsroom console user NAME ROLE}: a line for the users file, with the password hashed. The password is
 * asked for twice on a terminal, or read as the first line of standard input (for scripts); it never appears in
 * arguments, where the process list and shell history would show it.
 */
@Command(name = "user", description = {
        "Print a users-file line (name:role:password-hash) for 'newsroom console --users FILE'.",
        "The password is asked for on the terminal, or read from the first line of standard input."})
final class UserCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "Login name: letters, digits and . _ @ -")
    String name;

    @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, editor or operator")
    String role;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Role chosen = Role.of(role);
        char[] password = password();
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("No password given");
        }
        String line = name + ":" + chosen.label() + ":" + PasswordHash.hash(password);
        Arrays.fill(password, '\0');
        // The line must load: a name the users file would refuse is refused here.
        Users.parse(List.of(line), "the new line");
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static char[] password() throws IOException {
        Console terminal = System.console();
        if (terminal != null) {
            char[] first = terminal.readPassword("Password for the console user: ");
            char[] again = terminal.readPassword("The same again: ");
            if (!Arrays.equals(first, again)) {
                throw new IllegalArgumentException("The two passwords differ");
            }
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }
}
