package dev.newsroom.ops.offline;

import dev.newsroom.ingest.parse.document.InputFormat;
import dev.newsroom.ingest.parse.document.RawInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Files given on the command line as the parser sees them: the file name's extension stands in for the content
 * type a newsroom system would declare, and the parser still confirms it by sniffing.
 */
final class InputFiles {

    static final String STDIN = "-";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "rss", "application/rss+xml",
            "xml", "application/xml",
            "atom", "application/atom+xml",
            "json", "application/json",
            "html", "text/html",
            "htm", "text/html",
            "txt", "text/plain");

    private InputFiles() {
    }

    /** Where a type option of the command maps to a format; {@code auto} leaves detection to the parser. */
    enum Type {
        auto(null), rss(InputFormat.RSS), atom(InputFormat.ATOM), jsonfeed(InputFormat.JSONFEED),
        html(InputFormat.HTML), text(InputFormat.TEXT), ninjs(InputFormat.NINJS);

        final InputFormat format;

        Type(InputFormat format) {
            this.format = format;
        }
    }

    static RawInput read(String file, Type type, InputStream stdin) throws IOException {
        byte[] payload = file.equals(STDIN) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        return new RawInput(file, "file", contentType(file), null, null, Map.of(), payload, Instant.now(),
                type.format);
    }

    static String contentType(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? null : CONTENT_TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
