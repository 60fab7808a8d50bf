package dev.newsroom.ops.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.devstack.net.LoopbackPorts;
import dev.newsroom.enrich.service.EnrichApplication;
import dev.newsroom.ingest.service.IngestApplication;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.ops.operate.PipelineService;
import dev.newsroom.ops.operate.PrefixedPipeline;
import dev.newsroom.ops.verify.PipelineLedger.ArticleRecord;
import dev.newsroom.ops.verify.PipelineLedger.DeadLetterRecord;
import dev.newsroom.ops.verify.PipelineLedger.OutcomeRecord;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.publish.service.PublishApplication;
import dev.newsroom.publish.service.PublishSettings;
import dev.newsroom.schemas.IngestOutcomeKind;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsroom verify} on the real services after a mixed batch like a newsroom's day: the samples, feeds without
 * items in every feed format, re-ingests unchanged under the same and under another document id, a feed re-sent with
 * one story changed, teasers, a feed repeating its own items, and bad inputs of every kind. Every raw record must be
 * accounted for with what ingest made of it (articles, dead letters, or the reason nothing was due), and the books
 * must balance with nothing unaccounted.
 */
@WithKafkaStack
class MixedBatchVerifyIT {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final String SOURCE = "akhbar.example";
    private static final String SEED = "000_5ae1655f0e8fde34.txt";

    private static final String EMPTY_RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>أخبار المساء</title><link>https://akhbar.example/evening</link>
            <description>لا أخبار جديدة</description></channel></rss>
            """;
    private static final String EMPTY_ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire: world</title><id>tag:wire.example,2025:world</id>
            <updated>2025-12-14T08:00:00Z</updated><link href="https://wire.example/world"/></feed>
            """;
    private static final String EMPTY_JSON_FEED = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Weather alerts",
             "home_page_url": "https://weather.example/", "items": []}
            """;
    private static final String TEASERS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire: latest</title><link>https://wire.example/</link>
            <item><title>Storm closes ports along the coast</title><link>https://wire.example/storm-ports</link></item>
            <item><title>Central bank holds rates</title><link>https://wire.example/rates-hold</link></item>
            </channel></rss>
            """;
    private static final String STORY = "<description>Ports along the coast closed on Monday as the storm made"
            + " landfall, and shipping companies said they would wait for the all-clear.</description>";
    private static final String REPEATS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire: coast</title><link>https://wire.example/coast</link>
            <item><title>Storm closes ports</title><guid>wire-coast-1</guid>%s</item>
            <item><title>Markets steady</title><guid>wire-coast-2</guid><description>Markets held steady on Tuesday
              after the central bank's decision to keep rates unchanged.</description></item>
            <item><title>Storm closes ports</title><guid>wire-coast-1</guid>%s</item>
            <item><title>Storm closes ports</title><guid>wire-coast-1-amp</guid>%s</item>
            </channel></rss>
            """.formatted(STORY, STORY, STORY);

    @TempDir
    Path dir;

    /** What one raw record must become: article versions, dead letters (whole or by item), outcomes by item. */
    private record Expected(String key, int articles, int wholeLetters, List<IngestOutcomeKind> outcomes) {
    }

    @Test
    void everyRawRecordOfAMixedBatchIsAccountedForAndTheBooksBalance(KafkaStack stack) throws Exception {
        PrefixedPipeline pipeline = new PrefixedPipeline(stack, dir, "books");
        pipeline.createTopics(2);
        Map<String, String> publishSettings = Map.of(
                PublishSettings.WORKERS_ENABLED.key(), "false",
                PublishSettings.HTTP_PORT.key(), String.valueOf(LoopbackPorts.free()));
        Serializer<RawDocument> rawValues = pipeline.topics().raw().valueSerde().serializer();
        Map<RecordPosition, Expected> expected = new LinkedHashMap<>();
        byte[] feedAr = sample("feed-ar.rss");
        byte[] garbage = new byte[4096];
        new Random(12).nextBytes(garbage);

        try (ServiceRunner ingest = ServiceRunner.start(new IngestApplication(),
                     pipeline.serviceConfig(PipelineService.INGEST, dir.resolve("ingest"), Map.of()));
             ServiceRunner enrich = ServiceRunner.start(new EnrichApplication(),
                     pipeline.serviceConfig(PipelineService.ENRICH, dir.resolve("enrich"), Map.of()));
             ServiceRunner publish = ServiceRunner.start(new PublishApplication(Map.of()),
                     pipeline.serviceConfig(PipelineService.PUBLISH, dir.resolve("publish"), publishSettings));
             KafkaProducer<byte[], byte[]> producer = pipeline.producer();
             PipelineLedger ledger = new PipelineLedger(Map.of("bootstrap.servers", stack.bootstrapServers()),
                     pipeline.topics(), null, Map.of())) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> ingest.isReady() && enrich.isReady() && publish.isReady());
            Sender send = new Sender(producer, pipeline.name(TopicId.RAW), rawValues,
                    expected);

            send.document("seed", "text/plain; charset=utf-8", sample(SEED), new Expected("seed", 1, 0, List.of()));
            send.document("feed-ar", "application/rss+xml", feedAr, new Expected("feed-ar", 3, 0, List.of()));
            send.document("feed-en", "application/atom+xml", sample("feed-en.atom"),
                    new Expected("feed-en", 2, 0, List.of()));
            send.document("feed-json", "application/feed+json", sample("feed.json"),
                    new Expected("feed-json", 1, 0, List.of()));
            send.document("wire", "application/json", sample("wire-ninjs.json"),
                    new Expected("wire", 1, 0, List.of()));
            send.document("page", "text/html; charset=utf-8", sample("page-ar-palmyra.html"),
                    new Expected("page", 1, 0, List.of()));
            send.document("empty-rss", "application/rss+xml", utf8(EMPTY_RSS),
                    new Expected("empty-rss", 0, 0, List.of(IngestOutcomeKind.EMPTY_DOCUMENT)));
            send.document("empty-atom", "application/atom+xml", utf8(EMPTY_ATOM),
                    new Expected("empty-atom", 0, 0, List.of(IngestOutcomeKind.EMPTY_DOCUMENT)));
            send.document("empty-json", "application/feed+json", utf8(EMPTY_JSON_FEED),
                    new Expected("empty-json", 0, 0, List.of(IngestOutcomeKind.EMPTY_DOCUMENT)));
            send.document("teasers", "application/rss+xml", utf8(TEASERS), new Expected("teasers", 2, 0, List.of()));
            send.document("repeats", "application/rss+xml", utf8(REPEATS), new Expected("repeats", 2, 0,
                    List.of(IngestOutcomeKind.DUPLICATE_ITEM, IngestOutcomeKind.DUPLICATE_ITEM)));
            send.document("malformed", "application/rss+xml",
                    utf8("<rss version=\"2.0\"><channel><item><title>Cut off"), new Expected("malformed", 0, 1,
                            List.of()));
            send.document("binary", "application/octet-stream", garbage, new Expected("binary", 0, 1, List.of()));
            send.document("doctype", "application/rss+xml", utf8("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x"
                    + " SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>"),
                    new Expected("doctype", 0, 1, List.of()));
            send.document("empty-payload", "text/plain", new byte[0], new Expected("empty-payload", 0, 1, List.of()));
            send.bytes("not-avro", utf8("{\"documentId\": \"not-avro\"}"), new Expected("not-avro", 0, 1, List.of()));
            settle(pipeline, ledger, 16);

            // Sent once the first round is in, so each re-ingest meets the versions it repeats.
            send.document("feed-en", "application/atom+xml", sample("feed-en.atom"), new Expected("feed-en", 0, 0,
                    List.of(IngestOutcomeKind.UNCHANGED, IngestOutcomeKind.UNCHANGED)));
            send.document("seed-copy", "text/plain; charset=utf-8", sample(SEED),
                    new Expected("seed-copy", 0, 0, List.of(IngestOutcomeKind.UNCHANGED)));
            send.document("feed-ar", "application/rss+xml", utf8(new String(feedAr, StandardCharsets.UTF_8)
                    .replaceFirst("في الختام", "وفي الختام")), new Expected("feed-ar", 1, 0,
                    List.of(IngestOutcomeKind.UNCHANGED, IngestOutcomeKind.UNCHANGED)));
            send.document("repeats", "application/rss+xml", utf8(REPEATS), new Expected("repeats", 0, 0,
                    List.of(IngestOutcomeKind.UNCHANGED, IngestOutcomeKind.UNCHANGED,
                            IngestOutcomeKind.DUPLICATE_ITEM, IngestOutcomeKind.DUPLICATE_ITEM)));
            send.document("empty-rss", "application/rss+xml", utf8(EMPTY_RSS),
                    new Expected("empty-rss", 0, 0, List.of(IngestOutcomeKind.EMPTY_DOCUMENT)));
            send.document("malformed", "application/rss+xml",
                    utf8("<rss version=\"2.0\"><channel><item><title>Cut off"), new Expected("malformed", 0, 1,
                            List.of()));
            Account account = settle(pipeline, ledger, 22);

            LedgerSnapshot books = ledger.snapshot();
            Map<RecordPosition, List<ArticleRecord>> articles = books.articles().stream()
                    .collect(Collectors.groupingBy(a -> a.lineage().rawRecord()));
            Map<RecordPosition, List<DeadLetterRecord>> letters = books.deadLetters().stream()
                    .filter(l -> l.stage() == Stage.INGEST).collect(Collectors.groupingBy(DeadLetterRecord::original));
            Map<RecordPosition, List<OutcomeRecord>> outcomes = books.outcomes().stream()
                    .collect(Collectors.groupingBy(OutcomeRecord::raw));
            List<String> mismatches = new ArrayList<>();
            expected.forEach((at, want) -> {
                List<IngestOutcomeKind> kinds = outcomes.getOrDefault(at, List.of()).stream()
                        .sorted(Comparator.comparing(o -> o.itemIndex() == null ? -1 : o.itemIndex()))
                        .map(OutcomeRecord::kind).toList();
                Expected got = new Expected(want.key(), articles.getOrDefault(at, List.of()).size(),
                        letters.getOrDefault(at, List.of()).size(), kinds);
                if (!got.equals(want)) {
                    mismatches.add(at + ": expected " + want + ", got " + got);
                }
            });
            assertThat(mismatches).as("raw records whose account differs").isEmpty();
            assertThat(account.problems()).isEmpty();

            CommandLineRun verify = run(pipeline, "verify", "--from", "PT1H");
            System.out.println(verify.out());

            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out())
                    .containsPattern("ingest\\s+raw documents\\s+22\\s+9\\s+14\\s+6\\s+7\\s+0\\s+0\\s+0")
                    .containsPattern("enrich\\s+article versions\\s+14\\s+")
                    .contains("NOTHING DUE AT INGEST")
                    .containsPattern("empty document\\s+4\\s+4")
                    .containsPattern("unchanged\\s+3\\s+7")
                    .containsPattern("duplicate item\\s+0\\s+4")
                    .contains("1 raw records not in the wire format or not decodable), 15 nothing-due outcomes")
                    .contains("DEAD LETTERS (6)", "BALANCED")
                    .doesNotContain("UNACCOUNTED");
        }
    }

    /** Waits until ingest has seen {@code raw} records and every stage has caught up, and returns the account. */
    private static Account settle(PrefixedPipeline pipeline, PipelineLedger ledger, int raw) {
        AtomicReference<Account> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            ServiceGroups groups;
            try (Admin admin = pipeline.admin()) {
                groups = ServiceGroups.read(admin, pipeline.applicationId(PipelineService.INGEST),
                        pipeline.applicationId(PipelineService.ENRICH),
                        pipeline.applicationId(PipelineService.PUBLISH));
            }
            Account account = Reconciler.reconcile(ledger.catchUp(), groups);
            last.set(account);
            return account.stages().get(0).in() == raw && account.complete();
        });
        return last.get();
    }

    /** Sends raw records one by one and notes where each landed and what it must become. */
    private record Sender(KafkaProducer<byte[], byte[]> producer, String topic, Serializer<RawDocument> values,
                          Map<RecordPosition, Expected> expected) {

        void document(String id, String contentType, byte[] payload, Expected outcome) throws Exception {
            RawDocument document = RawDocument.newBuilder()
                    .setDocumentId(id)
                    .setSource(SOURCE)
                    .setContentType(contentType)
                    .setReceivedAt(Instant.now())
                    .setPayload(ByteBuffer.wrap(payload))
                    .build();
            bytes(id, values.serialize(topic, document), outcome);
        }

        void bytes(String key, byte[] value, Expected outcome) throws Exception {
            RecordMetadata at = producer.send(new ProducerRecord<>(topic, utf8(key), value)).get();
            expected.put(new RecordPosition(topic, at.partition(), at.offset()), outcome);
        }
    }

    private static CommandLineRun run(PrefixedPipeline pipeline, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(pipeline.connection());
        return CommandLineRun.of(all.toArray(String[]::new));
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
