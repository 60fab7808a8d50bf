package dev.newsroom.benchmarks;

import dev.newsroom.ingest.parse.DocumentParser;
import dev.newsroom.ingest.parse.document.RawInput;
import dev.newsroom.schemas.Article;
import dev.newsroom.schemas.BodyBlock;
import dev.newsroom.schemas.Lineage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The repository's sample inputs, as benchmark data. */
final class Samples {

    private Samples() {
    }

    static Path dir() {
        return Path.of(System.getProperty("newsroom.home", "."), "samples");
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Benchmarks need the samples directory (run them with benchmarks/run)", e);
        }
    }

    static Lineage lineage(String documentId) {
        return Lineage.newBuilder().setRawTopic("bench").setRawPartition(0).setRawOffset(0)
                .setDocumentId(documentId).setFormat("").setIngestedAt(Instant.EPOCH).build();
    }

    /** The 5 KB article the enrich figures are quoted for: the Arabic seed ("ar") or the English Atom sample. */
    static Article fiveKilobyteArticle(String language) {
        return language.equals("ar")
                ? article("000_5ae1655f0e8fde34.txt", "text/plain", 5 * 1024)
                : article("feed-en.atom", "application/atom+xml", 5 * 1024);
    }

    /** The first article of a sample, its body repeated up to about {@code bytes} of text, as enrich receives it. */
    static Article article(String sample, String contentType, int bytes) {
        Article parsed = new DocumentParser().parse(RawInput.of(sample, "bench", contentType, null, bytes(sample)),
                lineage(sample)).articles().get(0);
        List<BodyBlock> blocks = new ArrayList<>();
        int size = 0;
        for (int i = 0; size < bytes; i = (i + 1) % parsed.getBlocks().size()) {
            BodyBlock block = parsed.getBlocks().get(i);
            blocks.add(block);
            size += block.getText().getBytes(StandardCharsets.UTF_8).length;
        }
        return Article.newBuilder(parsed).setBlocks(blocks).build();
    }
}
