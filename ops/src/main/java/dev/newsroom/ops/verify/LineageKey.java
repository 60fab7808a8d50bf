package dev.newsroom.ops.verify;

import dev.newsroom.schemas.Lineage;

/** Which raw record, and which item in it, an article version came from: the identity of one article version. */
public record LineageKey(String rawTopic, int rawPartition, long rawOffset, int itemIndex) {

    public static LineageKey of(Lineage lineage) {
        return new LineageKey(lineage.getRawTopic(), lineage.getRawPartition(), lineage.getRawOffset(),
                lineage.getItemIndex());
    }

    public RecordPosition rawRecord() {
        return new RecordPosition(rawTopic, rawPartition, rawOffset);
    }
}
