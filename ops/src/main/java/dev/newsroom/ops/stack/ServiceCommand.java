package dev.newsroom.ops.stack;

import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.config.Setting;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.platform.streams.StreamsApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Override
    public Integer call() throws InterruptedException {
        StreamsApplication application = service.application();
        List<Setting> known = new ArrayList<>(CommonSettings.ALL);
        known.addAll(application.settings());
        ServiceConfig settings = ServiceConfig.load(known, config, System.getenv(), overrides);
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
