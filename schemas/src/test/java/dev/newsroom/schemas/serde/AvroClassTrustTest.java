package dev.newsroom.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsroom.schemas.registry.InMemoryConfluentRegistryServer;
import dev.newsroom.schemas.registry.SchemaRegistryConfig;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroClassTrustTest {

    @Test
    void theBuildTrustsOurGeneratedPackage() {
        assertThat(System.getProperty(AvroClassTrust.PROPERTY)).contains("dev.newsroom.schemas");
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(TestArticle.class)).isTrue();
    }

    @Test
    void untrustedGeneratedClassFailsWhenTheDeserializerIsBuiltNotOnEveryRecord() {
        ClassSecurityPredicate original = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(cls -> !cls.getName().equals(TrustProbe.class.getName())
                && original.isTrusted(cls));
        try {
            assertThatThrownBy(() -> new AvroDeserializer<>(TrustProbe.class))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(TrustProbe.class.getName())
                    .hasMessageContaining("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.newsroom.schemas.serde")
                    .hasCauseInstanceOf(SecurityException.class)
                    .satisfies(e -> assertThat(AvroDeserializer.isPoisonRecord(e)).isFalse());
        } finally {
            ClassSecurityValidator.setGlobal(original);
        }
    }

    @Test
    void untrustedClassFoundByWriterSchemaNameIsAConfigurationErrorNotAPoisonRecord() {
        try (InMemoryConfluentRegistryServer registry = InMemoryConfluentRegistryServer.start()) {
            Map<String, String> configs = Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url(),
                    SchemaRegistryConfig.SPECIFIC_AVRO_READER, "true");
            GenericRecord probe = new GenericData.Record(TrustProbe.SCHEMA$);
            probe.put("id", "p-1");
            AvroSerializer<GenericRecord> serializer = new AvroSerializer<>();
            serializer.configure(configs, false);
            byte[] payload = serializer.serialize("probes", probe);
            AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
            deserializer.configure(configs, false);
            ClassSecurityPredicate original = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(cls -> !cls.getName().equals(TrustProbe.class.getName())
                    && original.isTrusted(cls));
            try {
                assertThatThrownBy(() -> deserializer.deserialize("probes", payload))
                        .isInstanceOf(ConfigException.class)
                        .hasMessageContaining(AvroClassTrust.PROPERTY)
                        .satisfies(e -> assertThat(AvroDeserializer.isPoisonRecord(e)).isFalse());
            } finally {
                ClassSecurityValidator.setGlobal(original);
            }
        }
    }
}
