package dev.newsroom.publish.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;

/**
 * Key of the index of commands waiting for their article: when the command expires, as 8 big-endian bytes, then
 * its id. Byte order is expiry order, so the punctuator finds the expired ones at the front. The value is the name
 * the command waits under, the key of the article state that holds it.
 */
public record WaitingKey(Instant expires, String commandId) {

    public Bytes toBytes() {
        byte[] id = commandId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length).putLong(expires.toEpochMilli()).put(id).array());
    }

    public static WaitingKey of(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        long expires = buffer.getLong();
        return new WaitingKey(Instant.ofEpochMilli(expires), StandardCharsets.UTF_8.decode(buffer).toString());
    }
}
