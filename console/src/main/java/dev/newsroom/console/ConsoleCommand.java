package dev.newsroom.console;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.stack.LocalStackPorts;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsroom console}: the web console against any cluster the other commands can reach. */
@Command(name = "console", description = {
        "Serve the web console for operators and editors: pipeline overview, article search and lineage, dead"
                + " letters with re-drive, replays, moderation.",
        "Bound to 127.0.0.1 by default. It refuses other addresses for now: login, roles and CSRF-checked audit"
                + " for a shared console are not built yet, and on loopback only this machine's users reach it."})
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ApplicationIdOptions applicationIds;

    @Option(names = "--host", defaultValue = ConsoleServer.LOOPBACK, paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; only loopback addresses are accepted).")
    String host;

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
        ConsoleServer.requireLoopback(host);
        KafkaClients clients = KafkaClients.of(connection);
        // Fails within --timeout, in the other commands' words, when the cluster does not answer.
        clients.kafka();
        Console console = new Console(clients, service -> applicationIds.applicationId(service, clients),
                connection.schemaRegistryUrl(), publishUrl);
        ConsoleServer server = ConsoleServer.start(console, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "newsroom-console-down"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("newsroom console on " + server.url() + " (" + connection.bootstrapServers() + "); Ctrl-C stops it");
        out.flush();
        stopped.await();
        return 0;
    }
}
