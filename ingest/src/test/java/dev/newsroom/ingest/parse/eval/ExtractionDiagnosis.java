package dev.newsroom.ingest.parse.eval;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.ingest.parse.document.RejectedDocumentException;
import dev.newsroom.schemas.Lineage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Where extraction loses on the corpus, block by block: for each page below an F1 threshold, the extracted blocks
 * that the truth does not hold (kept junk, what costs precision) and the truth lines that the extraction does not hold
 * (missed text, what costs recall). Text is compared as word tokens ({@link BodyTokens}) joined by spaces, so markup
 * and spacing do not count. A tool for tuning, not a test; run with
 * {@code java -cp <test classpath> dev.newsroom.ingest.parse.eval.ExtractionDiagnosis [corpus] [threshold] [tune|heldout|all]}.
 */
public final class ExtractionDiagnosis {

    private static final String BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, pre, td, dt, dd";

    private ExtractionDiagnosis() {
    }

    public static void main(String[] args) {
        Path corpus = Path.of(args.length > 0 ? args[0] : "corpora/extraction");
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.97;
        String split = args.length > 2 ? args[2] : "tune";
        DocumentParser parser = new DocumentParser();
        for (ExtractionEvaluation.Page page : ExtractionEvaluation.corpus(corpus)) {
            if (!split.equals("all") && page.heldOut() != split.equals("heldout")) {
                continue;
            }
            String truth = new String(read(page.truth()), StandardCharsets.UTF_8);
            String bodyHtml;
            try {
                var document = parser.parse(RawInput.of(page.id(), "extraction-corpus", "text/html", null, read(page.html())),
                        lineage(page));
                bodyHtml = document.articles().isEmpty() ? "" : document.articles().get(0).getBodyHtml();
            } catch (RejectedDocumentException e) {
                bodyHtml = "";
            }
            Element body = Jsoup.parseBodyFragment(bodyHtml).body();
            BodyScore score = BodyScore.of(body.text(), truth);
            if (score.f1() >= threshold) {
                continue;
            }
            System.out.printf(Locale.ROOT, "== %s %s P %.3f R %.3f F1 %.3f%n", page.id(), page.language(), score.precision(),
                    score.recall(), score.f1());
            String truthKey = key(truth);
            for (Element block : body.select(BLOCKS)) {
                if (!block.select(BLOCKS).stream().allMatch(inner -> inner == block)) {
                    continue;
                }
                report("+ " + block.normalName(), block.text(), truthKey);
            }
            String extractedKey = key(body.text());
            for (String line : truth.split("\n")) {
                report("- truth", line, extractedKey);
            }
        }
    }

    private static String key(String text) {
        return " " + String.join(" ", BodyTokens.of(text)) + " ";
    }

    private static void report(String label, String text, String otherKey) {
        List<String> tokens = BodyTokens.of(text);
        if (!tokens.isEmpty() && !otherKey.contains(key(text))) {
            String shown = text.length() > 160 ? text.substring(0, 160) + "…" : text;
            System.out.printf(Locale.ROOT, "  %s [%d] %s%n", label, tokens.size(), shown);
        }
    }

    private static Lineage lineage(ExtractionEvaluation.Page page) {
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
}
