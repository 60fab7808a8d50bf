package dev.newsroom.console;

import dev.newsroom.ops.extension.Extension;
import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.ops.operate.ApplicationIdOptions;
import dev.newsroom.ops.operate.KafkaClients;
import dev.newsroom.ops.stack.LocalStackPorts;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * How the console joins the command line without ops depending on it: ops finds this class with ServiceLoader
 * (see {@link Extension}), adds {@code newsroom console} and lets {@code newsroom up} start the console next to the
 * stack on {@value ConsoleServer#DEFAULT_PORT}.
 */
public final class ConsoleExtension implements Extension {

    /** The port {@code up}'s console takes when the settings name one (tests do: 0, a free one). */
    static final String PORT_SETTING = "newsroom.console.port";

    @Override
    public List<Object> commands() {
        return List.of(new ConsoleCommand());
    }

    @Override
    public Optional<Started> startWithUp(Map<String, Object> clientSettings, PrintWriter out) {
        ConnectionOptions connection = CommandLine.populateCommand(new ConnectionOptions(),
                "--bootstrap-servers", String.valueOf(clientSettings.get("bootstrap.servers")),
                "--schema-registry-url", String.valueOf(clientSettings.get("schema.registry.url")));
        KafkaClients clients = KafkaClients.of(connection);
        Console console = new Console(clients,
                service -> ApplicationIdOptions.DEFAULT_PREFIX + service.label(), connection.schemaRegistryUrl(),
                "http://localhost:" + LocalStackPorts.FEEDS);
        Object port = clientSettings.get(PORT_SETTING);
        ConsoleServer server = ConsoleServer.start(console, ConsoleServer.LOOPBACK,
                port == null ? ConsoleServer.DEFAULT_PORT : Integer.parseInt(port.toString()));
        return Optional.of(new Started("web console", "http://localhost:" + server.port() + "/", server));
    }
}
