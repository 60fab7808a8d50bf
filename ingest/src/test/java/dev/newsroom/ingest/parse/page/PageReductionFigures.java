package dev.newsroom.ingest.parse.page;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.document.LinkedPage;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.schemas.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints how much {@link PageReducer#reduce} saves on HTML pages, and whether the reduced page still gives the same
 * article (headline, blocks, byline, dates, summary, media): what decides between carrying whole pages and reduced ones
 * in raw records.
 *
 * <pre>java -cp ... dev.newsroom.ingest.parse.PageReductionFigures [DIR_OR_FILE...]</pre>
 * Without arguments it reads the pages of {@link PageReductionTest}: the extraction corpus's pages from Readability's
 * test set and the Arabic sample page.
 */
final class PageReductionFigures {

    private PageReductionFigures() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        if (args.length == 0) {
            PageReductionTest.pages().forEach(name -> pages.put(name, PageReductionTest.bytes(name)));
        }
        for (String arg : args) {
            Path path = Path.of(arg);
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(p -> p.toString().endsWith(".html")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
            for (Path file : files) {
                pages.put(file.toString(), Files.readAllBytes(file));
            }
        }
        long wholeTotal = 0;
        long reducedTotal = 0;
        int same = 0;
        int reducedPages = 0;
        System.out.printf("%-60s %10s %10s %7s %8s  %s%n", "page", "whole B", "reduced B", "ratio", "ms", "same article");
        for (Map.Entry<String, byte[]> page : pages.entrySet()) {
            String file = page.getKey();
            byte[] bytes = page.getValue();
            String url = "https://news.example/" + Path.of(file).getFileName();
            LinkedPage whole = new LinkedPage(url, url, "text/html", null, bytes, Instant.EPOCH);
            long start = System.nanoTime();
            LinkedPage reduced;
            try {
                reduced = PageReducer.reduce(whole);
            } catch (RejectedDocumentException e) {
                System.out.printf("%-60s %10d %10s  refused: %s%n", file, bytes.length, "-", e.getMessage());
                continue;
            }
            double millis = (System.nanoTime() - start) / 1e6;
            boolean equal = sameArticle(article(whole), article(reduced));
            same += equal ? 1 : 0;
            reducedPages++;
            wholeTotal += bytes.length;
            reducedTotal += reduced.payload().length;
            System.out.printf("%-60s %10d %10d %6.1f× %8.1f  %s%n", file, bytes.length, reduced.payload().length,
                    (double) bytes.length / reduced.payload().length, millis, equal ? "yes" : "NO");
        }
        System.out.printf("total: %d of %d pages reduced, whole %d B, reduced %d B (%.1f×), same article for %d%n",
                reducedPages, pages.size(), wholeTotal, reducedTotal, (double) wholeTotal / Math.max(1, reducedTotal),
                same);
    }

    private static Article article(LinkedPage page) {
        RawInput input = new RawInput(page.url(), "figures", page.contentType(), page.fetchedUrl(), page.charset(), Map.of(),
                page.payload(), Instant.EPOCH, null);
        try {
            return Fixtures.PARSER.parse(input, Fixtures.lineage()).articles().get(0);
        } catch (RejectedDocumentException e) {
            return null;
        }
    }

    private static boolean sameArticle(Article a, Article b) {
        return a != null && b != null && a.getContentHash().equals(b.getContentHash()) && a.getByline().equals(b.getByline())
                && java.util.Objects.equals(a.getPublishedAt(), b.getPublishedAt())
                && java.util.Objects.equals(a.getUpdatedAt(), b.getUpdatedAt())
                && a.getCategories().equals(b.getCategories())
                && java.util.Objects.equals(a.getLanguage(), b.getLanguage());
    }
}
