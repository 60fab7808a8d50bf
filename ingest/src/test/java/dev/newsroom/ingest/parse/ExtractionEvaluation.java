package dev.newsroom.ingest.parse;

import dev.newsroom.schemas.Article;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Token-level F1 of extracted article bodies against ground truth: the evaluation set under
 * {@code src/test/resources/extraction-eval/} (see its README) and the Arabic sample page against the seed text.
 *
 * <p>Tokens: the text in NFC, lower-cased, every character that is neither a letter, a mark nor a digit replaced by a
 * space, split on whitespace. Precision, recall and F1 count tokens as a bag with multiplicity. The extracted body is
 * the text of the article's {@code bodyHtml} (paragraphs, headings, quotes, lists and figure captions).
 *
 * <p>Run {@code main} (e.g. {@code ./mvnw -pl ingest exec:java} is not wired; run it from the IDE, or read the report
 * that {@link ExtractionEvaluationTest} prints) for the per-page table.
 */
final class ExtractionEvaluation {

    static final Path EVAL_DIR = Path.of("src", "test", "resources", "extraction-eval");

    /** Precision, recall and F1 of one page. */
    record Score(String page, double precision, double recall, double f1, int predictedTokens, int goldTokens) {
    }

    private ExtractionEvaluation() {
    }

    static List<String> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder cleaned = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            int type = Character.getType(c);
            boolean keep = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || c == '\u200C';
            cleaned.append(keep ? c : ' ');
        }
        List<String> tokens = new ArrayList<>();
        for (String token : cleaned.toString().split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    static Score score(String page, String extracted, String gold) {
        List<String> predicted = tokens(extracted);
        List<String> expected = tokens(gold);
        Map<String, Integer> goldCounts = new HashMap<>();
        expected.forEach(token -> goldCounts.merge(token, 1, Integer::sum));
        int overlap = 0;
        for (String token : predicted) {
            Integer left = goldCounts.get(token);
            if (left != null && left > 0) {
                overlap++;
                goldCounts.put(token, left - 1);
            }
        }
        double precision = predicted.isEmpty() ? 0 : (double) overlap / predicted.size();
        double recall = expected.isEmpty() ? 0 : (double) overlap / expected.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(page, precision, recall, f1, predicted.size(), expected.size());
    }

    /** The body text the parser extracts from a page; empty when the page is rejected. */
    static String extractBody(byte[] html, String name) {
        try {
            ParsedDocument document = Fixtures.parse(Fixtures.input(name, "text/html", null, html));
            Article article = document.articles().get(0);
            return Jsoup.parseBodyFragment(article.getBodyHtml()).body().text();
        } catch (RejectedDocumentException e) {
            return "";
        }
    }

    /** Scores every page directory holding {@code source.html} and {@code expected.txt}, in name order. */
    static List<Score> evaluateSet() {
        try (Stream<Path> dirs = Files.list(EVAL_DIR)) {
            List<Path> pages = dirs.filter(dir -> Files.exists(dir.resolve("source.html"))).sorted().toList();
            List<Score> scores = new ArrayList<>();
            for (Path page : pages) {
                String name = page.getFileName().toString();
                String extracted = extractBody(Files.readAllBytes(page.resolve("source.html")), name);
                scores.add(score(name, extracted, Files.readString(page.resolve("expected.txt"), StandardCharsets.UTF_8)));
            }
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Arabic sample page against the seed text without its trailing junk lines. */
    static Score arabicSample() {
        String seed = Fixtures.sampleText(Fixtures.SEED);
        String gold = seed.substring(0, seed.indexOf("شاركها."));
        return score("page-ar-palmyra (samples)", extractBody(Fixtures.sample("page-ar-palmyra.html"), "page-ar-palmyra"), gold);
    }

    static double mean(List<Score> scores, java.util.function.ToDoubleFunction<Score> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(0);
    }

    static double median(List<Score> scores) {
        double[] sorted = scores.stream().mapToDouble(Score::f1).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String report(List<Score> scores, Score arabic) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s%n", "page", "precision", "recall", "F1",
                "tokens", "gold"));
        for (Score score : scores) {
            out.append(line(score));
        }
        out.append(String.format(Locale.ROOT, "%-28s %9.3f %9.3f %9.3f%n", "mean (" + scores.size() + " pages)", mean(scores, Score::precision),
                mean(scores, Score::recall), mean(scores, Score::f1)));
        out.append(String.format(Locale.ROOT, "%-28s %29.3f%n", "median F1", median(scores)));
        out.append(String.format(Locale.ROOT, "%-28s %29.3f%n", "min F1", scores.stream().mapToDouble(Score::f1).min().orElse(0)));
        out.append(line(arabic));
        return out.toString();
    }

    private static String line(Score score) {
        return String.format(Locale.ROOT, "%-28s %9.3f %9.3f %9.3f %9d %9d%n", score.page(), score.precision(), score.recall(), score.f1(),
                score.predictedTokens(), score.goldTokens());
    }

    public static void main(String[] args) {
        System.out.print(report(evaluateSet(), arabicSample()));
    }
}
