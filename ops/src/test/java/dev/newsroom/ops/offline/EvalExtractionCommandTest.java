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

    private static final String PARAGRAPH = "The council voted on Tuesday to keep the library open, after a campaign that"
            + " gathered thousands of signatures, three public meetings and a letter from every school in the district.";

    @Test
    void printsTheTableAndTheMissesOfACorpus() throws Exception {
        Files.writeString(dir.resolve("page.html"), "<html><body><nav><a href=/>Home</a></nav><article><p>" + PARAGRAPH
                + "</p><p>" + PARAGRAPH + "</p></article></body></html>", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("truth.txt"), PARAGRAPH + "\n" + PARAGRAPH + "\nA line the page does not have.\n");
        Files.writeString(dir.resolve("manifest.tsv"), "page\tlanguage\tsplit\tpage_file\ttruth_file\n"
                + "p1\ten\ttune\tpage.html\ttruth.txt\n");

        CommandLineRun run = CommandLineRun.of("eval", "extraction", "--corpus", dir.toString(), "--misses");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("language   pages precision")
                .containsPattern("all +1 +1\\.000")
                .containsPattern("p1 +en +tuned +P 1\\.000");
    }

    @Test
    void scoresAnotherExtractorsTextsWithTheSameTokens() throws Exception {
        Files.writeString(dir.resolve("truth.txt"), PARAGRAPH + "\n" + PARAGRAPH + "\n");
        Files.writeString(dir.resolve("manifest.tsv"), "page\tlanguage\tsplit\tpage_file\ttruth_file\n"
                + "p1\ten\ttune\tpage.html\ttruth.txt\n" + "p2\tfr\theldout\tpage.html\ttruth.txt\n");
        Path extracted = Files.createDirectory(dir.resolve("other-tool"));
        Files.writeString(extracted.resolve("p1.txt"), "Menu\n" + PARAGRAPH + "\n");
        Files.writeString(extracted.resolve("p2.txt"), "");

        CommandLineRun run = CommandLineRun.of("eval", "extraction", "--corpus", dir.toString(), "--extracted",
                extracted.toString(), "--misses");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("p1 +en +tuned +P 0\\.9\\d\\d R 0\\.500")
                .containsPattern("p2 +fr +held +P 0\\.000 R 0\\.000 F1 0\\.000")
                .doesNotContain("CPU-second");
    }

    @Test
    void refusesAnExtractedFolderThatMissesAPage() throws Exception {
        Files.writeString(dir.resolve("truth.txt"), PARAGRAPH);
        Files.writeString(dir.resolve("manifest.tsv"), "page\tlanguage\tsplit\tpage_file\ttruth_file\n"
                + "p1\ten\ttune\tpage.html\ttruth.txt\n");
        Path extracted = Files.createDirectory(dir.resolve("other-tool"));

        CommandLineRun run = CommandLineRun.of("eval", "extraction", "--corpus", dir.toString(), "--extracted",
                extracted.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no extracted text for page p1").contains("p1.txt is missing");
    }
}
