package dev.newsroom.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.CommittedRecords;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.platform.config.ServiceConfig;
import dev.newsroom.platform.streams.ServiceRunner;
import dev.newsroom.platform.testing.TestServiceSettings;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BlockKind;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.EnrichedArticle;
import dev.newsroom.schemas.Entity;
import dev.newsroom.schemas.Stage;
import dev.newsroom.schemas.fixtures.SampleRecords;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.TopicCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich service on the real broker and registry: articles in, enriched articles out, poison dead-lettered. */
@WithKafkaStack
class EnrichServiceIT {

    @TempDir
    Path stateDir;

    @Test
    void articlesAreEnrichedExactlyOnceAndAPoisonRecordIsDeadLettered(KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("enrich");
        Map<String, String> settings = TestServiceSettings.forStack(stack, prefix, stateDir);
        TopicCatalogue topics = TopicCatalogue.of(settings, new SchemaRegistryClient(stack.schemaRegistryUrl()));
        Article seed = seedArticle();

        try (ServiceRunner runner = ServiceRunner.start(new EnrichApplication(), ServiceConfig.of(settings))) {
            await().atMost(Duration.ofSeconds(90)).until(runner::isReady);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.articles().name(), "poison",
                        "not avro".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(topics.articles().name(), seed.getId(),
                        topics.articles().valueSerde().serializer().serialize(topics.articles().name(), seed))).get();
            }

            List<EnrichedArticle> enriched = CommittedRecords.read(stack, topics.enriched().name(),
                    topics.enriched().valueSerde().deserializer(), 1);
            List<DeadLetter> deadLetters = CommittedRecords.read(stack, topics.deadLetters().name(),
                    topics.deadLetters().valueSerde().deserializer(), 1);

            assertThat(enriched).singleElement().satisfies(result -> {
                assertThat(result.getArticle()).isEqualTo(seed);
                assertThat(result.getLanguage().getCode()).isEqualTo("ar");
                assertThat(result.getEnricherVersion()).isNotBlank();
                assertThat(result.getEntities()).extracting(Entity::getName)
                        .contains("Donald Trump", "Palmyra", "Islamic State");
                assertThat(result.getSubjects()).extracting(s -> s.getCode()).contains("medtop:16000000");
            });
            assertThat(deadLetters).singleElement().satisfies(letter -> {
                assertThat(letter.getStage()).isEqualTo(Stage.ENRICH);
                assertThat(letter.getReason()).contains("magic byte");
            });
        }
    }

    /** The seed article as ingest would produce it: paragraphs and the seven subheadings from the sample text. */
    private static Article seedArticle() throws Exception {
        String text = Files.readString(Path.of("..", "samples", "000_5ae1655f0e8fde34.txt"));
        List<BodyBlock> blocks = new ArrayList<>();
        for (String part : text.split("\\n\\s*\\n")) {
            String line = part.strip();
            if (line.isEmpty() || line.startsWith("شاركها") || line.startsWith("Exit mobile")) {
                continue;
            }
            BlockKind kind = line.length() < 80 && !line.endsWith(".") ? BlockKind.HEADING : BlockKind.PARAGRAPH;
            blocks.add(new BodyBlock(kind, line, line, kind == BlockKind.HEADING ? 2 : 0));
        }
        return Article.newBuilder(SampleRecords.article())
                .setId("akhbar.example:seed")
                .setHeadline("هجوم تدمر يكشف ملامح تعاون أمريكي سوري في مكافحة الإرهاب")
                .setBlocks(blocks)
                .build();
    }
}
