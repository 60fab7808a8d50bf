package dev.newsroom.benchmarks;

import dev.newsroom.ingest.parse.charset.CharsetResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest's charset decoding alone ({@link CharsetResolver#decode}), which every raw document goes through before any
 * parsing: the project's samples (UTF-8, as most input is) and prose in other scripts, as UTF-8 and in the legacy
 * charsets that script's sites used. Documents per second, and bytes per second through the counter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CharsetBenchmark {

    /** A sample file, or {@code <text sample>|<charset>} for prose from ingest's test texts in that charset. */
    @Param({"000_5ae1655f0e8fde34.txt", "page-ar-palmyra.html", "feed-ar.rss", "ja.wikipedia|UTF-8",
            "ko.wikipedia|UTF-8", "zh.wikipedia|UTF-8", "ru.wikipedia|UTF-8", "ja.wikipedia|EUC-JP",
            "ko.wikipedia|EUC-KR", "zh.wikipedia|GB18030", "el.wikipedia|ISO-8859-7", "th.wikipedia|TIS-620"})
    public String input;

    private byte[] bytes;

    /** Bytes decoded, reported next to documents per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Volume {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] nameAndCharset = input.split("\\|");
        bytes = nameAndCharset.length == 1 ? Samples.bytes(input)
                : prose(nameAndCharset[0], Charset.forName(nameAndCharset[1]));
    }

    @Benchmark
    public String decode(Volume volume) {
        volume.bytes += bytes.length;
        return CharsetResolver.decode(bytes, null, "Document 'bench'").text();
    }

    /** The paragraphs of a text sample that the charset can hold, encoded in it. */
    private static byte[] prose(String sample, Charset charset) {
        Path file = Path.of(System.getProperty("newsroom.home", "."), "ingest", "src", "test", "resources", "charsets",
                sample + ".txt");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Benchmarks need ingest's text samples (run them with benchmarks/run)", e);
        }
        CharsetEncoder encoder = charset.newEncoder();
        List<String> kept = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            if (encoder.canEncode(paragraph.strip())) {
                kept.add(paragraph.strip());
            }
        }
        String prose = String.join("\n\n", kept);
        if (prose.length() < 600) {
            throw new IllegalStateException(charset + " holds too little of " + file + " to measure");
        }
        return prose.getBytes(charset);
    }
}
