package dev.newsroom.ops.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.ops.CommandLineRun;
import dev.newsroom.schemas.ModerationAction;
import dev.newsroom.schemas.ModerationCommand;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.serde.AvroSerde;
import dev.newsroom.schemas.topic.TopicId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafkaStack
class ModerateCommandIT {

    @TempDir
    Path dir;

    @Test
    void aModerationCommandSentWithoutWaitingReachesTheCommandsTopicKeyedByItsArticle(KafkaStack stack) throws Exception {
        String prefix = KafkaStack.uniqueName("moderate");
        String topic = prefix + "." + TopicId.MODERATION_COMMANDS.defaultName();
        Path clientConfig = Files.writeString(dir.resolve("client.properties"),
                TopicId.MODERATION_COMMANDS.configKey() + "=" + topic + "\n");
        String[] connection = {"--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.schemaRegistryUrl(), "--client-config", clientConfig.toString()};
        CommandLineRun created = CommandLineRun.of(concat(new String[] {"topics", "create", "--partitions", "2"},
                connection));
        assertThat(created.exitCode()).as(created.err()).isZero();

        CommandLineRun kill = CommandLineRun.of(concat(new String[] {"moderate", "kill", "akhbar.example:palmyra",
                "--reason", "Legal: wrong casualty figures", "--by", "editor@akhbar.example", "--command-id",
                "cmd-7f3a", "--no-wait"}, connection));

        assertThat(kill.exitCode()).as(kill.err()).isZero();
        assertThat(kill.out()).startsWith("kill akhbar.example:palmyra: command cmd-7f3a -> " + topic + "-");
        List<ConsumerRecord<String, ModerationCommand>> records = read(stack, topic);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("akhbar.example:palmyra");
            assertThat(record.value().getAction()).isEqualTo(ModerationAction.KILL);
            assertThat(record.value().getCommandId()).isEqualTo("cmd-7f3a");
            assertThat(record.value().getReason()).isEqualTo("Legal: wrong casualty figures");
            assertThat(record.value().getIssuedBy()).isEqualTo("editor@akhbar.example");
        });
    }

    private static List<ConsumerRecord<String, ModerationCommand>> read(KafkaStack stack, String topic) {
        var values = AvroSerde.specific(ModerationCommand.class, new SchemaRegistryClient(stack.schemaRegistryUrl()),
                Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        List<ConsumerRecord<String, ModerationCommand>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, KafkaStack.uniqueName("read"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values.deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
