package dev.newsroom.systemtest.cluster;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One node of a KRaft cluster (broker and controller in one process) as a process of its own:
 * {@code ReplicatedBrokerMain CLUSTER_ID BROKER_SETTING=VALUE ...}, every setting given by the parent, which knows the
 * quorum. Formats {@code log.dirs} on first start with the shared cluster id, and runs until stopped: SIGTERM shuts
 * down cleanly (leadership handed over first), SIGKILL leaves the log as a crash would.
 */
public final class ReplicatedBrokerMain {

    private ReplicatedBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReplicatedBrokerMain CLUSTER_ID BROKER_SETTING=VALUE ...");
            System.exit(2);
        }
        Properties properties = new Properties();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected BROKER_SETTING=VALUE, got '" + args[i] + "'");
            }
            properties.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        Path logDir = Path.of(properties.getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setNodeId(config.nodeId())
                    .setClusterId(args[0])
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toString())
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-stop"));
        server.startup();
        System.out.println("Kafka node " + config.nodeId() + " started");
        System.out.flush();
    }
}
