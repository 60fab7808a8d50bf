package dev.newsroom.publish.webhook;

import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.RecordHeader;
import dev.newsroom.schemas.Stage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Re-drives a parked webhook delivery. It is not written back to the published log: that log is compacted and
 * keyed by article, so an old version written there would become the article's "current" state for every new
 * reader. It goes to the publish service's re-drive topic instead, marked for the one outlet that gave up on it;
 * that outlet's worker delivers it again with the same webhook-id, and every other reader ignores it.
 */
public final class WebhookRedrive {

    /** Header naming the outlet a re-driven record is for. */
    public static final String OUTLET_HEADER = "newsroom-redrive-outlet";
    /** Header carrying the id of the dead letter being re-driven. */
    public static final String DEAD_LETTER_HEADER = "newsroom-redrive-of";

    private WebhookRedrive() {
    }

    /** Whether {@code letter} is a webhook delivery an outlet gave up on, which only this re-drive may send again. */
    public static boolean isParkedDelivery(DeadLetter letter) {
        return letter.getStage() == Stage.DELIVERY && letter.getDetails().containsKey("outlet");
    }

    public static ProducerRecord<byte[], byte[]> record(DeadLetter parked, String redriveTopic) {
        if (!isParkedDelivery(parked)) {
            throw new IllegalArgumentException("Dead letter '" + parked.getId()
                    + "' is not a parked webhook delivery (stage DELIVERY with an outlet)");
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(redriveTopic, null,
                bytes(parked.getOriginalKey()), bytes(parked.getOriginalValue()));
        for (RecordHeader header : parked.getOriginalHeaders()) {
            record.headers().add(header.getKey(), bytes(header.getValue()));
        }
        record.headers().add(OUTLET_HEADER, parked.getDetails().get("outlet").getBytes(StandardCharsets.UTF_8));
        record.headers().add(DEAD_LETTER_HEADER, parked.getId().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
