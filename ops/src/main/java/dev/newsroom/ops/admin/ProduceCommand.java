package dev.newsroom.ops.admin;

import dev.newsroom.ops.cli.ConnectionOptions;
import dev.newsroom.schemas.RawDocument;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.topic.Topic;
import dev.newsroom.schemas.topic.TopicCatalogue;
import dev.newsroom.schemas.topic.TopicId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsroom produce}: sends files to the raw topic as a newsroom system would. */
@Command(name = "produce", description = "Send files to the raw topic as RawDocuments (key: the document id).")
public final class ProduceCommand implements Callable<Integer> {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "rss", "application/rss+xml", "xml", "application/xml", "atom", "application/atom+xml",
            "json", "application/json", "html", "text/html", "htm", "text/html", "txt", "text/plain; charset=utf-8");

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--source", defaultValue = "cli", description = "Source name (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--content-type", description = "Content type to declare (default: from the file extension).")
    String contentType;

    @Option(names = "--id", description = "Document id (default: the file name). Only with one file.")
    String documentId;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (documentId != null && files.size() > 1) {
            throw new IllegalArgumentException("--id names one document, but " + files.size() + " files were given");
        }
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicId.LARGE_RECORD_BYTES);
        TopicCatalogue topics = TopicCatalogue.of(config, new SchemaRegistryClient(config));
        Topic<String, RawDocument> raw = topics.raw();
        config.keySet().removeIf(key -> key.startsWith("newsroom."));
        try (var producer = new KafkaProducer<>(config, raw.keySerde().serializer(), raw.valueSerde().serializer())) {
            for (Path file : files) {
                RawDocument document = document(file);
                RecordMetadata written = producer.send(new ProducerRecord<>(raw.name(), document.getDocumentId(),
                        document)).get();
                spec.commandLine().getOut().printf("%s -> %s-%d@%d%n", document.getDocumentId(), written.topic(),
                        written.partition(), written.offset());
            }
        }
        return 0;
    }

    private RawDocument document(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String declared = contentType != null ? contentType
                : dot < 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        return RawDocument.newBuilder()
                .setDocumentId(documentId != null ? documentId : name)
                .setSource(source)
                .setContentType(declared)
                .setUri(null)
                .setReceivedAt(Instant.now())
                .setPayload(ByteBuffer.wrap(Files.readAllBytes(file)))
                .build();
    }
}
