package dev.newsroom.benchmarks;

import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.serde.AvroSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Confluent-format Avro serde on a 5 KB Arabic article, once the registry caches are warm (as in a running
 * service): this is the per-record cost every hop pays twice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SerdeBenchmark {

    private InMemoryConfluentRegistryServer registry;
    private AvroSerde<Article> serde;
    private static final String TOPIC = TopicId.ARTICLES.defaultName();

    private Article article;
    private byte[] bytes;

    @Setup
    public void setUp() {
        registry = InMemoryConfluentRegistryServer.start();
        serde = AvroSerde.specific(Article.class, new SchemaRegistryClient(registry.url()),
                Map.of("schema.registry.url", registry.url()), false);
        List<BodyBlock> blocks = new ArrayList<>();
        String paragraph = "في خضم التوترات الإقليمية المتصاعدة، كشف الهجوم الذي استهدف قوة أمريكية سورية في بادية تدمر "
                + "عن تطورات مثيرة للجدل، وتحديداً حول التعاون المتزايد بين واشنطن ودمشق في مكافحة الإرهاب.";
        for (int i = 0; i < 12; i++) {
            blocks.add(new BodyBlock(BlockKind.PARAGRAPH, paragraph, paragraph, 0));
        }
        article = Article.newBuilder(SampleRecords.article()).setBlocks(blocks).build();
        bytes = serde.serializer().serialize(TOPIC, article);
    }

    @TearDown
    public void tearDown() {
        registry.close();
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize(TOPIC, article);
    }

    @Benchmark
    public Article deserialize() {
        return serde.deserializer().deserialize(TOPIC, bytes);
    }

    /** Size of the record the figures are for, printed by {@link #main}. */
    public static void main(String[] args) {
        SerdeBenchmark benchmark = new SerdeBenchmark();
        benchmark.setUp();
        System.out.println("Article record: " + benchmark.bytes.length + " bytes");
        benchmark.tearDown();
    }
}
