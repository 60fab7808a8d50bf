package dev.newsroom.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Test fixture for {@link AvroClassTrustTest} only: Avro caches classes it has already trusted, so
 * the trust check needs a generated-style class no other test has made Avro load. It has to be a
 * top-level class: for nested classes Avro rewrites the schema's namespace and never looks the
 * class up by name.
 */
public class TrustProbe extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type": "record", "name": "TrustProbe", "namespace": "dev.newsroom.schemas.serde",
             "fields": [{"name": "id", "type": "string"}]}""");

    private static final SpecificData MODEL$ = new SpecificData();

    private CharSequence id;

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
        return id;
    }

    @Override
    public void put(int field, Object value) {
        id = (CharSequence) value;
    }
}
