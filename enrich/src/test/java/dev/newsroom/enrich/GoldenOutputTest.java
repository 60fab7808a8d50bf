package dev.newsroom.enrich;

import dev.newsroom.enrich.ner.ConllCorpus;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Output equality: every field enrich adds (language, entities with mentions, offsets and ids, subjects,
 * advisories, keywords, counts, slug, summary) for the samples, the first articles of each held-out section set
 * and the first sentences of the NER corpora, against a committed expectation. It guards optimisations of the
 * enricher, which must not change a single output. Only the enricher's version (it hashes the code's rules
 * revision) is left out.
 * <p>
 * A deliberate change of output regenerates the expectation with {@code -Dnewsroom.golden.update=true}, and the
 * diff of {@value #EXPECTED} is then reviewed like code.
 */
class GoldenOutputTest {
    static final String EXPECTED = "src/test/resources/golden/enriched.txt.gz";
    private static final Path CORPORA = Path.of("..", "corpora");
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final int ARTICLES_PER_SECTION_SET = 40;
    private static final int SENTENCES_PER_CORPUS = 160;
    private static final int SENTENCES_PER_ARTICLE = 8;

    @Test
    void enrich_output_is_unchanged() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (Article article : inputs()) {
            actual.append(stableText(ENRICHER.enrich(article, NOW))).append('\n');
        }
        for (String sentence : sentences(CORPORA.resolve("newsfane-dev/newsfane-dev.conll"))) {
            actual.append(ENRICHER.tag(sentence, null)).append('\n');
        }
        for (String sentence : sentences(CORPORA.resolve("gmb/gmb-test.conll"))) {
            actual.append(ENRICHER.tag(sentence, "en")).append('\n');
        }
        Path expectedFile = Path.of(EXPECTED);
        if (Boolean.getBoolean("newsroom.golden.update")) {
            Files.createDirectories(expectedFile.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(expectedFile))) {
                out.write(actual.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(expectedFile).as("the expectation; write it with -Dnewsroom.golden.update=true").exists();
        String expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(expectedFile))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> actualLines = actual.toString().lines().toList();
        List<String> expectedLines = expected.lines().toList();
        for (int i = 0; i < Math.min(actualLines.size(), expectedLines.size()); i++) {
            assertThat(actualLines.get(i)).as("output line %d", i + 1).isEqualTo(expectedLines.get(i));
        }
        assertThat(actualLines).hasSameSizeAs(expectedLines);
    }

    private static List<Article> inputs() {
        List<Article> articles = new ArrayList<>();
        articles.add(SampleArticles.article("palmyra-ar.txt", "ar"));
        articles.add(SampleArticles.article("palmyra-en.txt", "en"));
        articles.add(SampleArticles.article("storm-en.txt", "en", "A storm.", List.of("Weather", "UK news")));
        articles.add(SampleArticles.article("morocco-football-ar.txt", "ar"));
        articles.add(SampleArticles.article("egypt-central-bank-ar.txt", "ar-EG"));
        articles.add(SampleArticles.article("gaza-aid-fr.txt", null));
        articles.add(repositorySample("000_5ae1655f0e8fde34.txt", "ar"));
        articles.add(repositorySample("000_5ae1655f0e8fde34.txt", "en"));
        for (String language : List.of("ar", "en", "fr")) {
            SectionData.read(CORPORA.resolve("sections/heldout-" + language + ".jsonl.gz")).stream()
                    .limit(ARTICLES_PER_SECTION_SET).forEach(item -> articles.add(item.article()));
        }
        for (String corpus : List.of("newsfane-dev/newsfane-dev.conll", "gmb/gmb-test.conll")) {
            List<String> sentences = sentences(CORPORA.resolve(corpus));
            for (int i = 0; i + SENTENCES_PER_ARTICLE <= sentences.size(); i += SENTENCES_PER_ARTICLE) {
                articles.add(LabelledArticle.of(corpus + "#" + i, corpus.startsWith("gmb") ? "en" : "ar", null,
                        sentences.subList(i, i + SENTENCES_PER_ARTICLE), NOW));
            }
        }
        return articles;
    }

    /** The Arabic plain-text sample of the repository's samples/, cut into paragraphs as the enrich samples are. */
    private static Article repositorySample(String name, String declaredLanguage) {
        String text;
        try {
            text = Files.readString(Path.of("..", "samples", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> parts = Arrays.stream(text.split("\\n\\s*\\n")).filter(p -> !p.isBlank()).map(String::strip)
                .toList();
        return SampleArticles.fromParts(name, declaredLanguage, parts.get(0), parts.subList(1, parts.size()), null,
                List.of());
    }

    private static List<String> sentences(Path conll) {
        try {
            return ConllCorpus.read(conll).stream().limit(SENTENCES_PER_CORPUS)
                    .map(s -> String.join(" ", s.tokens())).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every field but the input article and the version, one line, in schema order (Avro's JSON-like text). */
    private static String stableText(EnrichedArticle e) {
        StringBuilder b = new StringBuilder(e.getArticle().getId());
        for (Schema.Field field : e.getSchema().getFields()) {
            if (!field.name().equals("article") && !field.name().equals("enricherVersion")) {
                b.append(" | ").append(field.name()).append('=').append(e.get(field.pos()));
            }
        }
        return b.toString();
    }
}
