package dev.newsroom.ops.operate;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.schemas.AltId;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import dev.newsroom.schemas.TextDirection;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import dev.newsroom.schemas.topic.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A pipeline of its own on the shared test broker: every topic and application id carries a unique prefix, and a
 * client config file tells the commands about it exactly as an operator's would.
 */
public final class PrefixedPipeline {

    private final KafkaStack stack;
    private final String prefix;
    private final Map<String, String> settings = new HashMap<>();
    private final TopicCatalogue topics;
    private final Path clientConfig;

    public PrefixedPipeline(KafkaStack stack, Path dir, String name) {
        this.stack = stack;
        this.prefix = KafkaStack.uniqueName(name);
        settings.putAll(TopicCatalogue.prefixed(prefix + "."));
        settings.put("bootstrap.servers", stack.bootstrapServers());
        settings.put("schema.registry.url", stack.schemaRegistryUrl());
        topics = TopicCatalogue.of(settings, new SchemaRegistryClient(stack.schemaRegistryUrl()));
        String overrides = Stream.of(TopicId.values()).map(id -> id.configKey() + "=" + topics.name(id))
                .collect(Collectors.joining("\n"));
        try {
            clientConfig = Files.writeString(dir.resolve(prefix + ".properties"), overrides + "\n"
                    + ApplicationIdOptions.CONFIG_KEY + "=" + prefix + "-\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String prefix() {
        return prefix;
    }

    public TopicCatalogue topics() {
        return topics;
    }

    public String name(TopicId id) {
        return topics.name(id);
    }

    public String applicationId(PipelineService service) {
        return prefix + "-" + service.label();
    }

    /** The options every command gets, pointing at this pipeline. */
    public List<String> connection() {
        return List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.schemaRegistryUrl(), "--client-config", clientConfig.toString());
    }

    public OperateCli.Run run(String... args) {
        return OperateCli.run(connection(), args);
    }

    /** Settings for a service of this pipeline, as its own process would have them. */
    public ServiceConfig serviceConfig(PipelineService service, Path stateDir, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(settings);
        config.put("application.id", applicationId(service));
        config.put("newsroom.state.dir", stateDir.toString());
        config.put("newsroom.topic.partitions", "2");
        config.put("newsroom.management.port", "0");
        config.putAll(extra);
        return ServiceConfig.of(config);
    }

    public void createTopics(int partitions) {
        try (Admin admin = admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(topics.specs(partitions, (short) 1));
        }
    }

    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            new TopicProvisioner(admin, Duration.ofSeconds(60)).ensure(List.of(
                    new TopicProvisioner.TopicSpec(name, partitions, (short) 1, Map.of())));
        }
    }

    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()));
    }

    public KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** Everything committed to a topic right now, partition by partition, in offset order. */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end " + ends);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    /** An article as ingest writes it, with a body long enough for the enricher to work on. */
    public static Article article(String id, String language, String source, String headline, String body) {
        return Article.newBuilder()
                .setId(id)
                .setVersion(1)
                .setSource(source)
                .setCanonicalUrl("https://" + source + "/" + id)
                .setAltIds(List.<AltId>of())
                .setLanguage(language)
                .setDirection(language.equals("ar") ? TextDirection.rtl : TextDirection.ltr)
                .setHeadline(headline)
                .setHeadlineDerived(false)
                .setByline(List.of())
                .setPublishedAt(Instant.parse("2026-11-27T08:00:00Z"))
                .setUpdatedAt(null)
                .setBlocks(List.of(new BodyBlock(BlockKind.PARAGRAPH, body, body, 0)))
                .setBodyHtml("<p>" + body + "</p>")
                .setSummary(null)
                .setMedia(List.of())
                .setCategories(List.of())
                .setContentHash(Integer.toHexString((headline + body).hashCode()))
                .setLineage(Lineage.newBuilder()
                        .setRawTopic("raw")
                        .setRawPartition(0)
                        .setRawOffset(0L)
                        .setDocumentId(id)
                        .setItemIndex(0)
                        .setFormat("text")
                        .setIngestedAt(Instant.parse("2026-11-27T08:00:01Z"))
                        .setIngestVersion("test")
                        .build())
                .build();
    }
}
