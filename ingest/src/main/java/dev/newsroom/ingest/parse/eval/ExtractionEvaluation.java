package dev.newsroom.ingest.parse.eval;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.ParsedDocument;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.schemas.Lineage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Body F1 of ingest's HTML extraction on a corpus of real pages with ground truth: every page goes through
 * {@link DocumentParser#parse} as a fetched page would, and the text of the article's body HTML is scored against the
 * truth with {@link BodyScore}. A rejected page scores 0.
 *
 * <p>The corpus is a folder with {@code manifest.tsv} (header row; columns page, language, split, ..., page_file,
 * truth_file, the last two relative to the folder); a page file ending in {@code .gz} is gunzipped first. The
 * project's corpus is {@code corpora/extraction/} (see its README).
 *
 * <p>{@link #scoreExtracted} scores another extractor's outputs on the same corpus with the same tokens, so that a
 * figure of ours can be set beside a reference tool's.
 */
public final class ExtractionEvaluation {

    /** A page of the corpus; held-out pages were not looked at while the extractor was tuned. */
    public record Page(String id, String language, boolean heldOut, Path html, Path truth) {
    }

    /** One page's outcome: its score, and the rejection message when the parser refused it. */
    public record PageResult(Page page, BodyScore score, String rejection) {
    }

    /** Every page's outcome, and the CPU time parsing took on this thread (empty when the texts came from elsewhere). */
    public record Result(List<PageResult> pages, OptionalDouble parseCpuSeconds) {

        public double meanF1(Predicate<PageResult> which) {
            return pages.stream().filter(which).mapToDouble(page -> page.score().f1()).average().orElse(0);
        }

        public Map<String, List<PageResult>> byLanguage() {
            Map<String, List<PageResult>> languages = new TreeMap<>();
            pages.forEach(page -> languages.computeIfAbsent(page.page().language(), k -> new ArrayList<>()).add(page));
            return languages;
        }

        public List<PageResult> rejected() {
            return pages.stream().filter(page -> page.rejection() != null).toList();
        }

        /** Per-language and overall figures, then the rejected pages with their reasons. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-9s %6s %9s %9s %9s %10s %9s %9s%n",
                    "language", "pages", "precision", "recall", "F1", "F1 tuned", "F1 held", "rejected"));
            byLanguage().forEach((language, results) -> out.append(row(language, results)));
            out.append(row("all", pages));
            parseCpuSeconds.ifPresent(seconds -> out.append(String.format(Locale.ROOT,
                    "parsed %d pages in %.2f CPU-seconds (%.0f pages per CPU-second)%n",
                    pages.size(), seconds, pages.size() / Math.max(seconds, 1e-9))));
            for (PageResult page : rejected()) {
                out.append("rejected ").append(page.page().id()).append(": ").append(page.rejection()).append('\n');
            }
            return out.toString();
        }

        /** Every page below {@code threshold}, worst first, with precision and recall to tell noise from loss. */
        public String misses(double threshold) {
            StringBuilder out = new StringBuilder();
            pages.stream().filter(page -> page.score().f1() < threshold)
                    .sorted(Comparator.comparingDouble(page -> page.score().f1()))
                    .forEach(page -> out.append(String.format(Locale.ROOT, "%-44s %-3s %-7s P %.3f R %.3f F1 %.3f (%d tokens, truth %d)%n",
                            page.page().id(), page.page().language(), page.page().heldOut() ? "held" : "tuned",
                            page.score().precision(), page.score().recall(), page.score().f1(),
                            page.score().extractedTokens(), page.score().truthTokens())));
            return out.toString();
        }

        private static String row(String label, List<PageResult> results) {
            Result subset = new Result(results, OptionalDouble.empty());
            return String.format(Locale.ROOT, "%-9s %6d %9.3f %9.3f %9.3f %10s %9s %9d%n", label, results.size(),
                    results.stream().mapToDouble(page -> page.score().precision()).average().orElse(0),
                    results.stream().mapToDouble(page -> page.score().recall()).average().orElse(0),
                    subset.meanF1(page -> true), figure(subset, page -> !page.page().heldOut()),
                    figure(subset, page -> page.page().heldOut()), subset.rejected().size());
        }

        private static String figure(Result subset, Predicate<PageResult> which) {
            return subset.pages().stream().anyMatch(which) ? String.format(Locale.ROOT, "%.3f", subset.meanF1(which)) : "-";
        }
    }

    private ExtractionEvaluation() {
    }

    /** The pages the manifest lists, in its order. */
    public static List<Page> corpus(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(dir.resolve("manifest.tsv") + " is empty");
            }
            List<String> header = List.of(lines.get(0).split("\t"));
            int id = column(header, "page");
            int language = column(header, "language");
            int split = column(header, "split");
            int html = column(header, "page_file");
            int truth = column(header, "truth_file");
            List<Page> pages = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                pages.add(new Page(fields[id], fields[language], fields[split].equals("heldout"), dir.resolve(fields[html]),
                        dir.resolve(fields[truth])));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int column(List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("manifest.tsv has no column '" + name + "' (columns: " + header + ")");
        }
        return index;
    }

    public static Result evaluate(Path dir, DocumentParser parser) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<PageResult> results = new ArrayList<>();
        long cpu = 0;
        for (Page page : corpus(dir)) {
            byte[] html = read(page.html());
            String truth = readText(page.truth());
            long start = threads.getCurrentThreadCpuTime();
            String extracted;
            String rejection = null;
            try {
                extracted = bodyText(parser.parse(RawInput.of(page.id(), "extraction-corpus", "text/html", null, html), lineage(page)));
            } catch (RejectedDocumentException e) {
                extracted = "";
                rejection = e.getMessage();
            }
            cpu += threads.getCurrentThreadCpuTime() - start;
            results.add(new PageResult(page, BodyScore.of(extracted, truth), rejection));
        }
        return new Result(results, OptionalDouble.of(cpu / 1e9));
    }

    /**
     * Scores texts another extractor made from the corpus's pages: {@code extracted/<page>.txt} for every page of the
     * manifest, an empty file for a page the tool gave nothing for (it scores 0, as a rejection does).
     *
     * @throws IllegalArgumentException naming the first page that has no text file, so that a partial run is never
     *     taken for a figure over the whole corpus
     */
    public static Result scoreExtracted(Path dir, Path extracted) {
        List<PageResult> results = new ArrayList<>();
        for (Page page : corpus(dir)) {
            Path text = extracted.resolve(page.id() + ".txt");
            if (!Files.isRegularFile(text)) {
                throw new IllegalArgumentException("no extracted text for page " + page.id() + ": " + text + " is missing");
            }
            results.add(new PageResult(page, BodyScore.of(readText(text), readText(page.truth())), null));
        }
        return new Result(results, OptionalDouble.empty());
    }

    /** The article's body as text: what a reader of the published body HTML sees. */
    public static String bodyText(ParsedDocument document) {
        if (document.articles().isEmpty()) {
            return "";
        }
        return Jsoup.parseBodyFragment(document.articles().get(0).getBodyHtml()).body().text();
    }

    private static Lineage lineage(Page page) {
        return Lineage.newBuilder().setRawTopic("").setRawPartition(-1).setRawOffset(-1L).setDocumentId(page.id())
                .setItemIndex(0).setFormat("").setIngestedAt(Instant.EPOCH).build();
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return file.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }
}
