package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterPagesTest {

    @Test
    void thePayloadShownIsCappedAndTextStaysText() {
        byte[] big = "<script>alert(1)</script>".repeat(2000).getBytes(StandardCharsets.UTF_8);

        String shown = DeadLetterPages.payload(big);

        // Escaping is the template's (th:text); here only the cap.
        assertThat(shown).startsWith("<script>").hasSize(DeadLetterPages.PAYLOAD_PREVIEW_BYTES);
        assertThat(DeadLetterPages.payload("هجوم تدمر".getBytes(StandardCharsets.UTF_8))).isEqualTo("هجوم تدمر");
        assertThat(DeadLetterPages.payload(null)).isEqualTo("(null)");
    }

    @Test
    void binaryPayloadsAreShownAsHex() {
        byte[] avro = {0, 0, 0, 0, 7, 2, -1, -2, 3, 0, 1};

        assertThat(DeadLetterPages.payload(avro)).isEqualTo("00 00 00 00 07 02 ff fe 03 00 01");
    }

    @Test
    void letterLinksEscapeTheirIds() {
        assertThat(DeadLetterPages.link("INGEST:newsroom.raw.v1:1:17")).isEqualTo("/deadletters/INGEST%3Anewsroom.raw.v1%3A1%3A17");
        assertThat(ArticlePages.link("cli:a b/c")).isEqualTo("/articles/cli%3Aa%20b%2Fc");
    }
}
