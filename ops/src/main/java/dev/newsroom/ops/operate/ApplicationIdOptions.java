package dev.newsroom.ops.operate;

import picocli.CommandLine.Option;

/**
 * Which consumer groups the services use. Each service's group is its Kafka Streams application id, by default
 * {@code newsroom-<service>}; a deployment that sets {@code application.id} differently names its prefix here or
 * as {@value #CONFIG_KEY} in the client config file.
 */
public final class ApplicationIdOptions {

    public static final String CONFIG_KEY = "newsroom.application-id-prefix";
    public static final String DEFAULT_PREFIX = "newsroom-";

    @Option(names = "--application-id-prefix", paramLabel = "PREFIX",
            description = "Prefix of the services' application ids: <prefix>ingest, <prefix>enrich, <prefix>publish"
                    + " (default: " + CONFIG_KEY + " from the client config, else " + DEFAULT_PREFIX + ").")
    String prefix;

    public String applicationId(PipelineService service, KafkaClients clients) {
        String configured = clients.setting(CONFIG_KEY);
        String chosen = prefix != null ? prefix : configured != null ? configured : DEFAULT_PREFIX;
        return chosen + service.label();
    }
}
