package dev.newsroom.benchmarks;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.ParserLimits;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Lineage;
import java.nio.charset.StandardCharsets;
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
 * Ingest's parser on each sample, as the service calls it: documents per second, and through the counters bytes
 * and items per second (MB/s and items/s for feeds, pages/s for the HTML page), per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    @Param({"feed-ar.rss|application/rss+xml", "feed-en.atom|application/atom+xml",
            "feed.json|application/feed+json", "page-ar-palmyra.html|text/html",
            "000_5ae1655f0e8fde34.txt|text/plain", "wire-ninjs.json|application/json",
            BIG_FEED + "|application/rss+xml"})
    public String sample;

    /** A feed at the parser's item limit, built here: how the per-item cost adds up. */
    static final String BIG_FEED = "generated-10000-item-feed.rss";

    private final DocumentParser parser = new DocumentParser();
    private RawInput input;
    private Lineage lineage;

    /** Throughput of bytes and items, reported next to documents per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Volume {
        public long bytes;
        public long items;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
            items = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] nameAndType = sample.split("\\|");
        byte[] payload = nameAndType[0].equals(BIG_FEED) ? bigFeed() : Samples.bytes(nameAndType[0]);
        input = RawInput.of(nameAndType[0], "bench", nameAndType[1], null, payload);
        lineage = Samples.lineage(nameAndType[0]);
    }

    @Benchmark
    public ParsedDocument parse(Volume volume) {
        ParsedDocument parsed = parser.parse(input, lineage);
        volume.bytes += input.payload().length;
        volume.items += parsed.articles().size();
        return parsed;
    }

    private static byte[] bigFeed() {
        StringBuilder feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title>"
                + "<link>https://big.example/</link>");
        for (int i = 0; i < ParserLimits.DEFAULT_MAX_ITEMS; i++) {
            feed.append("<item><title>Story ").append(i).append("</title><link>https://big.example/s/").append(i)
                    .append("</link><pubDate>Sun, 14 Dec 2025 07:30:00 +0000</pubDate><description><![CDATA[<p>")
                    .append("Paragraph one of story ").append(i)
                    .append(", with a <a href=\"/x\">link</a>.</p><p>Paragraph two.</p>]]></description></item>");
        }
        return feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
