package dev.newsroom.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.evolution.SchemaHistory.Version;
import dev.newsroom.schemas.topic.TopicId;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every topic's current value schema must read data written with each earlier published version (BACKWARD),
 * and the newest published version must be the current one, so no change ships unrecorded.
 */
class SchemaEvolutionTest {

    @ParameterizedTest
    @EnumSource(TopicId.class)
    void historyIsContiguousAndEndsWithTheCurrentSchema(TopicId topic) {
        List<Version> versions = SchemaHistory.versions(topic);

        assertThat(versions).as("published versions of %s in %s", topic.valueType().getSimpleName(),
                SchemaHistory.ROOT.toAbsolutePath()).isNotEmpty();
        assertThat(versions).extracting(Version::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
        Version latest = versions.get(versions.size() - 1);
        assertThat(latest.schema().toString(true))
                .as("%s differs from the current %s: add the current schema as v%d.avsc (it is a new version) "
                        + "or restore it", latest.file(), topic.valueType().getSimpleName(), latest.number() + 1)
                .isEqualTo(SchemaHistory.current(topic).toString(true));
    }

    @ParameterizedTest
    @EnumSource(TopicId.class)
    void currentSchemaReadsEveryEarlierVersion(TopicId topic) {
        Schema current = SchemaHistory.current(topic);
        List<String> problems = new ArrayList<>();
        for (Version version : SchemaHistory.versions(topic)) {
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, version.schema());
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add("v" + version.number() + ": " + result.getResult().getIncompatibilities());
            }
        }
        assertThat(problems).as("BACKWARD incompatibilities of %s", topic).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TopicId.class)
    void everyEnumHasADefaultSoOldReadersSurviveNewSymbols(TopicId topic) {
        List<String> withoutDefault = new ArrayList<>();
        collectEnumsWithoutDefault(SchemaHistory.current(topic), new java.util.HashSet<>(), withoutDefault);
        assertThat(withoutDefault).isEmpty();
    }

    private static void collectEnumsWithoutDefault(Schema schema, java.util.Set<String> seen, List<String> out) {
        switch (schema.getType()) {
            case ENUM -> {
                if (seen.add(schema.getFullName()) && schema.getEnumDefault() == null) {
                    out.add(schema.getFullName());
                }
            }
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collectEnumsWithoutDefault(f.schema(), seen, out));
                }
            }
            case ARRAY -> collectEnumsWithoutDefault(schema.getElementType(), seen, out);
            case MAP -> collectEnumsWithoutDefault(schema.getValueType(), seen, out);
            case UNION -> schema.getTypes().forEach(t -> collectEnumsWithoutDefault(t, seen, out));
            default -> {
            }
        }
    }
}
