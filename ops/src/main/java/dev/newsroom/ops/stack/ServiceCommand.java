package dev.newsroom.ops.stack;

import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.platform.streams.StreamsApplication;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsroom service NAME}: one service, for real, against any Kafka and Confluent-compatible registry. */
@Command(name = "service", description = {
        "Run one service (ingest, enrich or publish) until stopped (SIGTERM or Ctrl-C; it leaves its consumer group).",
        "Configuration: --config FILE (properties), then environment variables (NEWSROOM_<KEY>, KAFKA_BOOTSTRAP_SERVERS,"
                + " SCHEMA_REGISTRY_URL), then --set KEY=VALUE."})
public final class ServiceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SERVICE", description = "ingest, enrich or publish.")
    Services service;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: $NEWSROOM_CONFIG).",
            defaultValue = "${env:NEWSROOM_CONFIG}")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting that wins over file and environment.")
    Map<String, String> overrides = Map.of();

    @Option(names = "--list-settings", description = "Print every setting the service understands, with its default,"
            + " as a markdown table, and exit.")
    boolean listSettings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        StreamsApplication application = service.application();
        if (listSettings) {
            spec.commandLine().getOut().print(SettingsTable.markdown(application.allSettings()));
            spec.commandLine().getOut().flush();
            return 0;
        }
        ServiceConfig settings = application.configuration(config, System.getenv(), overrides);
        CountDownLatch stopped = new CountDownLatch(1);
        ServiceRunner runner = ServiceRunner.start(application, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }, "newsroom-stop"));
        stopped.await();
        return 0;
    }
}
