package dev.newsroom.schemas.serde;

import dev.newsroom.schemas.registry.RegisteredSchema;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import dev.newsroom.schemas.registry.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated ({@link SpecificRecord}) and generic Avro records in the Confluent wire format
 * (see {@link ConfluentWireFormat}), so any Confluent-compatible consumer can read them. The
 * subject is {@code <topic>-value} or {@code <topic>-key} (Confluent's TopicNameStrategy) unless
 * {@value SchemaRegistryConfig#VALUE_SUBJECT_NAME_STRATEGY} /
 * {@value SchemaRegistryConfig#KEY_SUBJECT_NAME_STRATEGY} choose another {@link SubjectNameStrategy}.
 *
 * <p>Which schema id goes on the record:
 * <ul>
 *   <li>default: the record's own schema, registered on first use
 *       ({@value SchemaRegistryConfig#AUTO_REGISTER_SCHEMAS}=true);</li>
 *   <li>{@value SchemaRegistryConfig#AUTO_REGISTER_SCHEMAS}=false: the record's own schema, which
 *       must already be registered (for producers that must not create schema versions);</li>
 *   <li>{@value SchemaRegistryConfig#USE_LATEST_VERSION}=true: the subject's latest schema. A
 *       record whose schema differs is first projected onto the latest schema by Avro schema
 *       resolution (its own schema as writer, the latest as reader): fields are matched by name,
 *       fields unknown to the latest schema are dropped, and fields the record lacks take the
 *       latest schema's defaults. That works exactly when the latest schema can read the record's
 *       schema; otherwise the record fails with a {@link SerializationException}. Confluent instead
 *       writes the record's fields by position, which silently garbles data when fields were
 *       reordered.</li>
 * </ul>
 *
 * <p>{@code null} serializes to {@code null} so tombstones stay tombstones. Registry failures are
 * thrown as they come from {@link SchemaRegistryClient} (transient ones are Kafka
 * {@link org.apache.kafka.common.errors.RetriableException}s); failures to encode the record are
 * {@link SerializationException}s.
 *
 * <p>Thread-safe once configured. Build with {@link #AvroSerializer()} when Kafka instantiates it
 * from configuration, or hand it a shared client; either way call {@link #configure} first.
 */
public class AvroSerializer<T> implements Serializer<T> {

    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<Projection, DatumReader<Object>> projections = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
    /** Size of the previous record, so the buffer rarely has to grow. */
    private volatile int lastSize;

    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegister = true;
    private boolean useLatest;
    private SubjectNameStrategy subjectNames = SubjectNameStrategy.TOPIC;

    public AvroSerializer() {
    }

    /** Uses {@code client} instead of building one from the configuration, to share its caches. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryConfig config = new SchemaRegistryConfig(configs);
        if (client == null) {
            client = new SchemaRegistryClient(configs);
        }
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatest = config.useLatestVersion();
        this.subjectNames = config.subjectNameStrategy(isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("Cannot serialize a " + data.getClass().getName() + " to topic '"
                    + topic + "': only Avro records, enums and fixed values are supported");
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        Schema own = container.getSchema();
        String subject = subjectNames.subject(topic, isKey, own);
        Schema writerSchema = own;
        int id;
        if (useLatest) {
            RegisteredSchema latest = client.latest(subject);
            id = latest.id();
            writerSchema = latest.schema();
        } else {
            // The client's cache is keyed by the schema's JSON, which is costly to render for every record; a
            // record's schema is usually one shared instance, whose hash Avro caches.
            id = ids.computeIfAbsent(new SubjectSchema(subject, own),
                    key -> autoRegister ? client.register(subject, own) : client.idOf(subject, own));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, lastSize));
        ConfluentWireFormat.writeHeader(out, id);
        try {
            Object datum = writerSchema.equals(own) ? data : project(data, own, writerSchema);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(writerSchema, datum).write(datum, encoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize a " + own.getFullName() + " to topic '" + topic
                    + "' with schema id " + id + " of subject '" + subject + "': " + e.getMessage(), e);
        }
        lastSize = out.size();
        return out.toByteArray();
    }

    private Object project(Object datum, Schema own, Schema target) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        writerFor(own, datum).write(datum, EncoderFactory.get().directBinaryEncoder(buffer, null));
        DatumReader<Object> reader = projections.computeIfAbsent(new Projection(own, target),
                p -> new GenericDatumReader<>(p.from(), p.to(), GenericData.get()));
        return reader.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
    }

    private DatumWriter<Object> writerFor(Schema schema, Object datum) {
        return writers.computeIfAbsent(new WriterKey(schema, datum.getClass()), key -> {
            boolean specific = SpecificRecord.class.isAssignableFrom(key.type()) || key.type().isEnum();
            return specific
                    ? new SpecificDatumWriter<>(key.schema(), SpecificData.getForClass(key.type()))
                    : new GenericDatumWriter<>(key.schema(), GenericData.get());
        });
    }

    /** The datum's class decides the data model: generated classes carry their own logical-type conversions. */
    private record WriterKey(Schema schema, Class<?> type) {
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Projection(Schema from, Schema to) {
    }
}
