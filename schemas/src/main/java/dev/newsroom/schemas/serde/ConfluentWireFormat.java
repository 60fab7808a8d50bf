package dev.newsroom.schemas.serde;

import java.io.ByteArrayOutputStream;

/**
 * Confluent's framing of a Kafka record value or key: magic byte {@code 0x00}, the writer
 * schema's registry id as a 4-byte big-endian int, then the Avro binary encoding of the datum
 * (no Avro container header). Every Confluent-compatible client in every language reads and
 * writes exactly this, which is why we do too.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private static final int MAX_HEX_BYTES = 16;

    private ConfluentWireFormat() {
    }

    /** Writes the 5-byte header for a datum written with schema {@code schemaId}. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * The writer schema id of a framed payload.
     *
     * @throws WireFormatException if the payload is shorter than the header or does not start
     *     with the magic byte; the message shows the first bytes, which usually reveal what was
     *     written instead ({@code 7b} is JSON's opening brace)
     */
    public static int schemaId(String topic, byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new WireFormatException("Record from topic '" + topic + "' is " + payload.length
                    + " bytes long, shorter than the " + HEADER_SIZE + "-byte Confluent wire format header"
                    + " (bytes: " + hexPrefix(payload) + ")");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new WireFormatException(String.format(
                    "Unknown magic byte 0x%02x at start of a record from topic '%s': not in the Confluent wire"
                            + " format (expected 0x00); first bytes: %s", payload[0], topic, hexPrefix(payload)));
        }
        return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
    }

    static String hexPrefix(byte[] payload) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(payload.length, MAX_HEX_BYTES); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02x", payload[i]));
        }
        return payload.length > MAX_HEX_BYTES ? hex + " ..." : hex.toString();
    }
}
