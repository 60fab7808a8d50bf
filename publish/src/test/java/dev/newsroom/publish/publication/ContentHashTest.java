package dev.newsroom.publish.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode ninjs(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void theHashIgnoresKeyOrderAndTheFieldsThatChangeWithEveryVersion() throws Exception {
        String hash = ContentHash.of(ninjs("{\"uri\":\"u\",\"version\":\"1\",\"versioncreated\":\"2026-11-28T10:00:00Z\","
                + "\"headlines\":[{\"role\":\"main\",\"value\":\"h\"}],\"pubstatus\":\"usable\"}"));

        assertThat(ContentHash.of(ninjs("{\"pubstatus\":\"usable\",\"headlines\":[{\"value\":\"h\",\"role\":\"main\"}],"
                + "\"version\":\"7\",\"uri\":\"u\",\"versioncreated\":\"2026-11-29T10:00:00Z\"}"))).isEqualTo(hash);
        assertThat(hash).hasSize(64);
    }

    @Test
    void theHashIsSha256OfTheCanonicalTextInUtf8() throws Exception {
        String canonical = "{\"headlines\":[{\"role\":\"main\",\"value\":\"تدمر \\\"<\"}],\"uri\":\"u\"}";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(ContentHash.of(ninjs("{\"uri\":\"u\",\"version\":\"2\",\"headlines\":[{\"value\":\"تدمر \\\"<\","
                + "\"role\":\"main\"}]}"))).isEqualTo(expected);
    }

    @Test
    void anyChangeReadersOrOutletsSeeChangesTheHash() throws Exception {
        String usable = ContentHash.of(ninjs("{\"uri\":\"u\",\"headlines\":[{\"value\":\"h\"}],\"pubstatus\":\"usable\"}"));

        assertThat(ContentHash.of(ninjs("{\"uri\":\"u\",\"headlines\":[{\"value\":\"h2\"}],\"pubstatus\":\"usable\"}")))
                .isNotEqualTo(usable);
        assertThat(ContentHash.of(ninjs("{\"uri\":\"u\",\"headlines\":[{\"value\":\"h\"}],\"pubstatus\":\"withheld\"}")))
                .isNotEqualTo(usable);
        assertThat(ContentHash.of(ninjs("{\"uri\":\"u\",\"headlines\":[{\"value\":\"h\"}],\"pubstatus\":\"usable\","
                + "\"descriptions\":[{\"role\":\"advisory\",\"value\":\"graphic: x\"}]}"))).isNotEqualTo(usable);
    }
}
