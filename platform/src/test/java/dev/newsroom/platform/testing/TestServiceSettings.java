package dev.newsroom.platform.testing;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.platform.config.CommonSettings;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Settings for running a service in a test on the shared stack, with topics and group of its own. */
public final class TestServiceSettings {

    private TestServiceSettings() {
    }

    /**
     * Every topic renamed {@code <prefix>.<default name>}, the application id {@code prefix}, a free management
     * port, and a small partition count.
     */
    public static Map<String, String> forStack(KafkaStack stack, String prefix, Path stateDir) {
        Map<String, String> settings = new HashMap<>(TopicCatalogue.prefixed(prefix + "."));
        settings.put("bootstrap.servers", stack.bootstrapServers());
        settings.put("schema.registry.url", stack.schemaRegistryUrl());
        settings.put("application.id", prefix);
        settings.put(CommonSettings.STATE_DIR.key(), stateDir.toString());
        settings.put(CommonSettings.TOPIC_PARTITIONS.key(), "2");
        settings.put(CommonSettings.MANAGEMENT_PORT.key(), "0");
        return settings;
    }
}
