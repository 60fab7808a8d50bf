package dev.newsroom.schemas.topic;

import org.apache.kafka.common.serialization.Serde;

/** A topic with its resolved name and the serdes for its keys and values. */
public record Topic<K, V>(TopicId id, String name, Serde<K> keySerde, Serde<V> valueSerde) {
}
