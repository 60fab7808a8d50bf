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
}
