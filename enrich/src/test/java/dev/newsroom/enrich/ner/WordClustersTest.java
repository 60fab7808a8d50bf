package dev.newsroom.enrich.ner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class WordClustersTest {

    @Test
    void each_granularity_reads_back_and_unknown_words_have_no_class() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write("london\t3\t200\t1023\nparis\t3\t200\t17\n".getBytes(StandardCharsets.UTF_8));
        }
        WordClusters clusters = WordClusters.create();
        clusters.load(new ByteArrayInputStream(bytes.toByteArray()));

        int london = clusters.of("london");
        assertThat(WordClusters.level(london, 0)).isEqualTo(3);
        assertThat(WordClusters.level(london, 1)).isEqualTo(200);
        assertThat(WordClusters.level(london, 2)).isEqualTo(1023);
        assertThat(WordClusters.level(clusters.of("paris"), 2)).isEqualTo(17);
        assertThat(clusters.of("cairo")).isZero();
    }

    @Test
    void a_table_past_its_first_capacity_keeps_every_word_and_a_later_file_wins() throws Exception {
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            first.append("w").append(i).append('\t').append(1 + i % 32).append('\t').append(1 + i % 256)
                    .append('\t').append(1 + i % 1023).append('\n');
        }
        WordClusters clusters = WordClusters.create();
        clusters.load(gzipped(first.toString()));
        clusters.load(gzipped("w5\t9\t9\t9\n"));

        for (int i = 0; i < 70_000; i += 997) {
            assertThat(WordClusters.level(clusters.of("w" + i), 2)).as("w" + i).isEqualTo(1 + i % 1023);
        }
        assertThat(WordClusters.level(clusters.of("w69999"), 0)).isEqualTo(1 + 69_999 % 32);
        assertThat(WordClusters.level(clusters.of("w5"), 0)).isEqualTo(9);
        assertThat(clusters.of("w70000")).isZero();
    }

    private static ByteArrayInputStream gzipped(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
