package dev.newsroom.enrich;

import static dev.newsroom.enrich.Fixtures.ENRICHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsroom.enrich.AdvisoryModelTraining.Prepared;
import dev.newsroom.enrich.AdvisoryModelTraining.Settings;
import dev.newsroom.schemas.AdvisoryKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where training lets the model take over from the thresholds. */
class AdvisoryModelTrainingTest {

    private static final String[] PLACES = {"Kabul", "Lagos", "Aleppo", "Mosul", "Karachi", "Manila", "Cairo",
        "Juba", "Tripoli", "Sanaa"};

    /**
     * Positives the thresholds are told to miss, so the model always beats them on F0.5: whether it takes over then
     * depends on how many positives it learnt from.
     */
    private static List<Prepared> labelled(Path dir, int positives) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < positives; i++) {
            lines.add(line("p" + i, "Gunmen shot and wounded " + (i + 3) + " people in an attack on a market in "
                    + PLACES[i % PLACES.length] + "; police said the attackers fired on shoppers.", true));
        }
        for (int i = 0; i < 2 * positives; i++) {
            lines.add(line("n" + i, "The council in " + PLACES[i % PLACES.length] + " approved a budget of "
                    + (i + 2) + " million for schools and roads after a long debate.", false));
        }
        Path file = dir.resolve("labelled-" + positives + ".jsonl");
        Files.write(file, lines);
        return AdvisoryModelTraining.prepare(file, ENRICHER).stream()
                .map(p -> new Prepared(p.id(), p.language(), p.evidence(), Set.of(), p.labels()))
                .toList();
    }

    private static String line(String id, String text, boolean violence) {
        return "{\"id\":\"" + id + "\",\"language\":\"en\",\"text\":\"" + text + "\",\"labels\":{\"violence\":"
                + violence + "}}";
    }

    @Test
    void the_model_takes_over_only_where_dev_holds_enough_positives(@TempDir Path dir) throws IOException {
        StringWriter report = new StringWriter();
        var many = AdvisoryModelTraining.train(labelled(dir, AdvisoryModelTraining.MIN_POSITIVES), Settings.DEFAULT, 5,
                new PrintWriter(report));
        var few = AdvisoryModelTraining.train(labelled(dir, AdvisoryModelTraining.MIN_POSITIVES - 1),
                Settings.DEFAULT, 5, new PrintWriter(report));

        assertThat(many.cut("en", AdvisoryKind.VIOLENCE)).as("cut learnt from %d positives",
                AdvisoryModelTraining.MIN_POSITIVES).isBetween(0.0, 1.0);
        assertThat(few.cut("en", AdvisoryKind.VIOLENCE)).as("one positive fewer: the thresholds decide").isNaN();
    }
}
