package dev.newsroom.benchmarks;

import dev.newsroom.devtools.bench.DocumentMix;
import dev.newsroom.enrich.Enricher;
import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.publish.outlet.OutletFile;
import dev.newsroom.publish.outlet.Outlets;
import dev.newsroom.publish.topology.PublishStage;
import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publish per CPU-second of the measuring thread and bytes allocated per article: the work of the publish
 * service's threads for one enriched article ({@link PublishStage}: the topology's processor with its RocksDB
 * stores, the sinks' serialisation, the alias index, the feed outlet's items), with the bench's outlets (a Kafka
 * outlet and a feed of 50 items, both taking everything). The articles are the bench's: 100 documents of
 * devtools' {@link DocumentMix} through ingest's parser and the enricher once at start; each one is sent again
 * and again under new ids, URLs and guids, so every record is a new story as in {@code ./newsroom bench}. Stores
 * are flushed every {@link #COMMIT_EVERY} articles (about what a 100 ms commit interval does at 1,000 articles/s).
 * Prints the median batch. Run: {@code benchmarks/run-publish-cpu [warm-up s] [batches]}.
 */
public final class PublishCpuHarness {
    private static final int BATCH = 200;
    private static final int COMMIT_EVERY = 100;
    private static final int MIX_DOCUMENTS = 100;
    /** The outlets {@code ./newsroom bench} gives the publish service. */
    private static final String BENCH_OUTLETS = """
            outlets:
              - name: wire
                kind: kafka
                topic: publish-cpu.newsroom.outlet.wire.v1
              - name: latest
                kind: feed
                title: newsroom bench
                link: https://bench.example/
                items: 50
            """;

    private PublishCpuHarness() {
    }

    public static void main(String[] args) throws IOException {
        int warmUpSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path work = Files.createTempDirectory("publish-cpu");
        List<EnrichedArticle> mix = benchMix();
        try (InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start()) {
            ServiceConfig config = ServiceConfig.of(Map.of("schema.registry.url", registry.url(),
                    "bootstrap.servers", "unused:9092"));
            TopicCatalogue topics = TopicCatalogue.of(config.asMap(), new SchemaRegistryClient(registry.url()));
            Outlets outlets = OutletFile.read(Files.writeString(work.resolve("outlets.yaml"), BENCH_OUTLETS), Map.of());
            PublishStage stage = new PublishStage(topics, outlets, work.resolve("state"));
            Serializer<EnrichedArticle> encoder = topics.enriched().valueSerde().serializer();
            Feeder feeder = new Feeder(mix, encoder, topics.enriched().name());
            long written = 0;
            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                written += run(stage, feeder.next(BATCH));
            }
            double[] perCpuSecond = new double[batches];
            double[] bytesPerArticle = new double[batches];
            for (int b = 0; b < batches; b++) {
                List<Feeder.Input> batch = feeder.next(BATCH);
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getCurrentThreadAllocatedBytes();
                written += run(stage, batch);
                perCpuSecond[b] = BATCH / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
                bytesPerArticle[b] = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) BATCH;
            }
            stage.close();
            System.out.printf(Locale.ROOT, "publish, bench mix (%d articles from %d documents): %.0f articles per"
                            + " CPU-second (median of %d batches of %d; min %.0f, max %.0f), %.0f bytes allocated per"
                            + " article, %.0f bytes written per article, load average %s%n", mix.size(),
                    MIX_DOCUMENTS, Batches.median(perCpuSecond), batches, BATCH,
                    Arrays.stream(perCpuSecond).min().orElseThrow(), Arrays.stream(perCpuSecond).max().orElseThrow(),
                    Batches.median(bytesPerArticle), written / (double) feeder.sent(), Batches.loadAverage());
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static long run(PublishStage stage, List<Feeder.Input> batch) {
        long written = 0;
        for (Feeder.Input input : batch) {
            written += stage.publish(input.key(), input.value(), input.timeMs());
            if (input.serial() % COMMIT_EVERY == 0) {
                stage.commit();
            }
        }
        return written;
    }

    /** The bench's documents through ingest's parser and the enricher, as the publish service receives them. */
    private static List<EnrichedArticle> benchMix() {
        DocumentMix documents = new DocumentMix(Samples.dir(), "publish-cpu", 1);
        DocumentParser parser = new DocumentParser();
        Enricher enricher = Enricher.loadDefault();
        List<EnrichedArticle> enriched = new ArrayList<>();
        for (int i = 0; i < MIX_DOCUMENTS; i++) {
            DocumentMix.Document document = documents.next("p", 0);
            for (Article article : parser.parse(RawInput.of(document.documentId(), "bench", document.contentType(),
                    null, document.payload()), Samples.lineage(document.documentId())).articles()) {
                enriched.add(enricher.enrich(article, Instant.EPOCH));
            }
        }
        return enriched;
    }

    /**
     * The mix's articles over and over, each time as a new story: id, canonical URL and guids get a serial, so the
     * publisher's store and the alias index grow as they do in the service. Serialised before the timing starts,
     * since that is the enrich service's work.
     */
    private static final class Feeder {
        record Input(long serial, String key, byte[] value, long timeMs) {
        }

        private static final long START_MS = Instant.parse("2026-12-07T00:00:00Z").toEpochMilli();

        private final List<EnrichedArticle> mix;
        private final Serializer<EnrichedArticle> encoder;
        private final String topic;
        private long serial;

        Feeder(List<EnrichedArticle> mix, Serializer<EnrichedArticle> encoder, String topic) {
            this.mix = mix;
            this.encoder = encoder;
            this.topic = topic;
        }

        List<Input> next(int count) {
            List<Input> inputs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                serial++;
                EnrichedArticle copy = renamed(mix.get((int) (serial % mix.size())), "-r" + serial);
                inputs.add(new Input(serial, copy.getArticle().getId(), encoder.serialize(topic, copy),
                        START_MS + serial));
            }
            return inputs;
        }

        long sent() {
            return serial;
        }

        private static EnrichedArticle renamed(EnrichedArticle enriched, String suffix) {
            Article article = enriched.getArticle();
            Article.Builder renamed = Article.newBuilder(article).setId(article.getId() + suffix)
                    .setAltIds(article.getAltIds().stream()
                            .map(altId -> new AltId(altId.getRole(), altId.getValue() + suffix)).toList());
            if (article.getCanonicalUrl() != null) {
                renamed.setCanonicalUrl(article.getCanonicalUrl() + suffix);
            }
            return EnrichedArticle.newBuilder(enriched).setArticle(renamed.build()).build();
        }
    }
}
