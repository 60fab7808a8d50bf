package dev.newsroom.ops.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.ops.CommandLineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalAdvisoriesCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsPrecisionAndRecallPerKindAndLanguageAndTheMisses() throws Exception {
        Path labelled = Files.writeString(dir.resolve("set.jsonl"), """
                {"id": "a", "language": "en", "headline": "Bomb kills 12 people in market", "text": "A car bomb killed 12 people and wounded 30 in a crowded market. Police said the bombing was a terrorist attack.", "labels": {"violence": true, "death": true, "terrorism": true, "graphic": false}}
                {"id": "b", "language": "en", "headline": "Late attack wins the derby", "text": "United's attack broke through in the 88th minute.", "labels": {"violence": false, "death": false, "terrorism": false, "graphic": false}}
                {"id": "c", "language": "ar", "headline": null, "text": "لقي ثلاثة جنود مصرعهم في انفجار عبوة ناسفة استهدفت دوريتهم . و اصيب اربعة اخرون .", "labels": {"violence": true, "death": true, "terrorism": false, "graphic": true}}
                """);

        CommandLineRun run = CommandLineRun.of("eval", "advisories", "--labelled", labelled.toString(), "--misses");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("kind       language items   pos    TP    FP precision recall suggestions")
                .containsPattern("violence +all +3 +2 +2 +0 +1\\.000 +1\\.000")
                .containsPattern("death +ar +1 +1 +1 +0 +1\\.000 +1\\.000")
                .containsPattern("missed c graphic: nothing");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("eval", "advisories", "--labelled", dir.resolve("none.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("none.jsonl is not a readable file");
    }
}
