package dev.newsroom.ops.operate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/** How operator output shows ages, sizes, counts and bytes. */
public final class Formats {

    private static final int HEX_PREVIEW = 32;

    private Formats() {
    }

    /** {@code 45s}, {@code 12m}, {@code 3h 05m}, {@code 4d 02h}. */
    public static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /** A retention setting in milliseconds as {@code 7d}, {@code 12h}, or {@code forever} for -1. */
    public static String retention(String millis) {
        if (millis == null) {
            return "-";
        }
        long value = Long.parseLong(millis);
        if (value < 0) {
            return "forever";
        }
        Duration duration = Duration.ofMillis(value);
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + "d";
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + "h";
        }
        return age(duration);
    }

    public static String count(long value) {
        return String.format("%,d", value);
    }

    /** UTF-8 text when the bytes are printable UTF-8, else hex (the first bytes of it when long). */
    public static String printable(byte[] value) {
        if (value == null) {
            return "(null)";
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            if (text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t')) {
                return text.toString();
            }
        } catch (CharacterCodingException e) {
            // not text: shown as hex below
        }
        String hex = HexFormat.of().formatHex(value, 0, Math.min(value.length, HEX_PREVIEW));
        return "0x" + hex + (value.length > HEX_PREVIEW ? "… (" + value.length + " bytes)" : "");
    }

    public static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
