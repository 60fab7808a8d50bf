package dev.newsroom.ingest.service;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.poller.FeedPoller;
import dev.newsroom.ingest.poller.KafkaRawDocumentSink;
import dev.newsroom.ingest.poller.PollerConfig;
import dev.newsroom.ingest.topology.IngestMetrics;
import dev.newsroom.ingest.topology.IngestTopology;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.config.Setting;
import dev.newsroom.platform.streams.ServiceContext;
import dev.newsroom.platform.streams.StreamsApplication;
import dev.newsroom.schemas.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;

/** The ingest service: raw documents in, normalised articles out; optionally polls feeds into the raw topic. */
public final class IngestApplication implements StreamsApplication {

    public static final Setting<Integer> MAX_PAYLOAD_BYTES = Setting.wholeNumber("newsroom.ingest.max-payload-bytes",
            ParserLimits.DEFAULT_MAX_PAYLOAD_BYTES,
            "Largest raw document parsed; larger ones are dead-lettered as too large.");
    public static final Setting<Integer> MAX_ITEMS = Setting.wholeNumber("newsroom.ingest.max-items",
            ParserLimits.DEFAULT_MAX_ITEMS, "Most items taken from one feed.");
    public static final Setting<Path> POLLER_CONFIG = Setting.path("newsroom.poller.config", null,
            "File listing feeds to poll (see the poller section); none: no polling.");

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Stage stage() {
        return Stage.INGEST;
    }

    @Override
    public int defaultManagementPort() {
        return 8091;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(MAX_PAYLOAD_BYTES, MAX_ITEMS, POLLER_CONFIG);
    }

    @Override
    public Topology topology(ServiceContext context) {
        ServiceConfig config = context.config();
        ParserLimits limits = ParserLimits.defaults()
                .withMaxPayloadBytes(config.get(MAX_PAYLOAD_BYTES))
                .withMaxItems(config.get(MAX_ITEMS));
        return IngestTopology.build(context.topics(), new DocumentParser(limits),
                config.get(CommonSettings.applicationId(name())),
                new IngestMetrics(context.meters()), context.clock());
    }

    /**
     * Feeds to poll come from {@value #POLLER_CONFIG} (a file) or from {@code poller.*} keys in the service's own
     * configuration; with neither, ingest only consumes what newsroom systems produce.
     */
    @Override
    public AutoCloseable startSideTasks(ServiceContext context) {
        ServiceConfig config = context.config();
        PollerConfig pollerConfig;
        try {
            if (config.get(POLLER_CONFIG) != null) {
                pollerConfig = PollerConfig.load(config.get(POLLER_CONFIG));
            } else if (!config.withPrefix(PollerConfig.PREFIX + "feeds.").isEmpty()) {
                pollerConfig = PollerConfig.from(config.asMap());
            } else {
                return () -> { };
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + POLLER_CONFIG + " " + config.get(POLLER_CONFIG) + ": "
                    + e.getMessage(), e);
        }
        KafkaRawDocumentSink sink = new KafkaRawDocumentSink(producerConfig(config), context.topics());
        FeedPoller poller = new FeedPoller(pollerConfig, sink);
        poller.start();
        return () -> {
            poller.close();
            sink.close();
        };
    }

    private static Map<String, Object> producerConfig(ServiceConfig config) {
        Map<String, Object> producer = new HashMap<>(config.asMap());
        producer.putAll(config.withPrefix(ServiceConfig.KAFKA_PREFIX));
        return producer;
    }
}
