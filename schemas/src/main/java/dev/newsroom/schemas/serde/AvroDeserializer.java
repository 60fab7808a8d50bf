package dev.newsroom.schemas.serde;

import dev.newsroom.schemas.registry.SchemaNotFoundException;
import dev.newsroom.schemas.registry.SchemaRegistryClient;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import dev.newsroom.schemas.registry.SchemaRegistryUnavailableException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format (see {@link ConfluentWireFormat}), whoever wrote
 * them, fetching each writer schema from the registry by the id in the record.
 *
 * <p>What comes out:
 * <ul>
 *   <li>given a generated class (constructor, or {@value SchemaRegistryConfig#SPECIFIC_AVRO_VALUE_TYPE} /
 *       {@value SchemaRegistryConfig#SPECIFIC_AVRO_KEY_TYPE}): an instance of it. The class's schema is
 *       the reader schema, so records written with older or newer compatible schemas are resolved
 *       into the class this service was compiled against;</li>
 *   <li>{@value SchemaRegistryConfig#SPECIFIC_AVRO_READER}=true: the generated class named like the
 *       writer schema, with that class's schema as reader schema;</li>
 *   <li>otherwise a {@link GenericData.Record} in the writer's schema.</li>
 * </ul>
 *
 * <p><b>Which failures are poison records.</b> A Kafka Streams deserialization handler must tell
 * a record that will never be readable (send it to the dead-letter topic) from an outage (retry,
 * never dead-letter). The rule, also available as {@link #isPoisonRecord}:
 * <ul>
 *   <li>{@link SerializationException} ({@link WireFormatException}: bad magic byte, truncated,
 *       undecodable, writer schema unresolvable to the reader schema; {@link UnknownSchemaIdException}:
 *       the registry has no such id) &#8594; poison: dead-letter it;</li>
 *   <li>{@link SchemaRegistryUnavailableException}, a Kafka
 *       {@link org.apache.kafka.common.errors.RetriableException} &#8594; transient: fail or retry,
 *       never dead-letter;</li>
 *   <li>anything else ({@link dev.newsroom.schemas.registry.SchemaRegistryException} for 401/403,
 *       {@link ConfigException} for untrusted classes) &#8594; the service is misconfigured: stop it.</li>
 * </ul>
 *
 * <p>{@code null} deserializes to {@code null} so tombstones stay tombstones. Thread-safe once
 * configured; {@link #configure} must be called before use.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Map<Integer, GenericDatumReader<Object>> readersByWriterId = new ConcurrentHashMap<>();

    private SchemaRegistryClient client;
    private Class<?> specificClass;
    private Schema specificSchema;
    private SpecificData specificModel;
    private boolean specificByWriterName;

    /** For instantiation by Kafka from configuration. */
    public AvroDeserializer() {
    }

    /**
     * Reads into {@code specificClass}, or generic records when it is null, using {@code client}
     * instead of building one from the configuration, to share its caches.
     *
     * @throws ConfigException if the class is not a generated Avro record or Avro does not trust it
     */
    public AvroDeserializer(SchemaRegistryClient client, Class<T> specificClass) {
        this.client = client;
        if (specificClass != null) {
            readInto(specificClass, "given to AvroDeserializer");
        }
    }

    /**
     * Reads into {@code specificClass}.
     *
     * @throws ConfigException if the class is not a generated Avro record or Avro does not trust it
     */
    public AvroDeserializer(Class<T> specificClass) {
        this(null, specificClass);
    }

    /**
     * The dead-letter rule of this class: true when {@code error}, thrown by a deserializer, means
     * the record itself can never be read, false for outages and misconfiguration.
     */
    public static boolean isPoisonRecord(Throwable error) {
        return error instanceof SerializationException;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryConfig config = new SchemaRegistryConfig(configs);
        if (client == null) {
            client = new SchemaRegistryClient(configs);
        }
        Class<?> configured = config.specificType(isKey);
        if (specificClass == null && configured != null) {
            readInto(configured, isKey ? SchemaRegistryConfig.SPECIFIC_AVRO_KEY_TYPE
                    : SchemaRegistryConfig.SPECIFIC_AVRO_VALUE_TYPE);
        }
        specificByWriterName = specificClass == null && config.specificAvroReader();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int id = ConfluentWireFormat.schemaId(topic, data);
        GenericDatumReader<Object> reader = readersByWriterId.get(id);
        if (reader == null) {
            reader = newReader(topic, id);
            readersByWriterId.putIfAbsent(id, reader);
        }
        try {
            return (T) reader.read(null, DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_SIZE,
                    data.length - ConfluentWireFormat.HEADER_SIZE, null));
        } catch (SecurityException e) {
            throw AvroClassTrust.untrusted(reader.getExpected(), e);
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException("Cannot decode a " + data.length + "-byte record from topic '" + topic
                    + "' written with schema id " + id + " as " + reader.getExpected().getFullName() + ": " + e.getMessage()
                    + "; first bytes: " + ConfluentWireFormat.hexPrefix(data), e);
        }
    }

    private void readInto(Class<?> cls, String source) {
        if (!SpecificRecord.class.isAssignableFrom(cls)) {
            throw new ConfigException(cls.getName() + " (" + source + ") is not a generated Avro record class");
        }
        SpecificData model = SpecificData.getForClass(cls);
        Schema schema = model.getSchema(cls);
        AvroClassTrust.requireTrusted(schema, model);
        this.specificClass = cls;
        this.specificModel = model;
        this.specificSchema = schema;
    }

    private GenericDatumReader<Object> newReader(String topic, int id) {
        Schema writer;
        try {
            writer = client.byId(id);
        } catch (SchemaNotFoundException e) {
            throw new UnknownSchemaIdException(topic, id, e);
        } catch (AvroRuntimeException e) {
            throw new WireFormatException("Record from topic '" + topic + "' was written with schema id " + id
                    + ", which is not a usable Avro schema: " + e.getMessage(), e);
        }
        if (specificClass != null) {
            return new SpecificDatumReader<>(writer, specificSchema, specificModel);
        }
        if (specificByWriterName) {
            return specificReaderByName(topic, id, writer);
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }

    private GenericDatumReader<Object> specificReaderByName(String topic, int id, Schema writer) {
        Class<?> cls;
        try {
            cls = SpecificData.get().getClass(writer);
        } catch (SecurityException e) {
            throw AvroClassTrust.untrusted(writer, e);
        }
        if (cls == null || !SpecificRecord.class.isAssignableFrom(cls)) {
            throw new WireFormatException("Record from topic '" + topic + "' was written with schema id " + id
                    + " (" + writer.getFullName() + "), which has no generated class on the classpath, and "
                    + SchemaRegistryConfig.SPECIFIC_AVRO_READER + " is true");
        }
        SpecificData model = SpecificData.getForClass(cls);
        Schema reader = model.getSchema(cls);
        AvroClassTrust.requireTrusted(reader, model);
        return new SpecificDatumReader<>(writer, reader, model);
    }
}
