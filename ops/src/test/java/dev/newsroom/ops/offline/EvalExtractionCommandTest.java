package dev.newsroom.ops.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.CommandLineRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalExtractionCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheTableAndTheMissesOfACorpus() throws Exception {
        String paragraph = "The council voted on Tuesday to keep the library open, after a campaign that gathered thousands"
                + " of signatures, three public meetings and a letter from every school in the district.";
        Files.writeString(dir.resolve("page.html"), "<html><body><nav><a href=/>Home</a></nav><article><p>" + paragraph
                + "</p><p>" + paragraph + "</p></article></body></html>", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("truth.txt"), paragraph + "\n" + paragraph + "\nA line the page does not have.\n");
        Files.writeString(dir.resolve("manifest.tsv"), "page\tlanguage\tsplit\tpage_file\ttruth_file\n"
                + "p1\ten\ttune\tpage.html\ttruth.txt\n");

        CommandLineRun run = CommandLineRun.of("eval", "extraction", "--corpus", dir.toString(), "--misses");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("language   pages precision")
                .containsPattern("all +1 +1\\.000")
                .containsPattern("p1 +en +tuned +P 1\\.000");
    }
}
