package dev.newsroom.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Lineage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest's parser per CPU-second of the parsing thread, and bytes allocated per document: on a shared machine the
 * wall clock measures the scheduler, the thread's CPU time the parser. Each workload is warmed up, then timed in
 * batches; the median batch is reported. Run with {@code benchmarks/run-parse-cpu [warm-up rounds] [batches]
 * [workload]}, the last naming one workload (a sample's file name, or "bench mix") to measure it alone.
 *
 * <p>"bench mix" is the document mix of {@code ./newsroom bench} (devtools' {@code DocumentMix}): Arabic RSS of one,
 * two and three items, the Arabic page and plain text, English Atom of one and two entries, and a three-item JSON
 * Feed, in its weights (6 : 1 : 2 : 4 : 2).
 */
public final class ParseCpuHarness {

    private static final int BATCH = 40;

    private record Doc(String name, String contentType, byte[] payload) {
    }

    private ParseCpuHarness() {
    }

    public static void main(String[] args) {
        int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, List<Doc>> workloads = new LinkedHashMap<>();
        String[][] samples = {{"feed-ar.rss", "application/rss+xml"}, {"feed-en.atom", "application/atom+xml"},
                {"feed.json", "application/feed+json"}, {"page-ar-palmyra.html", "text/html"},
                {"000_5ae1655f0e8fde34.txt", "text/plain; charset=utf-8"}, {"wire-ninjs.json", "application/json"}};
        for (String[] sample : samples) {
            workloads.put(sample[0], List.of(new Doc(sample[0], sample[1], Samples.bytes(sample[0]))));
        }
        workloads.put("bench mix", benchMix());
        if (args.length > 2) {
            workloads.keySet().retainAll(List.of(args[2]));
        }
        DocumentParser parser = new DocumentParser();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        System.out.printf("%-26s %12s %14s%n", "workload", "docs/CPU-s", "bytes/doc");
        for (Map.Entry<String, List<Doc>> workload : workloads.entrySet()) {
            List<Doc> docs = workload.getValue();
            List<RawInput> inputs = docs.stream()
                    .map(doc -> RawInput.of(doc.name(), "bench", doc.contentType(), null, doc.payload())).toList();
            Lineage lineage = Samples.lineage(workload.getKey());
            int perBatch = docs.size() == 1 ? BATCH : docs.size() * Math.max(1, BATCH / docs.size());
            for (int i = 0; i < warmUp; i++) {
                parser.parse(inputs.get(i % inputs.size()), lineage);
            }
            double[] rates = new double[batches];
            double[] allocated = new double[batches];
            for (int b = 0; b < batches; b++) {
                long bytes = threads.getThreadAllocatedBytes(thread);
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perBatch; i++) {
                    parser.parse(inputs.get(i % inputs.size()), lineage);
                }
                long spent = threads.getCurrentThreadCpuTime() - cpu;
                allocated[b] = (threads.getThreadAllocatedBytes(thread) - bytes) / (double) perBatch;
                rates[b] = perBatch / (spent / 1e9);
            }
            System.out.printf("%-26s %,12.0f %,14.0f%n", workload.getKey(), median(rates), median(allocated));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One cycle of the bench mix, each variant as often as its weight. */
    private static List<Doc> benchMix() {
        String rss = new String(Samples.bytes("feed-ar.rss"), StandardCharsets.UTF_8);
        String atom = new String(Samples.bytes("feed-en.atom"), StandardCharsets.UTF_8);
        String json = new String(Samples.bytes("feed.json"), StandardCharsets.UTF_8);
        List<String> items = split(rss, "  <item>", "  </item>\n");
        String rssHead = rss.substring(0, rss.indexOf("  <item>"));
        String rssTail = "</channel>\n</rss>\n";
        List<String> entries = split(atom, "  <entry>", "  </entry>\n");
        String atomHead = atom.substring(0, atom.indexOf("  <entry>"));
        String jsonItem = json.substring(json.indexOf("    {"), json.lastIndexOf("    }") + 5);
        String jsonItems = String.join(",\n", jsonItem.replace("/storm-levant", "/storm-levant-1"),
                jsonItem.replace("/storm-levant", "/storm-levant-2"), jsonItem.replace("/storm-levant", "/storm-levant-3"));
        List<Doc> mix = new ArrayList<>();
        add(mix, "rss-1", "application/rss+xml", rssHead + items.get(0) + rssTail, 2);
        add(mix, "rss-2", "application/rss+xml", rssHead + items.get(1) + items.get(2) + rssTail, 2);
        add(mix, "rss-3", "application/rss+xml", rssHead + items.get(1) + rssTail, 1);
        add(mix, "rss-all", "application/rss+xml", rss, 1);
        add(mix, "text", "text/plain; charset=utf-8", new String(Samples.bytes("000_5ae1655f0e8fde34.txt"), StandardCharsets.UTF_8), 2);
        add(mix, "page", "text/html", new String(Samples.bytes("page-ar-palmyra.html"), StandardCharsets.UTF_8), 1);
        add(mix, "atom-1", "application/atom+xml", atomHead + entries.get(0) + "</feed>\n", 2);
        add(mix, "atom-all", "application/atom+xml", atom, 2);
        add(mix, "json", "application/feed+json", json.replace(jsonItem, jsonItems), 2);
        return mix;
    }

    private static void add(List<Doc> mix, String name, String contentType, String text, int weight) {
        for (int i = 0; i < weight; i++) {
            mix.add(new Doc(name, contentType, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> split(String text, String open, String close) {
        List<String> parts = new ArrayList<>();
        int at = text.indexOf(open);
        while (at >= 0) {
            int end = text.indexOf(close, at) + close.length();
            parts.add(text.substring(at, end));
            at = text.indexOf(open, end);
        }
        return parts;
    }
}
