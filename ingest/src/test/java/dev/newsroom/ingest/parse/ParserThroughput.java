package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.document.ParserLimits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Rough throughput of {@link DocumentParser#parse} on the samples and a 10,000-item feed, after a warm-up. Not a
 * benchmark (a JMH one calls the same method); a quick look at the order of magnitude. Run from the IDE or with
 * {@code java -cp <test classpath> dev.newsroom.ingest.parse.ParserThroughput}.
 */
public final class ParserThroughput {

    private static final String[][] SAMPLES = {{Fixtures.SEED, "text/plain"}, {"page-ar-palmyra.html", "text/html"},
            {"feed-ar.rss", "application/rss+xml"}, {"feed-en.atom", "application/atom+xml"}, {"feed.json", "application/feed+json"},
            {"wire-ninjs.json", "application/json"}};

    private ParserThroughput() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        for (int warmup = 0; warmup < 2; warmup++) {
            for (String[] sample : SAMPLES) {
                run(sample[0], sample[1], Fixtures.sample(sample[0]), rounds / 2, false);
            }
        }
        for (String[] sample : SAMPLES) {
            run(sample[0], sample[1], Fixtures.sample(sample[0]), rounds, true);
        }
        run("10,000-item RSS", "application/rss+xml", bigFeed(), 5, true);
    }

    /**
     * Reports wall-clock and per CPU-second of this thread: on a shared machine only the latter is stable, as the
     * scheduler cannot stretch the CPU time a parse takes.
     */
    private static void run(String name, String contentType, byte[] payload, int times, boolean report) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < times; i++) {
            Fixtures.parse(Fixtures.input(name, contentType, null, payload));
        }
        double millis = (System.nanoTime() - start) / 1e6 / times;
        double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / times;
        if (report) {
            System.out.printf(Locale.ROOT, "%-28s %9.3f ms/doc %9.0f docs/s %7.1f MB/s %9.0f docs per CPU-second%n", name,
                    millis, 1000 / millis, payload.length / millis / 1000, 1000 / cpuMillis);
        }
    }

    private static byte[] bigFeed() {
        StringBuilder feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title><link>https://big.example/</link>");
        for (int i = 0; i < ParserLimits.DEFAULT_MAX_ITEMS; i++) {
            feed.append("<item><title>Story ").append(i).append("</title><link>https://big.example/s/").append(i)
                    .append("</link><pubDate>Sun, 14 Dec 2025 07:30:00 +0000</pubDate><description><![CDATA[<p>Paragraph one of story ")
                    .append(i).append(", with a <a href=\"/x\">link</a>.</p><p>Paragraph two.</p>]]></description></item>");
        }
        return feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
