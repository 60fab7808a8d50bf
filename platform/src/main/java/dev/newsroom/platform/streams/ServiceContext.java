package dev.newsroom.platform.streams;

import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.schemas.topic.TopicCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** What a service's topology and side tasks get: configuration, topics with their serdes, meters and a clock. */
public record ServiceContext(ServiceConfig config, TopicCatalogue topics, MeterRegistry meters, Clock clock) {
}
