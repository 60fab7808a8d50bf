package dev.newsroom.ops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.enrich.Enricher;
import dev.newsroom.enrich.topology.EnrichTopology;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.topology.IngestTopology;
import dev.newsroom.platform.testing.TopologyTestStack;
import dev.newsroom.publish.outlet.AdvisoryPolicy;
import dev.newsroom.publish.outlet.FeedOutlet;
import dev.newsroom.publish.outlet.KafkaOutlet;
import dev.newsroom.publish.outlet.OutletFilter;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.topology.PublishTopology;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard of every optimisation: the samples, every page of the extraction corpus and a set of bad inputs go
 * through ingest, enrich and publish (their real topologies, chained), and every record that comes out — articles,
 * enriched articles, published versions, outlet copies, outcomes and dead letters — must be byte for byte what the
 * committed expectation says. The expectation holds one line per record: where it came from, its topic and key, the
 * SHA-256 of its full text and the text's beginning; the full texts of a run are written beside the build output for
 * diffing. A dead letter is compared without its time and stack trace. A change that is meant to alter outputs regenerates it explicitly, with
 * {@code -Dnewsroom.golden.update=true}, and the diff of the expectation shows what changed.
 */
class PipelineOutputEqualityTest {

    private static final Path EXPECTATION = Path.of("src", "test", "resources", "golden", "pipeline-outputs.tsv");
    private static final Path ACTUAL = Path.of("target", "pipeline-outputs.txt");
    private static final Path ROOT = Path.of("..");
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "rss", "application/rss+xml", "atom", "application/atom+xml", "json", "application/json",
            "html", "text/html", "txt", "text/plain", "md", "text/markdown");

    @TempDir
    Path stateDir;

    /** One raw document and where it came from. */
    private record Input(String name, String contentType, byte[] payload) {
    }

    @Test
    void everyOutputOfTheSamplesAndCorporaIsWhatTheExpectationSays() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (TopologyTestStack ingest = TopologyTestStack.start(Stage.INGEST, "newsroom-ingest",
                stateDir.resolve("ingest"), NOW, topics -> IngestTopology.build(topics, new DocumentParser(),
                        "newsroom-ingest", clock));
             TopologyTestStack enrich = TopologyTestStack.start(Stage.ENRICH, "newsroom-enrich",
                     stateDir.resolve("enrich"), NOW, topics -> EnrichTopology.build(topics, Enricher.loadDefault(),
                             clock));
             TopologyTestStack publish = TopologyTestStack.start(Stage.PUBLISH, "newsroom-publish",
                     stateDir.resolve("publish"), NOW, topics -> PublishTopology.build(topics, outlets(),
                             Duration.ofSeconds(1)))) {
            TestInputTopic<String, RawDocument> raw = ingest.input(ingest.topics().raw());
            TestInputTopic<String, byte[]> rawBytes = ingest.bytesInput(ingest.topics().raw());
            TestInputTopic<String, Article> articlesIn = enrich.input(enrich.topics().articles());
            TestInputTopic<String, EnrichedArticle> enrichedIn = publish.input(publish.topics().enriched());
            TestOutputTopic<String, Article> articles = ingest.output(ingest.topics().articles());
            Map<String, TestOutputTopic<String, ?>> ingestOut = Map.of(
                    "ingest:outcomes", ingest.output(ingest.topics().ingestOutcomes()),
                    "ingest:deadletter", ingest.output(ingest.topics().deadLetters()));
            TestOutputTopic<String, EnrichedArticle> enriched = enrich.output(enrich.topics().enriched());
            Map<String, TestOutputTopic<String, ?>> enrichOut = Map.of(
                    "enrich:deadletter", enrich.output(enrich.topics().deadLetters()));
            Map<String, TestOutputTopic<String, ?>> publishOut = Map.of(
                    "publish:published", publish.output(publish.topics().published()),
                    "publish:deadletter", publish.output(publish.topics().deadLetters()));
            TestOutputTopic<String, String> wire = publish.driver().createOutputTopic("outlet.wire",
                    Serdes.String().deserializer(), Serdes.String().deserializer());

            for (Input input : inputs()) {
                String key = input.name();
                if (input.contentType() == null) {
                    rawBytes.pipeInput(key, input.payload(), NOW);
                } else {
                    raw.pipeInput(key, RawDocument.newBuilder().setDocumentId(key).setSource("golden.example")
                            .setContentType(input.contentType()).setUri(null).setReceivedAt(NOW)
                            .setPayload(ByteBuffer.wrap(input.payload())).build(), NOW);
                }
                List<TestRecord<String, Article>> made = articles.readRecordsToList();
                record(lines, texts, input.name(), "ingest:articles", made);
                drain(lines, texts, input.name(), ingestOut);
                for (TestRecord<String, Article> article : made) {
                    articlesIn.pipeInput(article.key(), article.value(), NOW);
                }
                List<TestRecord<String, EnrichedArticle>> tagged = enriched.readRecordsToList();
                record(lines, texts, input.name(), "enrich:enriched", tagged);
                drain(lines, texts, input.name(), enrichOut);
                for (TestRecord<String, EnrichedArticle> article : tagged) {
                    enrichedIn.pipeInput(article.key(), article.value(), NOW);
                }
                drain(lines, texts, input.name(), publishOut);
                record(lines, texts, input.name(), "publish:outlet.wire", wire.readRecordsToList());
            }
        }
        Files.createDirectories(ACTUAL.getParent());
        Files.write(ACTUAL, texts, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("newsroom.golden.update")) {
            Files.write(EXPECTATION, lines, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(EXPECTATION, StandardCharsets.UTF_8);
        assertThat(lines)
                .as("the pipeline's outputs differ from %s (full texts of this run in %s); if the change is meant,"
                        + " regenerate with -Dnewsroom.golden.update=true and review the diff", EXPECTATION, ACTUAL)
                .containsExactlyElementsOf(expected);
        assertThat(lines).as("the inputs make articles, published versions and dead letters")
                .anyMatch(line -> line.contains("\tpublish:published\t"))
                .anyMatch(line -> line.contains("\tingest:deadletter\t"));
    }

    /** Everything waiting on each output, in a fixed order of outputs. */
    private static void drain(List<String> lines, List<String> texts, String input,
                              Map<String, TestOutputTopic<String, ?>> outputs) {
        outputs.keySet().stream().sorted().forEach(where -> record(lines, texts, input, where,
                new ArrayList<>(outputs.get(where).readRecordsToList())));
    }

    private static Outlets outlets() {
        return new Outlets(List.of(
                new KafkaOutlet("wire", OutletFilter.EVERYTHING, AdvisoryPolicy.PUBLISH_WITH_ADVISORY, "outlet.wire"),
                new FeedOutlet("latest", OutletFilter.EVERYTHING, AdvisoryPolicy.PUBLISH_WITH_ADVISORY, "Latest",
                        "Latest", URI.create("https://golden.example/"), "ar", 50, null)));
    }

    private static void record(List<String> lines, List<String> texts, String input, String where,
                               List<? extends TestRecord<String, ?>> records) {
        for (TestRecord<String, ?> record : records) {
            String text = String.valueOf(comparable(record.value()));
            lines.add(String.join("\t", input, where, String.valueOf(record.key()), sha256(text),
                    beginning(text)));
            texts.add(input + "\t" + where + "\t" + record.key() + "\t" + text);
        }
    }

    /**
     * A dead letter records when it was written (the wall clock, not the pipeline's) and where in the code the
     * failure was raised; neither is what the pipeline made of its input, so neither is compared.
     */
    private static Object comparable(Object value) {
        return value instanceof DeadLetter letter ? DeadLetter.newBuilder(letter).setFailedAt(Instant.EPOCH)
                .setStackTrace("").build() : value;
    }

    private static String beginning(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The samples, every extraction-corpus page, a repeat, and inputs every pipeline must refuse. */
    private static List<Input> inputs() throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (Path file : files(ROOT.resolve("samples"))) {
            inputs.add(input("samples/" + file.getFileName(), file));
        }
        for (Path file : files(ROOT.resolve("corpora/extraction/pages"))) {
            inputs.add(input("extraction/" + file.getFileName(), file));
        }
        Input feed = input("samples/feed-ar.rss", ROOT.resolve("samples/feed-ar.rss"));
        inputs.add(new Input(feed.name() + " (sent again, unchanged)", feed.contentType(), feed.payload()));
        inputs.add(new Input("bad/empty.txt", "text/plain", new byte[0]));
        inputs.add(new Input("bad/truncated.rss", "application/rss+xml",
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("bad/entity-expansion.xml", "application/rss+xml", ("<?xml version=\"1.0\"?><!DOCTYPE r"
                + " [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><rss><channel><item><title>&b;</title>"
                + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("bad/not-our-wire-format", null, "plain bytes, no magic byte".getBytes(
                StandardCharsets.UTF_8)));
        return inputs;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Input input(String name, Path file) throws IOException {
        String fileName = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        if (fileName.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
            fileName = fileName.substring(0, fileName.length() - 3);
        }
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return new Input(name, CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"), bytes);
    }
}
