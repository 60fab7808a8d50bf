package dev.newsroom.publish.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;

/**
 * Key of the embargo index: the embargo's end as 8 big-endian bytes, then the article id. Byte order is time
 * order, so the punctuator reads the due embargoes from the front of the store and stops at the first one that
 * is not due.
 */
public record EmbargoKey(Instant until, String articleId) {

    public Bytes toBytes() {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(until.toEpochMilli()).put(id).array());
    }

    public static EmbargoKey of(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        long until = buffer.getLong();
        return new EmbargoKey(Instant.ofEpochMilli(until), StandardCharsets.UTF_8.decode(buffer).toString());
    }
}
