package dev.newsroom.console;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.stack.LocalStackPorts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsroom console}: the web console against any cluster the other commands can reach. */
@Command(name = "console", subcommands = UserCommand.class, description = {
        "Serve the web console for operators and editors: pipeline overview, article search and lineage, dead"
                + " letters with re-drive, replays, moderation.",
        "Bound to 127.0.0.1 by default, where it serves this machine's users without login. Any other address"
                + " needs --users: then every page needs a login, and roles decide who may moderate (editor) and"
                + " who may also re-drive and replay (operator). Every action is audited to the console audit"
                + " topic."})
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationIdOptions applicationIds;

    @Option(names = "--host", defaultValue = ConsoleServer.LOOPBACK, paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); any other than a loopback one needs"
                    + " --users.")
    String host;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Who may log in: lines name:role:password-hash (roles viewer, editor, operator), as"
                    + " 'newsroom console user NAME ROLE' prints them. With it every page needs a login, on any"
                    + " address.")
    Path users;

    @Option(names = "--port", defaultValue = "" + ConsoleServer.DEFAULT_PORT,
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--publish-url", defaultValue = "http://localhost:" + LocalStackPorts.FEEDS, paramLabel = "URL",
            description = "The publish service's feeds port, whose /outlets reports outlet health (default:"
                    + " ${DEFAULT-VALUE}).")
    String publishUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Users logins = users == null ? null : Users.load(users);
        ConsoleServer.checkBinding(host, logins);
        KafkaClients clients = KafkaClients.of(connection);
        // Fails within --timeout, in the other commands' words, when the cluster does not answer.
        clients.kafka();
        Console console = new Console(clients, service -> applicationIds.applicationId(service, clients),
                connection.schemaRegistryUrl(), publishUrl);
        ConsoleServer server = ConsoleServer.start(console, host, port, logins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "newsroom-console-down"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("newsroom console on " + (logins == null ? server.url() : "http://" + host + ":" + server.port()
                + "/ (" + logins.size() + " users may log in)") + " (" + connection.bootstrapServers()
                + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }
}
