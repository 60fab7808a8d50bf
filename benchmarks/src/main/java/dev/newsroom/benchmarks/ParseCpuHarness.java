package dev.newsroom.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.newsroom.devtools.bench.DocumentMix;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Lineage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest's parser per CPU-second of the parsing thread, and bytes allocated per document: on a shared machine the
 * wall clock measures the scheduler, the thread's CPU time the parser. Each workload is warmed up, then timed in
 * batches; the median batch is reported. Run with {@code benchmarks/run-parse-cpu [warm-up rounds] [batches]
 * [workload]}, the last naming one workload (a sample's file name, or "bench mix") to measure it alone.
 *
 * <p>"bench mix" is 400 documents of {@code ./newsroom bench}'s own mix (devtools' {@link DocumentMix}).
 */
public final class ParseCpuHarness {

    private static final int BATCH = 40;
    private static final int MIX_DOCUMENTS = 400;

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
            System.out.printf("%-26s %,12.0f %,14.0f%n", workload.getKey(), Batches.median(rates),
                    Batches.median(allocated));
        }
    }

    /**
     * Documents drawn from the bench's own mix (its variants, weights and per-document changes), so this figure and
     * the bench's ingest stage parse the same inputs.
     */
    private static List<Doc> benchMix() {
        DocumentMix mix = new DocumentMix(Samples.dir(), "parse-cpu", 1);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < MIX_DOCUMENTS; i++) {
            DocumentMix.Document document = mix.next("h", 0);
            docs.add(new Doc(document.documentId(), document.contentType(), document.payload()));
        }
        return docs;
    }
}
