package dev.newsroom.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Real prose in many languages and scripts, stored as UTF-8 under {@code src/test/resources/charsets} (sources in its README). */
public final class TextSamples {

    private TextSamples() {
    }

    /** The whole sample, paragraphs separated by blank lines, without the final line break. */
    public static String text(String name) {
        String resource = "/charsets/" + name + ".txt";
        try (InputStream in = TextSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no text sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> paragraphs(String name) {
        return Arrays.stream(text(name).split("\n\\s*\n")).map(String::strip).toList();
    }
}
