package dev.newsroom.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Test fixture: a hand-written equivalent of an avro-maven-plugin class, so the serde tests do not
 * depend on the production schemas. It is "version 2" of an article: {@code wordCount} was added
 * with a default, which is what the schema evolution tests resolve old records into.
 */
public class TestArticle extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type": "record", "name": "TestArticle", "namespace": "dev.newsroom.schemas.serde", "fields": [
              {"name": "id", "type": {"type": "string", "avro.java.string": "String"}},
              {"name": "headline", "type": {"type": "string", "avro.java.string": "String"}},
              {"name": "wordCount", "type": "int", "default": 0}
            ]}""");

    private static final SpecificData MODEL$ = new SpecificData();

    private String id;
    private String headline;
    private int wordCount;

    public TestArticle() {
    }

    public TestArticle(String id, String headline, int wordCount) {
        this.id = id;
        this.headline = headline;
        this.wordCount = wordCount;
    }

    public static Schema getClassSchema() {
        return SCHEMA$;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public SpecificData getSpecificData() {
        return MODEL$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> id;
            case 1 -> headline;
            case 2 -> wordCount;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> id = value == null ? null : value.toString();
            case 1 -> headline = value == null ? null : value.toString();
            case 2 -> wordCount = (Integer) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }

    public String getId() {
        return id;
    }

    public String getHeadline() {
        return headline;
    }

    public int getWordCount() {
        return wordCount;
    }
}
