package dev.newsroom.schemas.evolution;

import dev.newsroom.schemas.topic.TopicId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The published versions of each topic's value schema, kept in {@code schemas/history/<Record>/v<N>.avsc}.
 * When a schema changes, its new full schema is added as the next version.
 */
final class SchemaHistory {

    static final Path ROOT = Path.of("history");
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    record Version(int number, Path file, Schema schema) {
    }

    private SchemaHistory() {
    }

    static Schema current(TopicId topic) {
        return SpecificData.get().getSchema(topic.valueType());
    }

    static List<Version> versions(TopicId topic) {
        Path dir = ROOT.resolve(topic.valueType().getSimpleName());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> {
                        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
                        if (!matcher.matches()) {
                            throw new IllegalStateException("Unexpected file in schema history: " + file);
                        }
                        return new Version(Integer.parseInt(matcher.group(1)), file, parse(file));
                    })
                    .sorted(Comparator.comparingInt(Version::number))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
