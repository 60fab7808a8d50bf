package dev.newsroom.platform.ninjs;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Validates JSON against IPTC's ninjs 2.2 JSON Schema, with format assertions (uri, date-time) switched on. */
public final class NinjsSchemaValidator {

    private static final Schema SCHEMA = load();

    private NinjsSchemaValidator() {
    }

    private static Schema load() {
        try (InputStream in = NinjsWriter.class.getResourceAsStream(NinjsWriter.SCHEMA_RESOURCE)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(json,
                    InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems found, as "location: message"; empty when the document is valid ninjs 2.2. */
    public static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON,
                        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream()
                .map(Error::toString)
                .toList();
    }
}
