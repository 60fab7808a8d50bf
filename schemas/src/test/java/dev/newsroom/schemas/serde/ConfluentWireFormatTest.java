package dev.newsroom.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void headerIsMagicZeroThenBigEndianId() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ConfluentWireFormat.writeHeader(out, 0x01020304);

        assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);
        assertThat(ConfluentWireFormat.schemaId("t", out.toByteArray())).isEqualTo(0x01020304);
    }

    @Test
    void readsIdsAboveTheSignedByteRange() {
        byte[] payload = {0, 0, 0, (byte) 0x80, (byte) 0xff, 42};

        assertThat(ConfluentWireFormat.schemaId("t", payload)).isEqualTo(0x80ff);
    }

    @Test
    void jsonIsRejectedWithTheMagicByteTopicAndFirstBytes() {
        byte[] json = "{\"id\": \"a-very-long-document-id\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfluentWireFormat.schemaId("newsroom.raw.v1", json))
                .isInstanceOf(WireFormatException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown magic byte 0x7b at start of a record from topic 'newsroom.raw.v1': not in the"
                        + " Confluent wire format (expected 0x00); first bytes: 7b 22 69 64 22 3a 20 22 61 2d 76 65 72"
                        + " 79 2d 6c ...");
    }

    @Test
    void payloadShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId("newsroom.raw.v1", new byte[] {0, 0, 1}))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("topic 'newsroom.raw.v1'")
                .hasMessageContaining("3 bytes long")
                .hasMessageContaining("00 00 01");
    }
}
