package dev.newsroom.ops.verify;

/** Where a record sits: topic, partition, offset. */
public record RecordPosition(String topic, int partition, long offset) {

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
