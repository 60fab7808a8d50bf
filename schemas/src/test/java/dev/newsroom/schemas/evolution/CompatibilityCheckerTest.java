package dev.newsroom.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.schemas.Article;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/** The check the evolution test relies on does catch the changes that would break old data. */
class CompatibilityCheckerTest {

    private static Schema withExtraField(String fieldJson) {
        String json = Article.getClassSchema().toString();
        int lastBracket = json.lastIndexOf(']');
        return new Schema.Parser().parse(json.substring(0, lastBracket) + "," + fieldJson + json.substring(lastBracket));
    }

    private static SchemaCompatibilityType readOldWithNew(Schema reader) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, Article.getClassSchema()).getType();
    }

    @Test
    void aNewFieldWithADefaultIsBackwardCompatible() {
        Schema next = withExtraField("{\"name\": \"kicker\", \"type\": [\"null\", \"string\"], \"default\": null}");

        assertThat(readOldWithNew(next)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void aNewFieldWithoutADefaultIsNot() {
        Schema next = withExtraField("{\"name\": \"kicker\", \"type\": \"string\"}");

        assertThat(readOldWithNew(next)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void changingAFieldToATypeItCannotBeReadAsIsNot() {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : Article.getClassSchema().getFields()) {
            Schema type = field.name().equals("version") ? Schema.create(Schema.Type.STRING) : field.schema();
            fields.add(new Schema.Field(field, type));
        }
        Schema next = Schema.createRecord("Article", null, "dev.newsroom.schemas", false, fields);

        assertThat(readOldWithNew(next)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }
}
