package dev.newsroom.devstack.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an {@link InProcessKafkaBroker} as a process of its own, so that tests can kill it ({@code kill -9}) and
 * start it again on the same data directory: {@code BrokerMain DATA_DIR PORT [BROKER_SETTING=VALUE ...]}.
 *
 * <p>Prints {@code Kafka broker ready at 127.0.0.1:PORT} on stdout once it takes clients, and runs until the process
 * is stopped; SIGTERM shuts the broker down cleanly, SIGKILL leaves the log directory as a crash would.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: BrokerMain DATA_DIR PORT [BROKER_SETTING=VALUE ...]");
            System.exit(2);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals <= 0) {
                System.err.println("BrokerMain: '" + args[i] + "' is not BROKER_SETTING=VALUE");
                System.exit(2);
            }
            overrides.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        InProcessKafkaBroker broker = InProcessKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), overrides);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        // The broker's own threads keep the JVM alive once main returns.
        System.out.println("Kafka broker ready at " + broker.bootstrapServers());
        System.out.flush();
    }
}
